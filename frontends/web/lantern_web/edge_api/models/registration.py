from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.registration_attendance_type_0 import check_registration_attendance_type_0
from ..models.registration_attendance_type_0 import RegistrationAttendanceType0
from ..models.registration_cancel_reason_type_0 import check_registration_cancel_reason_type_0
from ..models.registration_cancel_reason_type_0 import RegistrationCancelReasonType0
from ..models.registration_status import check_registration_status
from ..models.registration_status import RegistrationStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Registration")



@_attrs_define
class Registration:
    """ 
        Attributes:
            id (UUID):
            patron_id (UUID):
            registered_at (datetime.datetime):
            session_id (UUID):
            status (RegistrationStatus):
            attendance (None | RegistrationAttendanceType0 | Unset):
            cancel_reason (None | RegistrationCancelReasonType0 | Unset):
            cancelled_at (datetime.datetime | None | Unset):
            confirmed_at (datetime.datetime | None | Unset):
            series_registration_id (None | Unset | UUID): Held as part of a whole-series registration
            waitlist_position (int | None | Unset): 1 is next in line; only while waitlisted
     """

    id: UUID
    patron_id: UUID
    registered_at: datetime.datetime
    session_id: UUID
    status: RegistrationStatus
    attendance: None | RegistrationAttendanceType0 | Unset = UNSET
    cancel_reason: None | RegistrationCancelReasonType0 | Unset = UNSET
    cancelled_at: datetime.datetime | None | Unset = UNSET
    confirmed_at: datetime.datetime | None | Unset = UNSET
    series_registration_id: None | Unset | UUID = UNSET
    waitlist_position: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        patron_id = str(self.patron_id)

        registered_at = self.registered_at.isoformat()

        session_id = str(self.session_id)

        status: str = self.status

        attendance: None | str | Unset
        if isinstance(self.attendance, Unset):
            attendance = UNSET
        elif isinstance(self.attendance, str):
            attendance = self.attendance
        else:
            attendance = self.attendance

        cancel_reason: None | str | Unset
        if isinstance(self.cancel_reason, Unset):
            cancel_reason = UNSET
        elif isinstance(self.cancel_reason, str):
            cancel_reason = self.cancel_reason
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

        series_registration_id: None | str | Unset
        if isinstance(self.series_registration_id, Unset):
            series_registration_id = UNSET
        elif isinstance(self.series_registration_id, UUID):
            series_registration_id = str(self.series_registration_id)
        else:
            series_registration_id = self.series_registration_id

        waitlist_position: int | None | Unset
        if isinstance(self.waitlist_position, Unset):
            waitlist_position = UNSET
        else:
            waitlist_position = self.waitlist_position


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "patron_id": patron_id,
            "registered_at": registered_at,
            "session_id": session_id,
            "status": status,
        })
        if attendance is not UNSET:
            field_dict["attendance"] = attendance
        if cancel_reason is not UNSET:
            field_dict["cancel_reason"] = cancel_reason
        if cancelled_at is not UNSET:
            field_dict["cancelled_at"] = cancelled_at
        if confirmed_at is not UNSET:
            field_dict["confirmed_at"] = confirmed_at
        if series_registration_id is not UNSET:
            field_dict["series_registration_id"] = series_registration_id
        if waitlist_position is not UNSET:
            field_dict["waitlist_position"] = waitlist_position

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        patron_id = UUID(d.pop("patron_id"))




        registered_at = datetime.datetime.fromisoformat(d.pop("registered_at"))




        session_id = UUID(d.pop("session_id"))




        status = check_registration_status(d.pop("status"))




        def _parse_attendance(data: object) -> None | RegistrationAttendanceType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                attendance_type_0 = check_registration_attendance_type_0(data)



                return attendance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RegistrationAttendanceType0 | Unset, data)

        attendance = _parse_attendance(d.pop("attendance", UNSET))


        def _parse_cancel_reason(data: object) -> None | RegistrationCancelReasonType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancel_reason_type_0 = check_registration_cancel_reason_type_0(data)



                return cancel_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RegistrationCancelReasonType0 | Unset, data)

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


        def _parse_series_registration_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                series_registration_id_type_0 = UUID(data)



                return series_registration_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        series_registration_id = _parse_series_registration_id(d.pop("series_registration_id", UNSET))


        def _parse_waitlist_position(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        waitlist_position = _parse_waitlist_position(d.pop("waitlist_position", UNSET))


        registration = cls(
            id=id,
            patron_id=patron_id,
            registered_at=registered_at,
            session_id=session_id,
            status=status,
            attendance=attendance,
            cancel_reason=cancel_reason,
            cancelled_at=cancelled_at,
            confirmed_at=confirmed_at,
            series_registration_id=series_registration_id,
            waitlist_position=waitlist_position,
        )


        registration.additional_properties = d
        return registration

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
