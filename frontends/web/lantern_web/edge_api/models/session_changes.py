from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.session_changes_age_group_type_0 import check_session_changes_age_group_type_0
from ..models.session_changes_age_group_type_0 import SessionChangesAgeGroupType0
from ..models.session_changes_format_type_0 import check_session_changes_format_type_0
from ..models.session_changes_format_type_0 import SessionChangesFormatType0
from ..models.session_changes_timezone_type_0 import check_session_changes_timezone_type_0
from ..models.session_changes_timezone_type_0 import SessionChangesTimezoneType0
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.place import Place
  from ..models.session_changes_devices_needed_type_0 import SessionChangesDevicesNeededType0





T = TypeVar("T", bound="SessionChanges")



@_attrs_define
class SessionChanges:
    """ What staff may change on a scheduled session. Capacity has its own rule (never below confirmed seats).

        Attributes:
            age_group (None | SessionChangesAgeGroupType0 | Unset):
            booking_id (None | Unset | UUID):
            capacity (int | None | Unset):
            devices_needed (None | SessionChangesDevicesNeededType0 | Unset):
            ends_at (datetime.datetime | None | Unset):
            format_ (None | SessionChangesFormatType0 | Unset):
            hybrid (bool | None | Unset):
            languages (list[str] | None | Unset):
            place (None | Place | Unset):
            registration_closes_at (datetime.datetime | None | Unset):
            registration_opens_at (datetime.datetime | None | Unset):
            starts_at (datetime.datetime | None | Unset):
            timezone (None | SessionChangesTimezoneType0 | Unset):
     """

    age_group: None | SessionChangesAgeGroupType0 | Unset = UNSET
    booking_id: None | Unset | UUID = UNSET
    capacity: int | None | Unset = UNSET
    devices_needed: None | SessionChangesDevicesNeededType0 | Unset = UNSET
    ends_at: datetime.datetime | None | Unset = UNSET
    format_: None | SessionChangesFormatType0 | Unset = UNSET
    hybrid: bool | None | Unset = UNSET
    languages: list[str] | None | Unset = UNSET
    place: None | Place | Unset = UNSET
    registration_closes_at: datetime.datetime | None | Unset = UNSET
    registration_opens_at: datetime.datetime | None | Unset = UNSET
    starts_at: datetime.datetime | None | Unset = UNSET
    timezone: None | SessionChangesTimezoneType0 | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.place import Place # noqa: PLC0415
        from ..models.session_changes_devices_needed_type_0 import SessionChangesDevicesNeededType0 # noqa: PLC0415
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

        capacity: int | None | Unset
        if isinstance(self.capacity, Unset):
            capacity = UNSET
        else:
            capacity = self.capacity

        devices_needed: dict[str, Any] | None | Unset
        if isinstance(self.devices_needed, Unset):
            devices_needed = UNSET
        elif isinstance(self.devices_needed, SessionChangesDevicesNeededType0):
            devices_needed = self.devices_needed.to_dict()
        else:
            devices_needed = self.devices_needed

        ends_at: None | str | Unset
        if isinstance(self.ends_at, Unset):
            ends_at = UNSET
        elif isinstance(self.ends_at, datetime.datetime):
            ends_at = self.ends_at.isoformat()
        else:
            ends_at = self.ends_at

        format_: None | str | Unset
        if isinstance(self.format_, Unset):
            format_ = UNSET
        elif isinstance(self.format_, str):
            format_ = self.format_
        else:
            format_ = self.format_

        hybrid: bool | None | Unset
        if isinstance(self.hybrid, Unset):
            hybrid = UNSET
        else:
            hybrid = self.hybrid

        languages: list[str] | None | Unset
        if isinstance(self.languages, Unset):
            languages = UNSET
        elif isinstance(self.languages, list):
            languages = self.languages


        else:
            languages = self.languages

        place: dict[str, Any] | None | Unset
        if isinstance(self.place, Unset):
            place = UNSET
        elif isinstance(self.place, Place):
            place = self.place.to_dict()
        else:
            place = self.place

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

        starts_at: None | str | Unset
        if isinstance(self.starts_at, Unset):
            starts_at = UNSET
        elif isinstance(self.starts_at, datetime.datetime):
            starts_at = self.starts_at.isoformat()
        else:
            starts_at = self.starts_at

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        elif isinstance(self.timezone, str):
            timezone = self.timezone
        else:
            timezone = self.timezone


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if age_group is not UNSET:
            field_dict["age_group"] = age_group
        if booking_id is not UNSET:
            field_dict["booking_id"] = booking_id
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if devices_needed is not UNSET:
            field_dict["devices_needed"] = devices_needed
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if format_ is not UNSET:
            field_dict["format"] = format_
        if hybrid is not UNSET:
            field_dict["hybrid"] = hybrid
        if languages is not UNSET:
            field_dict["languages"] = languages
        if place is not UNSET:
            field_dict["place"] = place
        if registration_closes_at is not UNSET:
            field_dict["registration_closes_at"] = registration_closes_at
        if registration_opens_at is not UNSET:
            field_dict["registration_opens_at"] = registration_opens_at
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.place import Place # noqa: PLC0415
        from ..models.session_changes_devices_needed_type_0 import SessionChangesDevicesNeededType0 # noqa: PLC0415
        d = dict(src_dict)
        def _parse_age_group(data: object) -> None | SessionChangesAgeGroupType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                age_group_type_0 = check_session_changes_age_group_type_0(data)



                return age_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SessionChangesAgeGroupType0 | Unset, data)

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


        def _parse_capacity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        capacity = _parse_capacity(d.pop("capacity", UNSET))


        def _parse_devices_needed(data: object) -> None | SessionChangesDevicesNeededType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                devices_needed_type_0 = SessionChangesDevicesNeededType0.from_dict(data)



                return devices_needed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SessionChangesDevicesNeededType0 | Unset, data)

        devices_needed = _parse_devices_needed(d.pop("devices_needed", UNSET))


        def _parse_ends_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_at_type_0 = datetime.datetime.fromisoformat(data)



                return ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ends_at = _parse_ends_at(d.pop("ends_at", UNSET))


        def _parse_format_(data: object) -> None | SessionChangesFormatType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                format_type_0 = check_session_changes_format_type_0(data)



                return format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SessionChangesFormatType0 | Unset, data)

        format_ = _parse_format_(d.pop("format", UNSET))


        def _parse_hybrid(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        hybrid = _parse_hybrid(d.pop("hybrid", UNSET))


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


        def _parse_place(data: object) -> None | Place | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                place_type_0 = Place.from_dict(data)



                return place_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Place | Unset, data)

        place = _parse_place(d.pop("place", UNSET))


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


        def _parse_starts_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_at_type_0 = datetime.datetime.fromisoformat(data)



                return starts_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        starts_at = _parse_starts_at(d.pop("starts_at", UNSET))


        def _parse_timezone(data: object) -> None | SessionChangesTimezoneType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                timezone_type_0 = check_session_changes_timezone_type_0(data)



                return timezone_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SessionChangesTimezoneType0 | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))


        session_changes = cls(
            age_group=age_group,
            booking_id=booking_id,
            capacity=capacity,
            devices_needed=devices_needed,
            ends_at=ends_at,
            format_=format_,
            hybrid=hybrid,
            languages=languages,
            place=place,
            registration_closes_at=registration_closes_at,
            registration_opens_at=registration_opens_at,
            starts_at=starts_at,
            timezone=timezone,
        )

        return session_changes

