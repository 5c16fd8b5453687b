from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.attendance_record_method import AttendanceRecordMethod
from ..models.attendance_record_method import check_attendance_record_method
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="AttendanceRecord")



@_attrs_define
class AttendanceRecord:
    """ 
        Attributes:
            checked_in_at (datetime.datetime):
            method (AttendanceRecordMethod):
            patron_id (UUID):
            registration_id (None | UUID):
            session_id (UUID):
     """

    checked_in_at: datetime.datetime
    method: AttendanceRecordMethod
    patron_id: UUID
    registration_id: None | UUID
    session_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        checked_in_at = self.checked_in_at.isoformat()

        method: str = self.method

        patron_id = str(self.patron_id)

        registration_id: None | str
        if isinstance(self.registration_id, UUID):
            registration_id = str(self.registration_id)
        else:
            registration_id = self.registration_id

        session_id = str(self.session_id)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "checked_in_at": checked_in_at,
            "method": method,
            "patron_id": patron_id,
            "registration_id": registration_id,
            "session_id": session_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        checked_in_at = datetime.datetime.fromisoformat(d.pop("checked_in_at"))




        method = check_attendance_record_method(d.pop("method"))




        patron_id = UUID(d.pop("patron_id"))




        def _parse_registration_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                registration_id_type_0 = UUID(data)



                return registration_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        registration_id = _parse_registration_id(d.pop("registration_id"))


        session_id = UUID(d.pop("session_id"))




        attendance_record = cls(
            checked_in_at=checked_in_at,
            method=method,
            patron_id=patron_id,
            registration_id=registration_id,
            session_id=session_id,
        )


        attendance_record.additional_properties = d
        return attendance_record

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
