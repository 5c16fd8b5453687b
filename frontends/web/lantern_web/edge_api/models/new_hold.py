from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.device_kind import check_device_kind
from ..models.device_kind import DeviceKind
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="NewHold")



@_attrs_define
class NewHold:
    """ 
        Attributes:
            borrower_id (UUID):
            device_kind (DeviceKind):
            pickup_branch (None | str | Unset):
     """

    borrower_id: UUID
    device_kind: DeviceKind
    pickup_branch: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        borrower_id = str(self.borrower_id)

        device_kind: str = self.device_kind

        pickup_branch: None | str | Unset
        if isinstance(self.pickup_branch, Unset):
            pickup_branch = UNSET
        else:
            pickup_branch = self.pickup_branch


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "borrower_id": borrower_id,
            "device_kind": device_kind,
        })
        if pickup_branch is not UNSET:
            field_dict["pickup_branch"] = pickup_branch

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        borrower_id = UUID(d.pop("borrower_id"))




        device_kind = check_device_kind(d.pop("device_kind"))




        def _parse_pickup_branch(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pickup_branch = _parse_pickup_branch(d.pop("pickup_branch", UNSET))


        new_hold = cls(
            borrower_id=borrower_id,
            device_kind=device_kind,
            pickup_branch=pickup_branch,
        )

        return new_hold

