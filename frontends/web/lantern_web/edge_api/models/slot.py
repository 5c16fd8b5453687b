from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.slot_attendance_type_0 import check_slot_attendance_type_0
from ..models.slot_attendance_type_0 import SlotAttendanceType0
from ..models.slot_format import check_slot_format
from ..models.slot_format import SlotFormat
from ..models.slot_helper_role import check_slot_helper_role
from ..models.slot_helper_role import SlotHelperRole
from ..models.slot_kind import check_slot_kind
from ..models.slot_kind import SlotKind
from ..models.slot_status import check_slot_status
from ..models.slot_status import SlotStatus
from ..models.slot_timezone import check_slot_timezone
from ..models.slot_timezone import SlotTimezone
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Slot")



@_attrs_define
class Slot:
    """ 
        Attributes:
            branch (str):
            created_at (datetime.datetime):
            ends_at (datetime.datetime):
            helper_name (str): The staff member or volunteer helping
            id (UUID):
            kind (SlotKind):
            languages (list[str]):
            starts_at (datetime.datetime):
            status (SlotStatus):
            timezone (SlotTimezone): IANA time zone, e.g. America/Los_Angeles
            attendance (None | SlotAttendanceType0 | Unset):
            booked_at (datetime.datetime | None | Unset):
            format_ (SlotFormat | Unset):  Default: 'in_person_on_site'.
            helper_role (SlotHelperRole | Unset):  Default: 'staff'.
            patron_id (None | Unset | UUID):
     """

    branch: str
    created_at: datetime.datetime
    ends_at: datetime.datetime
    helper_name: str
    id: UUID
    kind: SlotKind
    languages: list[str]
    starts_at: datetime.datetime
    status: SlotStatus
    timezone: SlotTimezone
    attendance: None | SlotAttendanceType0 | Unset = UNSET
    booked_at: datetime.datetime | None | Unset = UNSET
    format_: SlotFormat | Unset = 'in_person_on_site'
    helper_role: SlotHelperRole | Unset = 'staff'
    patron_id: None | Unset | UUID = UNSET





    def to_dict(self) -> dict[str, Any]:
        branch = self.branch

        created_at = self.created_at.isoformat()

        ends_at = self.ends_at.isoformat()

        helper_name = self.helper_name

        id = str(self.id)

        kind: str = self.kind

        languages = self.languages



        starts_at = self.starts_at.isoformat()

        status: str = self.status

        timezone: str = self.timezone

        attendance: None | str | Unset
        if isinstance(self.attendance, Unset):
            attendance = UNSET
        elif isinstance(self.attendance, str):
            attendance = self.attendance
        else:
            attendance = self.attendance

        booked_at: None | str | Unset
        if isinstance(self.booked_at, Unset):
            booked_at = UNSET
        elif isinstance(self.booked_at, datetime.datetime):
            booked_at = self.booked_at.isoformat()
        else:
            booked_at = self.booked_at

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_


        helper_role: str | Unset = UNSET
        if not isinstance(self.helper_role, Unset):
            helper_role = self.helper_role


        patron_id: None | str | Unset
        if isinstance(self.patron_id, Unset):
            patron_id = UNSET
        elif isinstance(self.patron_id, UUID):
            patron_id = str(self.patron_id)
        else:
            patron_id = self.patron_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "branch": branch,
            "created_at": created_at,
            "ends_at": ends_at,
            "helper_name": helper_name,
            "id": id,
            "kind": kind,
            "languages": languages,
            "starts_at": starts_at,
            "status": status,
            "timezone": timezone,
        })
        if attendance is not UNSET:
            field_dict["attendance"] = attendance
        if booked_at is not UNSET:
            field_dict["booked_at"] = booked_at
        if format_ is not UNSET:
            field_dict["format"] = format_
        if helper_role is not UNSET:
            field_dict["helper_role"] = helper_role
        if patron_id is not UNSET:
            field_dict["patron_id"] = patron_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        branch = d.pop("branch")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        helper_name = d.pop("helper_name")

        id = UUID(d.pop("id"))




        kind = check_slot_kind(d.pop("kind"))




        languages = cast(list[str], d.pop("languages"))


        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        status = check_slot_status(d.pop("status"))




        timezone = check_slot_timezone(d.pop("timezone"))




        def _parse_attendance(data: object) -> None | SlotAttendanceType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                attendance_type_0 = check_slot_attendance_type_0(data)



                return attendance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SlotAttendanceType0 | Unset, data)

        attendance = _parse_attendance(d.pop("attendance", UNSET))


        def _parse_booked_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                booked_at_type_0 = datetime.datetime.fromisoformat(data)



                return booked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        booked_at = _parse_booked_at(d.pop("booked_at", UNSET))


        _format_ = d.pop("format", UNSET)
        format_: SlotFormat | Unset
        if isinstance(_format_,  Unset):
            format_ = UNSET
        else:
            format_ = check_slot_format(_format_)




        _helper_role = d.pop("helper_role", UNSET)
        helper_role: SlotHelperRole | Unset
        if isinstance(_helper_role,  Unset):
            helper_role = UNSET
        else:
            helper_role = check_slot_helper_role(_helper_role)




        def _parse_patron_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                patron_id_type_0 = UUID(data)



                return patron_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        patron_id = _parse_patron_id(d.pop("patron_id", UNSET))


        slot = cls(
            branch=branch,
            created_at=created_at,
            ends_at=ends_at,
            helper_name=helper_name,
            id=id,
            kind=kind,
            languages=languages,
            starts_at=starts_at,
            status=status,
            timezone=timezone,
            attendance=attendance,
            booked_at=booked_at,
            format_=format_,
            helper_role=helper_role,
            patron_id=patron_id,
        )

        return slot

