from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.device_kind import check_device_kind
from ..models.device_kind import DeviceKind
from typing import cast






T = TypeVar("T", bound="Availability")



@_attrs_define
class Availability:
    """ 
        Attributes:
            available (int):
            holds_waiting (int):
            kind (DeviceKind):
     """

    available: int
    holds_waiting: int
    kind: DeviceKind
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        available = self.available

        holds_waiting = self.holds_waiting

        kind: str = self.kind


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "available": available,
            "holds_waiting": holds_waiting,
            "kind": kind,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        available = d.pop("available")

        holds_waiting = d.pop("holds_waiting")

        kind = check_device_kind(d.pop("kind"))




        availability = cls(
            available=available,
            holds_waiting=holds_waiting,
            kind=kind,
        )


        availability.additional_properties = d
        return availability

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
