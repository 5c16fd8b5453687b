from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Closure")



@_attrs_define
class Closure:
    """ 
        Attributes:
            branch (str):
            ends_on (datetime.date):
            id (UUID):
            reason (str):
            starts_on (datetime.date):
     """

    branch: str
    ends_on: datetime.date
    id: UUID
    reason: str
    starts_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        branch = self.branch

        ends_on = self.ends_on.isoformat()

        id = str(self.id)

        reason = self.reason

        starts_on = self.starts_on.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "branch": branch,
            "ends_on": ends_on,
            "id": id,
            "reason": reason,
            "starts_on": starts_on,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        branch = d.pop("branch")

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))




        id = UUID(d.pop("id"))




        reason = d.pop("reason")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))




        closure = cls(
            branch=branch,
            ends_on=ends_on,
            id=id,
            reason=reason,
            starts_on=starts_on,
        )


        closure.additional_properties = d
        return closure

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
