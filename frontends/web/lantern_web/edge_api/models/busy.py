from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Busy")



@_attrs_define
class Busy:
    """ 
        Attributes:
            held_from (datetime.datetime):
            held_until (datetime.datetime):
            status (str):
     """

    held_from: datetime.datetime
    held_until: datetime.datetime
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        held_from = self.held_from.isoformat()

        held_until = self.held_until.isoformat()

        status = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "held_from": held_from,
            "held_until": held_until,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        held_from = datetime.datetime.fromisoformat(d.pop("held_from"))




        held_until = datetime.datetime.fromisoformat(d.pop("held_until"))




        status = d.pop("status")

        busy = cls(
            held_from=held_from,
            held_until=held_until,
            status=status,
        )


        busy.additional_properties = d
        return busy

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
