from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="Coverage")



@_attrs_define
class Coverage:
    """ 
        Attributes:
            active_partners (int):
            covered (bool):
            kinds (list[str]):
     """

    active_partners: int
    covered: bool
    kinds: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        active_partners = self.active_partners

        covered = self.covered

        kinds = self.kinds




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active_partners": active_partners,
            "covered": covered,
            "kinds": kinds,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active_partners = d.pop("active_partners")

        covered = d.pop("covered")

        kinds = cast(list[str], d.pop("kinds"))


        coverage = cls(
            active_partners=active_partners,
            covered=covered,
            kinds=kinds,
        )


        coverage.additional_properties = d
        return coverage

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
