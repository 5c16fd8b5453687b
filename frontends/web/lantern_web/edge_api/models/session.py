from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.session_age_group_type_0 import check_session_age_group_type_0
from ..models.session_age_group_type_0 import SessionAgeGroupType0
from ..models.session_format import check_session_format
from ..models.session_format import SessionFormat
from ..models.session_status import check_session_status
from ..models.session_status import SessionStatus
from ..models.session_timezone import check_session_timezone
from ..models.session_timezone import SessionTimezone
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.place import Place
  from ..models.session_devices_missing import SessionDevicesMissing
  from ..models.session_devices_needed import SessionDevicesNeeded





T = TypeVar("T", bound="Session")



@_attrs_define
class Session:
    """ 
        Attributes:
            capacity (int):
            created_at (datetime.datetime):
            ends_at (datetime.datetime):
            id (UUID):
            languages (list[str]):
            place (Place):
            program_id (UUID):
            seats_left (int):
            starts_at (datetime.datetime):
            status (SessionStatus):
            timezone (SessionTimezone): IANA time zone, e.g. America/Los_Angeles
            updated_at (datetime.datetime):
            age_group (None | SessionAgeGroupType0 | Unset): PLS target age band; the program's when absent
            booking_id (None | Unset | UUID): The space booked for it (POST /space-bookings)
            cancel_reason (None | str | Unset):
            confirmed (int | Unset):  Default: 0.
            devices_missing (SessionDevicesMissing | Unset):
            devices_needed (SessionDevicesNeeded | Unset):
            format_ (SessionFormat | Unset):  Default: 'in_person_on_site'.
            host_partner_id (None | Unset | UUID): The partner hosting the program, if any
            hybrid (bool | Unset): Also streamed live; counted once, as in person Default: False.
            moved (bool | Unset): Moved on its own: series edits leave it alone Default: False.
            occurrence (datetime.datetime | None | Unset): Original local start in the series (RECURRENCE-ID), with the
                zone's offset then
            registration_closes_at (datetime.datetime | None | Unset): Closes at the start when absent
            registration_opens_at (datetime.datetime | None | Unset): Open from scheduling when absent
            series_id (None | Unset | UUID): The series this session is an occurrence of
            waitlisted (int | Unset):  Default: 0.
     """

    capacity: int
    created_at: datetime.datetime
    ends_at: datetime.datetime
    id: UUID
    languages: list[str]
    place: Place
    program_id: UUID
    seats_left: int
    starts_at: datetime.datetime
    status: SessionStatus
    timezone: SessionTimezone
    updated_at: datetime.datetime
    age_group: None | SessionAgeGroupType0 | Unset = UNSET
    booking_id: None | Unset | UUID = UNSET
    cancel_reason: None | str | Unset = UNSET
    confirmed: int | Unset = 0
    devices_missing: SessionDevicesMissing | Unset = UNSET
    devices_needed: SessionDevicesNeeded | Unset = UNSET
    format_: SessionFormat | Unset = 'in_person_on_site'
    host_partner_id: None | Unset | UUID = UNSET
    hybrid: bool | Unset = False
    moved: bool | Unset = False
    occurrence: datetime.datetime | None | Unset = UNSET
    registration_closes_at: datetime.datetime | None | Unset = UNSET
    registration_opens_at: datetime.datetime | None | Unset = UNSET
    series_id: None | Unset | UUID = UNSET
    waitlisted: int | Unset = 0





    def to_dict(self) -> dict[str, Any]:
        from ..models.place import Place # noqa: PLC0415
        from ..models.session_devices_missing import SessionDevicesMissing # noqa: PLC0415
        from ..models.session_devices_needed import SessionDevicesNeeded # noqa: PLC0415
        capacity = self.capacity

        created_at = self.created_at.isoformat()

        ends_at = self.ends_at.isoformat()

        id = str(self.id)

        languages = self.languages



        place = self.place.to_dict()

        program_id = str(self.program_id)

        seats_left = self.seats_left

        starts_at = self.starts_at.isoformat()

        status: str = self.status

        timezone: str = self.timezone

        updated_at = self.updated_at.isoformat()

        age_group: None | str | Unset
        if isinstance(self.age_group, Unset):
            age_group = UNSET
        elif isinstance(self.age_group, str):
            age_group = self.age_group
        else:
            age_group = self.age_group

        booking_id: None | str | Unset
        if isinstance(self.booking_id, Unset):
            booking_id = UNSET
        elif isinstance(self.booking_id, UUID):
            booking_id = str(self.booking_id)
        else:
            booking_id = self.booking_id

        cancel_reason: None | str | Unset
        if isinstance(self.cancel_reason, Unset):
            cancel_reason = UNSET
        else:
            cancel_reason = self.cancel_reason

        confirmed = self.confirmed

        devices_missing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.devices_missing, Unset):
            devices_missing = self.devices_missing.to_dict()

        devices_needed: dict[str, Any] | Unset = UNSET
        if not isinstance(self.devices_needed, Unset):
            devices_needed = self.devices_needed.to_dict()

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_


        host_partner_id: None | str | Unset
        if isinstance(self.host_partner_id, Unset):
            host_partner_id = UNSET
        elif isinstance(self.host_partner_id, UUID):
            host_partner_id = str(self.host_partner_id)
        else:
            host_partner_id = self.host_partner_id

        hybrid = self.hybrid

        moved = self.moved

        occurrence: None | str | Unset
        if isinstance(self.occurrence, Unset):
            occurrence = UNSET
        elif isinstance(self.occurrence, datetime.datetime):
            occurrence = self.occurrence.isoformat()
        else:
            occurrence = self.occurrence

        registration_closes_at: None | str | Unset
        if isinstance(self.registration_closes_at, Unset):
            registration_closes_at = UNSET
        elif isinstance(self.registration_closes_at, datetime.datetime):
            registration_closes_at = self.registration_closes_at.isoformat()
        else:
            registration_closes_at = self.registration_closes_at

        registration_opens_at: None | str | Unset
        if isinstance(self.registration_opens_at, Unset):
            registration_opens_at = UNSET
        elif isinstance(self.registration_opens_at, datetime.datetime):
            registration_opens_at = self.registration_opens_at.isoformat()
        else:
            registration_opens_at = self.registration_opens_at

        series_id: None | str | Unset
        if isinstance(self.series_id, Unset):
            series_id = UNSET
        elif isinstance(self.series_id, UUID):
            series_id = str(self.series_id)
        else:
            series_id = self.series_id

        waitlisted = self.waitlisted


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "capacity": capacity,
            "created_at": created_at,
            "ends_at": ends_at,
            "id": id,
            "languages": languages,
            "place": place,
            "program_id": program_id,
            "seats_left": seats_left,
            "starts_at": starts_at,
            "status": status,
            "timezone": timezone,
            "updated_at": updated_at,
        })
        if age_group is not UNSET:
            field_dict["age_group"] = age_group
        if booking_id is not UNSET:
            field_dict["booking_id"] = booking_id
        if cancel_reason is not UNSET:
            field_dict["cancel_reason"] = cancel_reason
        if confirmed is not UNSET:
            field_dict["confirmed"] = confirmed
        if devices_missing is not UNSET:
            field_dict["devices_missing"] = devices_missing
        if devices_needed is not UNSET:
            field_dict["devices_needed"] = devices_needed
        if format_ is not UNSET:
            field_dict["format"] = format_
        if host_partner_id is not UNSET:
            field_dict["host_partner_id"] = host_partner_id
        if hybrid is not UNSET:
            field_dict["hybrid"] = hybrid
        if moved is not UNSET:
            field_dict["moved"] = moved
        if occurrence is not UNSET:
            field_dict["occurrence"] = occurrence
        if registration_closes_at is not UNSET:
            field_dict["registration_closes_at"] = registration_closes_at
        if registration_opens_at is not UNSET:
            field_dict["registration_opens_at"] = registration_opens_at
        if series_id is not UNSET:
            field_dict["series_id"] = series_id
        if waitlisted is not UNSET:
            field_dict["waitlisted"] = waitlisted

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.place import Place # noqa: PLC0415
        from ..models.session_devices_missing import SessionDevicesMissing # noqa: PLC0415
        from ..models.session_devices_needed import SessionDevicesNeeded # noqa: PLC0415
        d = dict(src_dict)
        capacity = d.pop("capacity")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        id = UUID(d.pop("id"))




        languages = cast(list[str], d.pop("languages"))


        place = Place.from_dict(d.pop("place"))




        program_id = UUID(d.pop("program_id"))




        seats_left = d.pop("seats_left")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        status = check_session_status(d.pop("status"))




        timezone = check_session_timezone(d.pop("timezone"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_age_group(data: object) -> None | SessionAgeGroupType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                age_group_type_0 = check_session_age_group_type_0(data)



                return age_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SessionAgeGroupType0 | Unset, data)

        age_group = _parse_age_group(d.pop("age_group", UNSET))


        def _parse_booking_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                booking_id_type_0 = UUID(data)



                return booking_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        booking_id = _parse_booking_id(d.pop("booking_id", UNSET))


        def _parse_cancel_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cancel_reason = _parse_cancel_reason(d.pop("cancel_reason", UNSET))


        confirmed = d.pop("confirmed", UNSET)

        _devices_missing = d.pop("devices_missing", UNSET)
        devices_missing: SessionDevicesMissing | Unset
        if isinstance(_devices_missing,  Unset):
            devices_missing = UNSET
        else:
            devices_missing = SessionDevicesMissing.from_dict(_devices_missing)




        _devices_needed = d.pop("devices_needed", UNSET)
        devices_needed: SessionDevicesNeeded | Unset
        if isinstance(_devices_needed,  Unset):
            devices_needed = UNSET
        else:
            devices_needed = SessionDevicesNeeded.from_dict(_devices_needed)




        _format_ = d.pop("format", UNSET)
        format_: SessionFormat | Unset
        if isinstance(_format_,  Unset):
            format_ = UNSET
        else:
            format_ = check_session_format(_format_)




        def _parse_host_partner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                host_partner_id_type_0 = UUID(data)



                return host_partner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        host_partner_id = _parse_host_partner_id(d.pop("host_partner_id", UNSET))


        hybrid = d.pop("hybrid", UNSET)

        moved = d.pop("moved", UNSET)

        def _parse_occurrence(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurrence_type_0 = datetime.datetime.fromisoformat(data)



                return occurrence_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        occurrence = _parse_occurrence(d.pop("occurrence", UNSET))


        def _parse_registration_closes_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                registration_closes_at_type_0 = datetime.datetime.fromisoformat(data)



                return registration_closes_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        registration_closes_at = _parse_registration_closes_at(d.pop("registration_closes_at", UNSET))


        def _parse_registration_opens_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                registration_opens_at_type_0 = datetime.datetime.fromisoformat(data)



                return registration_opens_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        registration_opens_at = _parse_registration_opens_at(d.pop("registration_opens_at", UNSET))


        def _parse_series_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                series_id_type_0 = UUID(data)



                return series_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        series_id = _parse_series_id(d.pop("series_id", UNSET))


        waitlisted = d.pop("waitlisted", UNSET)

        session = cls(
            capacity=capacity,
            created_at=created_at,
            ends_at=ends_at,
            id=id,
            languages=languages,
            place=place,
            program_id=program_id,
            seats_left=seats_left,
            starts_at=starts_at,
            status=status,
            timezone=timezone,
            updated_at=updated_at,
            age_group=age_group,
            booking_id=booking_id,
            cancel_reason=cancel_reason,
            confirmed=confirmed,
            devices_missing=devices_missing,
            devices_needed=devices_needed,
            format_=format_,
            host_partner_id=host_partner_id,
            hybrid=hybrid,
            moved=moved,
            occurrence=occurrence,
            registration_closes_at=registration_closes_at,
            registration_opens_at=registration_opens_at,
            series_id=series_id,
            waitlisted=waitlisted,
        )

        return session

