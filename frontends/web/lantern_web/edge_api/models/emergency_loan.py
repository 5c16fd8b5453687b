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






T = TypeVar("T", bound="EmergencyLoan")



@_attrs_define
class EmergencyLoan:
    """ 
        Attributes:
            borrower_id (UUID):
            device_ids (list[UUID]):
            due_at (datetime.datetime | None | Unset):
     """

    borrower_id: UUID
    device_ids: list[UUID]
    due_at: datetime.datetime | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        borrower_id = str(self.borrower_id)

        device_ids = []
        for device_ids_item_data in self.device_ids:
            device_ids_item = str(device_ids_item_data)
            device_ids.append(device_ids_item)



        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        elif isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "borrower_id": borrower_id,
            "device_ids": device_ids,
        })
        if due_at is not UNSET:
            field_dict["due_at"] = due_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        borrower_id = UUID(d.pop("borrower_id"))




        device_ids = []
        _device_ids = d.pop("device_ids")
        for device_ids_item_data in (_device_ids):
            device_ids_item = UUID(device_ids_item_data)



            device_ids.append(device_ids_item)


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


        emergency_loan = cls(
            borrower_id=borrower_id,
            device_ids=device_ids,
            due_at=due_at,
        )

        return emergency_loan

