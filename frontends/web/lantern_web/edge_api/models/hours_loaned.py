from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="HoursLoaned")



@_attrs_define
class HoursLoaned:
    """ 
        Attributes:
            bookings (int):
            hours (float):
            month (str): YYYY-MM, in the branch's calendar
            partner_id (UUID):
     """

    bookings: int
    hours: float
    month: str
    partner_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        bookings = self.bookings

        hours = self.hours

        month = self.month

        partner_id = str(self.partner_id)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "bookings": bookings,
            "hours": hours,
            "month": month,
            "partner_id": partner_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bookings = d.pop("bookings")

        hours = d.pop("hours")

        month = d.pop("month")

        partner_id = UUID(d.pop("partner_id"))




        hours_loaned = cls(
            bookings=bookings,
            hours=hours,
            month=month,
            partner_id=partner_id,
        )


        hours_loaned.additional_properties = d
        return hours_loaned

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
