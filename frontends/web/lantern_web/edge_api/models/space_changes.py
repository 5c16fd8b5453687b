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






T = TypeVar("T", bound="SpaceChanges")



@_attrs_define
class SpaceChanges:
    """ 
        Attributes:
            active (bool | None | Unset): false withdraws the space (its bookings stay)
            capacity (int | None | Unset):
            equipment (list[str] | None | Unset):
            kind (None | SpaceKind | Unset):
            name (None | str | Unset):
            requires_approval (bool | None | Unset):
            setup_minutes (int | None | Unset):
            teardown_minutes (int | None | Unset):
     """

    active: bool | None | Unset = UNSET
    capacity: int | None | Unset = UNSET
    equipment: list[str] | None | Unset = UNSET
    kind: None | SpaceKind | Unset = UNSET
    name: None | str | Unset = UNSET
    requires_approval: bool | None | Unset = UNSET
    setup_minutes: int | None | Unset = UNSET
    teardown_minutes: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        active: bool | None | Unset
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

        capacity: int | None | Unset
        if isinstance(self.capacity, Unset):
            capacity = UNSET
        else:
            capacity = self.capacity

        equipment: list[str] | None | Unset
        if isinstance(self.equipment, Unset):
            equipment = UNSET
        elif isinstance(self.equipment, list):
            equipment = self.equipment


        else:
            equipment = self.equipment

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, str):
            kind = self.kind
        else:
            kind = self.kind

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        requires_approval: bool | None | Unset
        if isinstance(self.requires_approval, Unset):
            requires_approval = UNSET
        else:
            requires_approval = self.requires_approval

        setup_minutes: int | None | Unset
        if isinstance(self.setup_minutes, Unset):
            setup_minutes = UNSET
        else:
            setup_minutes = self.setup_minutes

        teardown_minutes: int | None | Unset
        if isinstance(self.teardown_minutes, Unset):
            teardown_minutes = UNSET
        else:
            teardown_minutes = self.teardown_minutes


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if active is not UNSET:
            field_dict["active"] = active
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if equipment is not UNSET:
            field_dict["equipment"] = equipment
        if kind is not UNSET:
            field_dict["kind"] = kind
        if name is not UNSET:
            field_dict["name"] = name
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
        def _parse_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        active = _parse_active(d.pop("active", UNSET))


        def _parse_capacity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        capacity = _parse_capacity(d.pop("capacity", UNSET))


        def _parse_equipment(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                equipment_type_0 = cast(list[str], data)

                return equipment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        equipment = _parse_equipment(d.pop("equipment", UNSET))


        def _parse_kind(data: object) -> None | SpaceKind | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = check_space_kind(data)



                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SpaceKind | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_requires_approval(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        requires_approval = _parse_requires_approval(d.pop("requires_approval", UNSET))


        def _parse_setup_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        setup_minutes = _parse_setup_minutes(d.pop("setup_minutes", UNSET))


        def _parse_teardown_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        teardown_minutes = _parse_teardown_minutes(d.pop("teardown_minutes", UNSET))


        space_changes = cls(
            active=active,
            capacity=capacity,
            equipment=equipment,
            kind=kind,
            name=name,
            requires_approval=requires_approval,
            setup_minutes=setup_minutes,
            teardown_minutes=teardown_minutes,
        )

        return space_changes

