from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Pause")



@_attrs_define
class Pause:
    """ 
        Attributes:
            patron_id (UUID):
            paused_at (datetime.datetime):
            until (datetime.datetime):
     """

    patron_id: UUID
    paused_at: datetime.datetime
    until: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        patron_id = str(self.patron_id)

        paused_at = self.paused_at.isoformat()

        until = self.until.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "patron_id": patron_id,
            "paused_at": paused_at,
            "until": until,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        patron_id = UUID(d.pop("patron_id"))




        paused_at = datetime.datetime.fromisoformat(d.pop("paused_at"))




        until = datetime.datetime.fromisoformat(d.pop("until"))




        pause = cls(
            patron_id=patron_id,
            paused_at=paused_at,
            until=until,
        )


        pause.additional_properties = d
        return pause

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
