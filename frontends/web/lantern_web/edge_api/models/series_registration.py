from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.series_registration_status import check_series_registration_status
from ..models.series_registration_status import SeriesRegistrationStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="SeriesRegistration")



@_attrs_define
class SeriesRegistration:
    """ 
        Attributes:
            id (UUID):
            occurrences_held (int): Occurrences in which this registration holds a seat or a place
            patron_id (UUID):
            registered_at (datetime.datetime):
            series_id (UUID):
            status (SeriesRegistrationStatus):
            cancel_reason (None | str | Unset):
            cancelled_at (datetime.datetime | None | Unset):
            confirmed_at (datetime.datetime | None | Unset):
            waitlist_position (int | None | Unset): 1 is next in line; only while waitlisted
     """

    id: UUID
    occurrences_held: int
    patron_id: UUID
    registered_at: datetime.datetime
    series_id: UUID
    status: SeriesRegistrationStatus
    cancel_reason: None | str | Unset = UNSET
    cancelled_at: datetime.datetime | None | Unset = UNSET
    confirmed_at: datetime.datetime | None | Unset = UNSET
    waitlist_position: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        occurrences_held = self.occurrences_held

        patron_id = str(self.patron_id)

        registered_at = self.registered_at.isoformat()

        series_id = str(self.series_id)

        status: str = self.status

        cancel_reason: None | str | Unset
        if isinstance(self.cancel_reason, Unset):
            cancel_reason = UNSET
        else:
            cancel_reason = self.cancel_reason

        cancelled_at: None | str | Unset
        if isinstance(self.cancelled_at, Unset):
            cancelled_at = UNSET
        elif isinstance(self.cancelled_at, datetime.datetime):
            cancelled_at = self.cancelled_at.isoformat()
        else:
            cancelled_at = self.cancelled_at

        confirmed_at: None | str | Unset
        if isinstance(self.confirmed_at, Unset):
            confirmed_at = UNSET
        elif isinstance(self.confirmed_at, datetime.datetime):
            confirmed_at = self.confirmed_at.isoformat()
        else:
            confirmed_at = self.confirmed_at

        waitlist_position: int | None | Unset
        if isinstance(self.waitlist_position, Unset):
            waitlist_position = UNSET
        else:
            waitlist_position = self.waitlist_position


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "occurrences_held": occurrences_held,
            "patron_id": patron_id,
            "registered_at": registered_at,
            "series_id": series_id,
            "status": status,
        })
        if cancel_reason is not UNSET:
            field_dict["cancel_reason"] = cancel_reason
        if cancelled_at is not UNSET:
            field_dict["cancelled_at"] = cancelled_at
        if confirmed_at is not UNSET:
            field_dict["confirmed_at"] = confirmed_at
        if waitlist_position is not UNSET:
            field_dict["waitlist_position"] = waitlist_position

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        occurrences_held = d.pop("occurrences_held")

        patron_id = UUID(d.pop("patron_id"))




        registered_at = datetime.datetime.fromisoformat(d.pop("registered_at"))




        series_id = UUID(d.pop("series_id"))




        status = check_series_registration_status(d.pop("status"))




        def _parse_cancel_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cancel_reason = _parse_cancel_reason(d.pop("cancel_reason", UNSET))


        def _parse_cancelled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_at_type_0 = datetime.datetime.fromisoformat(data)



                return cancelled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at", UNSET))


        def _parse_confirmed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                confirmed_at_type_0 = datetime.datetime.fromisoformat(data)



                return confirmed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        confirmed_at = _parse_confirmed_at(d.pop("confirmed_at", UNSET))


        def _parse_waitlist_position(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        waitlist_position = _parse_waitlist_position(d.pop("waitlist_position", UNSET))


        series_registration = cls(
            id=id,
            occurrences_held=occurrences_held,
            patron_id=patron_id,
            registered_at=registered_at,
            series_id=series_id,
            status=status,
            cancel_reason=cancel_reason,
            cancelled_at=cancelled_at,
            confirmed_at=confirmed_at,
            waitlist_position=waitlist_position,
        )


        series_registration.additional_properties = d
        return series_registration

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
