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
import datetime






T = TypeVar("T", bound="NewLoan")



@_attrs_define
class NewLoan:
    """ Lend a given device, or any available unit of a kind.

        Attributes:
            borrower_id (UUID):
            device_id (None | Unset | UUID):
            due_at (datetime.datetime | None | Unset): A partner agreement's due date; else the kind's policy
            kind (DeviceKind | None | Unset):
     """

    borrower_id: UUID
    device_id: None | Unset | UUID = UNSET
    due_at: datetime.datetime | None | Unset = UNSET
    kind: DeviceKind | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        borrower_id = str(self.borrower_id)

        device_id: None | str | Unset
        if isinstance(self.device_id, Unset):
            device_id = UNSET
        elif isinstance(self.device_id, UUID):
            device_id = str(self.device_id)
        else:
            device_id = self.device_id

        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        elif isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, str):
            kind = self.kind
        else:
            kind = self.kind


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "borrower_id": borrower_id,
        })
        if device_id is not UNSET:
            field_dict["device_id"] = device_id
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        borrower_id = UUID(d.pop("borrower_id"))




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


        def _parse_due_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)



                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        due_at = _parse_due_at(d.pop("due_at", UNSET))


        def _parse_kind(data: object) -> DeviceKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = check_device_kind(data)



                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeviceKind | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))


        new_loan = cls(
            borrower_id=borrower_id,
            device_id=device_id,
            due_at=due_at,
            kind=kind,
        )

        return new_loan

