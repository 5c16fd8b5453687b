from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="OpeningHours")



@_attrs_define
class OpeningHours:
    """ 
        Attributes:
            closes (str): Local wall-clock time, HH:MM[:SS]
            opens (str): Local wall-clock time, HH:MM[:SS]
            weekday (int): ISO weekday: 1 is Monday, 7 is Sunday
     """

    closes: str
    opens: str
    weekday: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        closes = self.closes

        opens = self.opens

        weekday = self.weekday


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "closes": closes,
            "opens": opens,
            "weekday": weekday,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        closes = d.pop("closes")

        opens = d.pop("opens")

        weekday = d.pop("weekday")

        opening_hours = cls(
            closes=closes,
            opens=opens,
            weekday=weekday,
        )


        opening_hours.additional_properties = d
        return opening_hours

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
