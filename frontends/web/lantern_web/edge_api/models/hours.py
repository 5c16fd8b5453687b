from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Hours")



@_attrs_define
class Hours:
    """ 
        Attributes:
            closes (str): Local wall-clock time, HH:MM[:SS]
            opens (str): Local wall-clock time, HH:MM[:SS]
            weekday (int): ISO weekday: 1 is Monday, 7 is Sunday
     """

    closes: str
    opens: str
    weekday: int





    def to_dict(self) -> dict[str, Any]:
        closes = self.closes

        opens = self.opens

        weekday = self.weekday


        field_dict: dict[str, Any] = {}

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

        hours = cls(
            closes=closes,
            opens=opens,
            weekday=weekday,
        )

        return hours

