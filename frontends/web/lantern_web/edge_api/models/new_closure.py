from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="NewClosure")



@_attrs_define
class NewClosure:
    """ 
        Attributes:
            ends_on (datetime.date):
            reason (str):
            starts_on (datetime.date):
     """

    ends_on: datetime.date
    reason: str
    starts_on: datetime.date





    def to_dict(self) -> dict[str, Any]:
        ends_on = self.ends_on.isoformat()

        reason = self.reason

        starts_on = self.starts_on.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "ends_on": ends_on,
            "reason": reason,
            "starts_on": starts_on,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))




        reason = d.pop("reason")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))




        new_closure = cls(
            ends_on=ends_on,
            reason=reason,
            starts_on=starts_on,
        )

        return new_closure

