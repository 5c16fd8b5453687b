from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.broadcast_receipt_skipped_item import BroadcastReceiptSkippedItem





T = TypeVar("T", bound="BroadcastReceipt")



@_attrs_define
class BroadcastReceipt:
    """ 
        Attributes:
            broadcast_id (UUID):
            contact_ids (list[UUID]):
            list_id (UUID):
            skipped (list[BroadcastReceiptSkippedItem]): Listed organizations not sent to, and why
     """

    broadcast_id: UUID
    contact_ids: list[UUID]
    list_id: UUID
    skipped: list[BroadcastReceiptSkippedItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.broadcast_receipt_skipped_item import BroadcastReceiptSkippedItem # noqa: PLC0415
        broadcast_id = str(self.broadcast_id)

        contact_ids = []
        for contact_ids_item_data in self.contact_ids:
            contact_ids_item = str(contact_ids_item_data)
            contact_ids.append(contact_ids_item)



        list_id = str(self.list_id)

        skipped = []
        for skipped_item_data in self.skipped:
            skipped_item = skipped_item_data.to_dict()
            skipped.append(skipped_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "broadcast_id": broadcast_id,
            "contact_ids": contact_ids,
            "list_id": list_id,
            "skipped": skipped,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.broadcast_receipt_skipped_item import BroadcastReceiptSkippedItem # noqa: PLC0415
        d = dict(src_dict)
        broadcast_id = UUID(d.pop("broadcast_id"))




        contact_ids = []
        _contact_ids = d.pop("contact_ids")
        for contact_ids_item_data in (_contact_ids):
            contact_ids_item = UUID(contact_ids_item_data)



            contact_ids.append(contact_ids_item)


        list_id = UUID(d.pop("list_id"))




        skipped = []
        _skipped = d.pop("skipped")
        for skipped_item_data in (_skipped):
            skipped_item = BroadcastReceiptSkippedItem.from_dict(skipped_item_data)



            skipped.append(skipped_item)


        broadcast_receipt = cls(
            broadcast_id=broadcast_id,
            contact_ids=contact_ids,
            list_id=list_id,
            skipped=skipped,
        )


        broadcast_receipt.additional_properties = d
        return broadcast_receipt

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
