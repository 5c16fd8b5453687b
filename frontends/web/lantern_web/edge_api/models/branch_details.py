from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.branch_details_timezone import BranchDetailsTimezone
from ..models.branch_details_timezone import check_branch_details_timezone
from typing import cast

if TYPE_CHECKING:
  from ..models.hours import Hours





T = TypeVar("T", bound="BranchDetails")



@_attrs_define
class BranchDetails:
    """ 
        Attributes:
            hours (list[Hours]): A weekday that is not listed is a day the branch is closed
            name (str):
            timezone (BranchDetailsTimezone): IANA time zone, e.g. America/Los_Angeles
     """

    hours: list[Hours]
    name: str
    timezone: BranchDetailsTimezone





    def to_dict(self) -> dict[str, Any]:
        from ..models.hours import Hours # noqa: PLC0415
        hours = []
        for hours_item_data in self.hours:
            hours_item = hours_item_data.to_dict()
            hours.append(hours_item)



        name = self.name

        timezone: str = self.timezone


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "hours": hours,
            "name": name,
            "timezone": timezone,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hours import Hours # noqa: PLC0415
        d = dict(src_dict)
        hours = []
        _hours = d.pop("hours")
        for hours_item_data in (_hours):
            hours_item = Hours.from_dict(hours_item_data)



            hours.append(hours_item)


        name = d.pop("name")

        timezone = check_branch_details_timezone(d.pop("timezone"))




        branch_details = cls(
            hours=hours,
            name=name,
            timezone=timezone,
        )

        return branch_details

