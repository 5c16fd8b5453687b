from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.session import Session





T = TypeVar("T", bound="SeriesView")



@_attrs_define
class SeriesView:
    """ 
        Attributes:
            created_at (datetime.datetime):
            duration_minutes (int):
            exdates (list[datetime.date]):
            first_starts_at (datetime.datetime): DTSTART: the first occurrence's local wall time in `timezone`, with that
                zone's offset then
            id (UUID):
            occurrences (list[Session]):
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
    occurrences: list[Session]
    program_id: UUID
    rrule: str
    timezone: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.session import Session # noqa: PLC0415
        created_at = self.created_at.isoformat()

        duration_minutes = self.duration_minutes

        exdates = []
        for exdates_item_data in self.exdates:
            exdates_item = exdates_item_data.isoformat()
            exdates.append(exdates_item)



        first_starts_at = self.first_starts_at.isoformat()

        id = str(self.id)

        occurrences = []
        for occurrences_item_data in self.occurrences:
            occurrences_item = occurrences_item_data.to_dict()
            occurrences.append(occurrences_item)



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
            "occurrences": occurrences,
            "program_id": program_id,
            "rrule": rrule,
            "timezone": timezone,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.session import Session # noqa: PLC0415
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




        occurrences = []
        _occurrences = d.pop("occurrences")
        for occurrences_item_data in (_occurrences):
            occurrences_item = Session.from_dict(occurrences_item_data)



            occurrences.append(occurrences_item)


        program_id = UUID(d.pop("program_id"))




        rrule = d.pop("rrule")

        timezone = d.pop("timezone")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        series_view = cls(
            created_at=created_at,
            duration_minutes=duration_minutes,
            exdates=exdates,
            first_starts_at=first_starts_at,
            id=id,
            occurrences=occurrences,
            program_id=program_id,
            rrule=rrule,
            timezone=timezone,
            updated_at=updated_at,
        )


        series_view.additional_properties = d
        return series_view

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
