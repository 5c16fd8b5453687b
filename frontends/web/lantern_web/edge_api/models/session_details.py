from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.session_details_age_group_type_0 import check_session_details_age_group_type_0
from ..models.session_details_age_group_type_0 import SessionDetailsAgeGroupType0
from ..models.session_details_format_type_0 import check_session_details_format_type_0
from ..models.session_details_format_type_0 import SessionDetailsFormatType0
from ..models.session_details_timezone import check_session_details_timezone
from ..models.session_details_timezone import SessionDetailsTimezone
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.place import Place
  from ..models.session_details_devices_needed import SessionDetailsDevicesNeeded





T = TypeVar("T", bound="SessionDetails")



@_attrs_define
class SessionDetails:
    """ 
        Attributes:
            capacity (int):
            ends_at (datetime.datetime):
            place (Place):
            program_id (UUID):
            starts_at (datetime.datetime):
            timezone (SessionDetailsTimezone): IANA time zone, e.g. America/Los_Angeles
            age_group (None | SessionDetailsAgeGroupType0 | Unset): PLS target age band; the program's when absent
            booking_id (None | Unset | UUID): The space booked for it (POST /space-bookings)
            devices_needed (SessionDetailsDevicesNeeded | Unset):
            format_ (None | SessionDetailsFormatType0 | Unset): PLS format; from the place's kind when absent
            hybrid (bool | Unset): Also streamed live; counted once, as in person Default: False.
            languages (list[str] | None | Unset): Defaults to the program's languages
            registration_closes_at (datetime.datetime | None | Unset): Closes at the start when absent
            registration_opens_at (datetime.datetime | None | Unset): Open from scheduling when absent
     """

    capacity: int
    ends_at: datetime.datetime
    place: Place
    program_id: UUID
    starts_at: datetime.datetime
    timezone: SessionDetailsTimezone
    age_group: None | SessionDetailsAgeGroupType0 | Unset = UNSET
    booking_id: None | Unset | UUID = UNSET
    devices_needed: SessionDetailsDevicesNeeded | Unset = UNSET
    format_: None | SessionDetailsFormatType0 | Unset = UNSET
    hybrid: bool | Unset = False
    languages: list[str] | None | Unset = UNSET
    registration_closes_at: datetime.datetime | None | Unset = UNSET
    registration_opens_at: datetime.datetime | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.place import Place # noqa: PLC0415
        from ..models.session_details_devices_needed import SessionDetailsDevicesNeeded # noqa: PLC0415
        capacity = self.capacity

        ends_at = self.ends_at.isoformat()

        place = self.place.to_dict()

        program_id = str(self.program_id)

        starts_at = self.starts_at.isoformat()

        timezone: str = self.timezone

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

        devices_needed: dict[str, Any] | Unset = UNSET
        if not isinstance(self.devices_needed, Unset):
            devices_needed = self.devices_needed.to_dict()

        format_: None | str | Unset
        if isinstance(self.format_, Unset):
            format_ = UNSET
        elif isinstance(self.format_, str):
            format_ = self.format_
        else:
            format_ = self.format_

        hybrid = self.hybrid

        languages: list[str] | None | Unset
        if isinstance(self.languages, Unset):
            languages = UNSET
        elif isinstance(self.languages, list):
            languages = self.languages


        else:
            languages = self.languages

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


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "capacity": capacity,
            "ends_at": ends_at,
            "place": place,
            "program_id": program_id,
            "starts_at": starts_at,
            "timezone": timezone,
        })
        if age_group is not UNSET:
            field_dict["age_group"] = age_group
        if booking_id is not UNSET:
            field_dict["booking_id"] = booking_id
        if devices_needed is not UNSET:
            field_dict["devices_needed"] = devices_needed
        if format_ is not UNSET:
            field_dict["format"] = format_
        if hybrid is not UNSET:
            field_dict["hybrid"] = hybrid
        if languages is not UNSET:
            field_dict["languages"] = languages
        if registration_closes_at is not UNSET:
            field_dict["registration_closes_at"] = registration_closes_at
        if registration_opens_at is not UNSET:
            field_dict["registration_opens_at"] = registration_opens_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.place import Place # noqa: PLC0415
        from ..models.session_details_devices_needed import SessionDetailsDevicesNeeded # noqa: PLC0415
        d = dict(src_dict)
        capacity = d.pop("capacity")

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        place = Place.from_dict(d.pop("place"))




        program_id = UUID(d.pop("program_id"))




        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        timezone = check_session_details_timezone(d.pop("timezone"))




        def _parse_age_group(data: object) -> None | SessionDetailsAgeGroupType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                age_group_type_0 = check_session_details_age_group_type_0(data)



                return age_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SessionDetailsAgeGroupType0 | Unset, data)

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


        _devices_needed = d.pop("devices_needed", UNSET)
        devices_needed: SessionDetailsDevicesNeeded | Unset
        if isinstance(_devices_needed,  Unset):
            devices_needed = UNSET
        else:
            devices_needed = SessionDetailsDevicesNeeded.from_dict(_devices_needed)




        def _parse_format_(data: object) -> None | SessionDetailsFormatType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                format_type_0 = check_session_details_format_type_0(data)



                return format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SessionDetailsFormatType0 | Unset, data)

        format_ = _parse_format_(d.pop("format", UNSET))


        hybrid = d.pop("hybrid", UNSET)

        def _parse_languages(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                languages_type_0 = cast(list[str], data)

                return languages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        languages = _parse_languages(d.pop("languages", UNSET))


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


        session_details = cls(
            capacity=capacity,
            ends_at=ends_at,
            place=place,
            program_id=program_id,
            starts_at=starts_at,
            timezone=timezone,
            age_group=age_group,
            booking_id=booking_id,
            devices_needed=devices_needed,
            format_=format_,
            hybrid=hybrid,
            languages=languages,
            registration_closes_at=registration_closes_at,
            registration_opens_at=registration_opens_at,
        )

        return session_details

