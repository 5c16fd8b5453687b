from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.schedule_byday_item import check_schedule_byday_item
from ..models.schedule_byday_item import ScheduleBydayItem
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Schedule")



@_attrs_define
class Schedule:
    """ Weekly opening hours, in the library's time zone.

        Attributes:
            byday (list[ScheduleBydayItem]):
            closes_at (str): Local wall-clock time, HH:MM[:SS]
            opens_at (str): Local wall-clock time, HH:MM[:SS]
            description (None | str | Unset):
            id (UUID | Unset):
            valid_from (datetime.date | None | Unset):
            valid_to (datetime.date | None | Unset):
     """

    byday: list[ScheduleBydayItem]
    closes_at: str
    opens_at: str
    description: None | str | Unset = UNSET
    id: UUID | Unset = UNSET
    valid_from: datetime.date | None | Unset = UNSET
    valid_to: datetime.date | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        byday = []
        for byday_item_data in self.byday:
            byday_item: str = byday_item_data
            byday.append(byday_item)



        closes_at = self.closes_at

        opens_at = self.opens_at

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        valid_from: None | str | Unset
        if isinstance(self.valid_from, Unset):
            valid_from = UNSET
        elif isinstance(self.valid_from, datetime.date):
            valid_from = self.valid_from.isoformat()
        else:
            valid_from = self.valid_from

        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "byday": byday,
            "closes_at": closes_at,
            "opens_at": opens_at,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if id is not UNSET:
            field_dict["id"] = id
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        byday = []
        _byday = d.pop("byday")
        for byday_item_data in (_byday):
            byday_item = check_schedule_byday_item(byday_item_data)



            byday.append(byday_item)


        closes_at = d.pop("closes_at")

        opens_at = d.pop("opens_at")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id,  Unset):
            id = UNSET
        else:
            id = UUID(_id)




        def _parse_valid_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_from_type_0 = datetime.date.fromisoformat(data)



                return valid_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_from = _parse_valid_from(d.pop("valid_from", UNSET))


        def _parse_valid_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)



                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_to = _parse_valid_to(d.pop("valid_to", UNSET))


        schedule = cls(
            byday=byday,
            closes_at=closes_at,
            opens_at=opens_at,
            description=description,
            id=id,
            valid_from=valid_from,
            valid_to=valid_to,
        )

        return schedule

