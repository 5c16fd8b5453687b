from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.space_kind import check_space_kind
from ..models.space_kind import SpaceKind
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Space")



@_attrs_define
class Space:
    """ 
        Attributes:
            active (bool):
            branch (str):
            capacity (int):
            created_at (datetime.datetime):
            equipment (list[str]):
            id (UUID):
            kind (SpaceKind):
            name (str):
            requires_approval (bool):
            setup_minutes (int):
            teardown_minutes (int):
            updated_at (datetime.datetime):
     """

    active: bool
    branch: str
    capacity: int
    created_at: datetime.datetime
    equipment: list[str]
    id: UUID
    kind: SpaceKind
    name: str
    requires_approval: bool
    setup_minutes: int
    teardown_minutes: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        active = self.active

        branch = self.branch

        capacity = self.capacity

        created_at = self.created_at.isoformat()

        equipment = self.equipment



        id = str(self.id)

        kind: str = self.kind

        name = self.name

        requires_approval = self.requires_approval

        setup_minutes = self.setup_minutes

        teardown_minutes = self.teardown_minutes

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active": active,
            "branch": branch,
            "capacity": capacity,
            "created_at": created_at,
            "equipment": equipment,
            "id": id,
            "kind": kind,
            "name": name,
            "requires_approval": requires_approval,
            "setup_minutes": setup_minutes,
            "teardown_minutes": teardown_minutes,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        branch = d.pop("branch")

        capacity = d.pop("capacity")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        equipment = cast(list[str], d.pop("equipment"))


        id = UUID(d.pop("id"))




        kind = check_space_kind(d.pop("kind"))




        name = d.pop("name")

        requires_approval = d.pop("requires_approval")

        setup_minutes = d.pop("setup_minutes")

        teardown_minutes = d.pop("teardown_minutes")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        space = cls(
            active=active,
            branch=branch,
            capacity=capacity,
            created_at=created_at,
            equipment=equipment,
            id=id,
            kind=kind,
            name=name,
            requires_approval=requires_approval,
            setup_minutes=setup_minutes,
            teardown_minutes=teardown_minutes,
            updated_at=updated_at,
        )


        space.additional_properties = d
        return space

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
