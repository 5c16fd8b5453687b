from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="AppointmentAttendance")



@_attrs_define
class AppointmentAttendance:
    """ 
        Attributes:
            attended (bool):
     """

    attended: bool





    def to_dict(self) -> dict[str, Any]:
        attended = self.attended


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "attended": attended,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attended = d.pop("attended")

        appointment_attendance = cls(
            attended=attended,
        )

        return appointment_attendance

