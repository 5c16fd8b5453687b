from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.booking_purpose import BookingPurpose
from ..models.booking_purpose import check_booking_purpose
from ..models.booking_status import BookingStatus
from ..models.booking_status import check_booking_status
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Booking")



@_attrs_define
class Booking:
    """ 
        Attributes:
            created_at (datetime.datetime):
            ends_at (datetime.datetime):
            held_from (datetime.datetime):
            held_until (datetime.datetime):
            id (UUID):
            purpose (BookingPurpose):
            requested_by (str):
            setup_minutes (int):
            space_id (UUID):
            starts_at (datetime.datetime):
            status (BookingStatus):
            teardown_minutes (int):
            title (str):
            updated_at (datetime.datetime):
            attendees (int | None | Unset):
            decided_at (datetime.datetime | None | Unset):
            decided_by (None | str | Unset):
            partner_id (None | Unset | UUID):
            reason (None | str | Unset):
            session_id (None | Unset | UUID):
     """

    created_at: datetime.datetime
    ends_at: datetime.datetime
    held_from: datetime.datetime
    held_until: datetime.datetime
    id: UUID
    purpose: BookingPurpose
    requested_by: str
    setup_minutes: int
    space_id: UUID
    starts_at: datetime.datetime
    status: BookingStatus
    teardown_minutes: int
    title: str
    updated_at: datetime.datetime
    attendees: int | None | Unset = UNSET
    decided_at: datetime.datetime | None | Unset = UNSET
    decided_by: None | str | Unset = UNSET
    partner_id: None | Unset | UUID = UNSET
    reason: None | str | Unset = UNSET
    session_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        ends_at = self.ends_at.isoformat()

        held_from = self.held_from.isoformat()

        held_until = self.held_until.isoformat()

        id = str(self.id)

        purpose: str = self.purpose

        requested_by = self.requested_by

        setup_minutes = self.setup_minutes

        space_id = str(self.space_id)

        starts_at = self.starts_at.isoformat()

        status: str = self.status

        teardown_minutes = self.teardown_minutes

        title = self.title

        updated_at = self.updated_at.isoformat()

        attendees: int | None | Unset
        if isinstance(self.attendees, Unset):
            attendees = UNSET
        else:
            attendees = self.attendees

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decided_by: None | str | Unset
        if isinstance(self.decided_by, Unset):
            decided_by = UNSET
        else:
            decided_by = self.decided_by

        partner_id: None | str | Unset
        if isinstance(self.partner_id, Unset):
            partner_id = UNSET
        elif isinstance(self.partner_id, UUID):
            partner_id = str(self.partner_id)
        else:
            partner_id = self.partner_id

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        session_id: None | str | Unset
        if isinstance(self.session_id, Unset):
            session_id = UNSET
        elif isinstance(self.session_id, UUID):
            session_id = str(self.session_id)
        else:
            session_id = self.session_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "ends_at": ends_at,
            "held_from": held_from,
            "held_until": held_until,
            "id": id,
            "purpose": purpose,
            "requested_by": requested_by,
            "setup_minutes": setup_minutes,
            "space_id": space_id,
            "starts_at": starts_at,
            "status": status,
            "teardown_minutes": teardown_minutes,
            "title": title,
            "updated_at": updated_at,
        })
        if attendees is not UNSET:
            field_dict["attendees"] = attendees
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if decided_by is not UNSET:
            field_dict["decided_by"] = decided_by
        if partner_id is not UNSET:
            field_dict["partner_id"] = partner_id
        if reason is not UNSET:
            field_dict["reason"] = reason
        if session_id is not UNSET:
            field_dict["session_id"] = session_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        held_from = datetime.datetime.fromisoformat(d.pop("held_from"))




        held_until = datetime.datetime.fromisoformat(d.pop("held_until"))




        id = UUID(d.pop("id"))




        purpose = check_booking_purpose(d.pop("purpose"))




        requested_by = d.pop("requested_by")

        setup_minutes = d.pop("setup_minutes")

        space_id = UUID(d.pop("space_id"))




        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        status = check_booking_status(d.pop("status"))




        teardown_minutes = d.pop("teardown_minutes")

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_attendees(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        attendees = _parse_attendees(d.pop("attendees", UNSET))


        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)



                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))


        def _parse_decided_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decided_by = _parse_decided_by(d.pop("decided_by", UNSET))


        def _parse_partner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                partner_id_type_0 = UUID(data)



                return partner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        partner_id = _parse_partner_id(d.pop("partner_id", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        def _parse_session_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                session_id_type_0 = UUID(data)



                return session_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        session_id = _parse_session_id(d.pop("session_id", UNSET))


        booking = cls(
            created_at=created_at,
            ends_at=ends_at,
            held_from=held_from,
            held_until=held_until,
            id=id,
            purpose=purpose,
            requested_by=requested_by,
            setup_minutes=setup_minutes,
            space_id=space_id,
            starts_at=starts_at,
            status=status,
            teardown_minutes=teardown_minutes,
            title=title,
            updated_at=updated_at,
            attendees=attendees,
            decided_at=decided_at,
            decided_by=decided_by,
            partner_id=partner_id,
            reason=reason,
            session_id=session_id,
        )


        booking.additional_properties = d
        return booking

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
