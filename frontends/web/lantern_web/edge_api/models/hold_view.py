from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.borrower_kind import BorrowerKind
from ..models.borrower_kind import check_borrower_kind
from ..models.device_kind import check_device_kind
from ..models.device_kind import DeviceKind
from ..models.hold_status import check_hold_status
from ..models.hold_status import HoldStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="HoldView")



@_attrs_define
class HoldView:
    """ 
        Attributes:
            borrower_id (None | UUID):
            borrower_kind (BorrowerKind):
            created_at (datetime.datetime):
            device_kind (DeviceKind):
            id (UUID):
            placed_at (datetime.datetime):
            status (HoldStatus):
            closed_at (datetime.datetime | None | Unset):
            device_id (None | Unset | UUID):
            pickup_branch (None | str | Unset):
            position (int | None | Unset):
            ready_until (datetime.datetime | None | Unset):
     """

    borrower_id: None | UUID
    borrower_kind: BorrowerKind
    created_at: datetime.datetime
    device_kind: DeviceKind
    id: UUID
    placed_at: datetime.datetime
    status: HoldStatus
    closed_at: datetime.datetime | None | Unset = UNSET
    device_id: None | Unset | UUID = UNSET
    pickup_branch: None | str | Unset = UNSET
    position: int | None | Unset = UNSET
    ready_until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        borrower_id: None | str
        if isinstance(self.borrower_id, UUID):
            borrower_id = str(self.borrower_id)
        else:
            borrower_id = self.borrower_id

        borrower_kind: str = self.borrower_kind

        created_at = self.created_at.isoformat()

        device_kind: str = self.device_kind

        id = str(self.id)

        placed_at = self.placed_at.isoformat()

        status: str = self.status

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        device_id: None | str | Unset
        if isinstance(self.device_id, Unset):
            device_id = UNSET
        elif isinstance(self.device_id, UUID):
            device_id = str(self.device_id)
        else:
            device_id = self.device_id

        pickup_branch: None | str | Unset
        if isinstance(self.pickup_branch, Unset):
            pickup_branch = UNSET
        else:
            pickup_branch = self.pickup_branch

        position: int | None | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        ready_until: None | str | Unset
        if isinstance(self.ready_until, Unset):
            ready_until = UNSET
        elif isinstance(self.ready_until, datetime.datetime):
            ready_until = self.ready_until.isoformat()
        else:
            ready_until = self.ready_until


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "borrower_id": borrower_id,
            "borrower_kind": borrower_kind,
            "created_at": created_at,
            "device_kind": device_kind,
            "id": id,
            "placed_at": placed_at,
            "status": status,
        })
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if device_id is not UNSET:
            field_dict["device_id"] = device_id
        if pickup_branch is not UNSET:
            field_dict["pickup_branch"] = pickup_branch
        if position is not UNSET:
            field_dict["position"] = position
        if ready_until is not UNSET:
            field_dict["ready_until"] = ready_until

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_borrower_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                borrower_id_type_0 = UUID(data)



                return borrower_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        borrower_id = _parse_borrower_id(d.pop("borrower_id"))


        borrower_kind = check_borrower_kind(d.pop("borrower_kind"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        device_kind = check_device_kind(d.pop("device_kind"))




        id = UUID(d.pop("id"))




        placed_at = datetime.datetime.fromisoformat(d.pop("placed_at"))




        status = check_hold_status(d.pop("status"))




        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)



                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))


        def _parse_device_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                device_id_type_0 = UUID(data)



                return device_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        device_id = _parse_device_id(d.pop("device_id", UNSET))


        def _parse_pickup_branch(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pickup_branch = _parse_pickup_branch(d.pop("pickup_branch", UNSET))


        def _parse_position(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        position = _parse_position(d.pop("position", UNSET))


        def _parse_ready_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ready_until_type_0 = datetime.datetime.fromisoformat(data)



                return ready_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ready_until = _parse_ready_until(d.pop("ready_until", UNSET))


        hold_view = cls(
            borrower_id=borrower_id,
            borrower_kind=borrower_kind,
            created_at=created_at,
            device_kind=device_kind,
            id=id,
            placed_at=placed_at,
            status=status,
            closed_at=closed_at,
            device_id=device_id,
            pickup_branch=pickup_branch,
            position=position,
            ready_until=ready_until,
        )


        hold_view.additional_properties = d
        return hold_view

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
