from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.opening_hours import OpeningHours





T = TypeVar("T", bound="Branch")



@_attrs_define
class Branch:
    """ 
        Attributes:
            code (str):
            hours (list[OpeningHours]): A weekday that is not listed is a day the branch is closed
            name (str):
            timezone (str):
     """

    code: str
    hours: list[OpeningHours]
    name: str
    timezone: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.opening_hours import OpeningHours # noqa: PLC0415
        code = self.code

        hours = []
        for hours_item_data in self.hours:
            hours_item = hours_item_data.to_dict()
            hours.append(hours_item)



        name = self.name

        timezone = self.timezone


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "hours": hours,
            "name": name,
            "timezone": timezone,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.opening_hours import OpeningHours # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        hours = []
        _hours = d.pop("hours")
        for hours_item_data in (_hours):
            hours_item = OpeningHours.from_dict(hours_item_data)



            hours.append(hours_item)


        name = d.pop("name")

        timezone = d.pop("timezone")

        branch = cls(
            code=code,
            hours=hours,
            name=name,
            timezone=timezone,
        )


        branch.additional_properties = d
        return branch

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
