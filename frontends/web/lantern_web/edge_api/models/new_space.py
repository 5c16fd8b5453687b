from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.space_kind import check_space_kind
from ..models.space_kind import SpaceKind
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="NewSpace")



@_attrs_define
class NewSpace:
    """ 
        Attributes:
            branch (str): The branch's code
            capacity (int):
            kind (SpaceKind):
            name (str):
            equipment (list[str] | Unset): e.g. projector, 3d_printer, laptops
            requires_approval (bool | Unset):  Default: False.
            setup_minutes (int | Unset): Default padding before a booking Default: 0.
            teardown_minutes (int | Unset): Default padding after a booking Default: 0.
     """

    branch: str
    capacity: int
    kind: SpaceKind
    name: str
    equipment: list[str] | Unset = UNSET
    requires_approval: bool | Unset = False
    setup_minutes: int | Unset = 0
    teardown_minutes: int | Unset = 0





    def to_dict(self) -> dict[str, Any]:
        branch = self.branch

        capacity = self.capacity

        kind: str = self.kind

        name = self.name

        equipment: list[str] | Unset = UNSET
        if not isinstance(self.equipment, Unset):
            equipment = self.equipment



        requires_approval = self.requires_approval

        setup_minutes = self.setup_minutes

        teardown_minutes = self.teardown_minutes


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "branch": branch,
            "capacity": capacity,
            "kind": kind,
            "name": name,
        })
        if equipment is not UNSET:
            field_dict["equipment"] = equipment
        if requires_approval is not UNSET:
            field_dict["requires_approval"] = requires_approval
        if setup_minutes is not UNSET:
            field_dict["setup_minutes"] = setup_minutes
        if teardown_minutes is not UNSET:
            field_dict["teardown_minutes"] = teardown_minutes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        branch = d.pop("branch")

        capacity = d.pop("capacity")

        kind = check_space_kind(d.pop("kind"))




        name = d.pop("name")

        equipment = cast(list[str], d.pop("equipment", UNSET))


        requires_approval = d.pop("requires_approval", UNSET)

        setup_minutes = d.pop("setup_minutes", UNSET)

        teardown_minutes = d.pop("teardown_minutes", UNSET)

        new_space = cls(
            branch=branch,
            capacity=capacity,
            kind=kind,
            name=name,
            equipment=equipment,
            requires_approval=requires_approval,
            setup_minutes=setup_minutes,
            teardown_minutes=teardown_minutes,
        )

        return new_space

