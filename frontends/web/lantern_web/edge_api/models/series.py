from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Series")



@_attrs_define
class Series:
    """ 
        Attributes:
            created_at (datetime.datetime):
            duration_minutes (int):
            exdates (list[datetime.date]):
            first_starts_at (datetime.datetime): DTSTART: the first occurrence's local wall time in `timezone`, with that
                zone's offset then
            id (UUID):
            program_id (UUID):
            rrule (str):
            timezone (str):
            updated_at (datetime.datetime):
     """

    created_at: datetime.datetime
    duration_minutes: int
    exdates: list[datetime.date]
    first_starts_at: datetime.datetime
    id: UUID
    program_id: UUID
    rrule: str
    timezone: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        duration_minutes = self.duration_minutes

        exdates = []
        for exdates_item_data in self.exdates:
            exdates_item = exdates_item_data.isoformat()
            exdates.append(exdates_item)



        first_starts_at = self.first_starts_at.isoformat()

        id = str(self.id)

        program_id = str(self.program_id)

        rrule = self.rrule

        timezone = self.timezone

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "duration_minutes": duration_minutes,
            "exdates": exdates,
            "first_starts_at": first_starts_at,
            "id": id,
            "program_id": program_id,
            "rrule": rrule,
            "timezone": timezone,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        duration_minutes = d.pop("duration_minutes")

        exdates = []
        _exdates = d.pop("exdates")
        for exdates_item_data in (_exdates):
            exdates_item = datetime.date.fromisoformat(exdates_item_data)



            exdates.append(exdates_item)


        first_starts_at = datetime.datetime.fromisoformat(d.pop("first_starts_at"))




        id = UUID(d.pop("id"))




        program_id = UUID(d.pop("program_id"))




        rrule = d.pop("rrule")

        timezone = d.pop("timezone")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        series = cls(
            created_at=created_at,
            duration_minutes=duration_minutes,
            exdates=exdates,
            first_starts_at=first_starts_at,
            id=id,
            program_id=program_id,
            rrule=rrule,
            timezone=timezone,
            updated_at=updated_at,
        )


        series.additional_properties = d
        return series

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
