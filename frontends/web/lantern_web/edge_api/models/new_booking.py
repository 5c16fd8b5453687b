from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.booking_purpose import BookingPurpose
from ..models.booking_purpose import check_booking_purpose
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="NewBooking")



@_attrs_define
class NewBooking:
    """ A space for a session (staff) or for a partner organization's own training class (staff or that partner).

        Attributes:
            ends_at (datetime.datetime):
            space_id (UUID):
            starts_at (datetime.datetime):
            title (str):
            attendees (int | None | Unset):
            partner_id (None | Unset | UUID): The organization the space is loaned to
            purpose (BookingPurpose | None | Unset): Default: partner_training when a partner is named, else session
            session_id (None | Unset | UUID): The session it is for (staff only)
            setup_minutes (int | None | Unset): Default: the space's
            teardown_minutes (int | None | Unset): Default: the space's
     """

    ends_at: datetime.datetime
    space_id: UUID
    starts_at: datetime.datetime
    title: str
    attendees: int | None | Unset = UNSET
    partner_id: None | Unset | UUID = UNSET
    purpose: BookingPurpose | None | Unset = UNSET
    session_id: None | Unset | UUID = UNSET
    setup_minutes: int | None | Unset = UNSET
    teardown_minutes: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        ends_at = self.ends_at.isoformat()

        space_id = str(self.space_id)

        starts_at = self.starts_at.isoformat()

        title = self.title

        attendees: int | None | Unset
        if isinstance(self.attendees, Unset):
            attendees = UNSET
        else:
            attendees = self.attendees

        partner_id: None | str | Unset
        if isinstance(self.partner_id, Unset):
            partner_id = UNSET
        elif isinstance(self.partner_id, UUID):
            partner_id = str(self.partner_id)
        else:
            partner_id = self.partner_id

        purpose: None | str | Unset
        if isinstance(self.purpose, Unset):
            purpose = UNSET
        elif isinstance(self.purpose, str):
            purpose = self.purpose
        else:
            purpose = self.purpose

        session_id: None | str | Unset
        if isinstance(self.session_id, Unset):
            session_id = UNSET
        elif isinstance(self.session_id, UUID):
            session_id = str(self.session_id)
        else:
            session_id = self.session_id

        setup_minutes: int | None | Unset
        if isinstance(self.setup_minutes, Unset):
            setup_minutes = UNSET
        else:
            setup_minutes = self.setup_minutes

        teardown_minutes: int | None | Unset
        if isinstance(self.teardown_minutes, Unset):
            teardown_minutes = UNSET
        else:
            teardown_minutes = self.teardown_minutes


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "ends_at": ends_at,
            "space_id": space_id,
            "starts_at": starts_at,
            "title": title,
        })
        if attendees is not UNSET:
            field_dict["attendees"] = attendees
        if partner_id is not UNSET:
            field_dict["partner_id"] = partner_id
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if setup_minutes is not UNSET:
            field_dict["setup_minutes"] = setup_minutes
        if teardown_minutes is not UNSET:
            field_dict["teardown_minutes"] = teardown_minutes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        space_id = UUID(d.pop("space_id"))




        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        title = d.pop("title")

        def _parse_attendees(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        attendees = _parse_attendees(d.pop("attendees", UNSET))


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


        def _parse_purpose(data: object) -> BookingPurpose | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                purpose_type_0 = check_booking_purpose(data)



                return purpose_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BookingPurpose | None | Unset, data)

        purpose = _parse_purpose(d.pop("purpose", UNSET))


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


        def _parse_setup_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        setup_minutes = _parse_setup_minutes(d.pop("setup_minutes", UNSET))


        def _parse_teardown_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        teardown_minutes = _parse_teardown_minutes(d.pop("teardown_minutes", UNSET))


        new_booking = cls(
            ends_at=ends_at,
            space_id=space_id,
            starts_at=starts_at,
            title=title,
            attendees=attendees,
            partner_id=partner_id,
            purpose=purpose,
            session_id=session_id,
            setup_minutes=setup_minutes,
            teardown_minutes=teardown_minutes,
        )

        return new_booking

