from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="DistributionList")



@_attrs_define
class DistributionList:
    """ 
        Attributes:
            created_at (datetime.datetime):
            description (str):
            id (UUID):
            name (str):
            member_count (int | Unset):  Default: 0.
     """

    created_at: datetime.datetime
    description: str
    id: UUID
    name: str
    member_count: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        description = self.description

        id = str(self.id)

        name = self.name

        member_count = self.member_count


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "description": description,
            "id": id,
            "name": name,
        })
        if member_count is not UNSET:
            field_dict["member_count"] = member_count

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        description = d.pop("description")

        id = UUID(d.pop("id"))




        name = d.pop("name")

        member_count = d.pop("member_count", UNSET)

        distribution_list = cls(
            created_at=created_at,
            description=description,
            id=id,
            name=name,
            member_count=member_count,
        )


        distribution_list.additional_properties = d
        return distribution_list

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
