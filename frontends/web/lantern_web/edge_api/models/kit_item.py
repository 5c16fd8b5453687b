from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="KitItem")



@_attrs_define
class KitItem:
    """ One line of a kit list (also part of request bodies, hence strict).

        Attributes:
            item (str):
            count (int | Unset):  Default: 1.
     """

    item: str
    count: int | Unset = 1





    def to_dict(self) -> dict[str, Any]:
        item = self.item

        count = self.count


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "item": item,
        })
        if count is not UNSET:
            field_dict["count"] = count

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        item = d.pop("item")

        count = d.pop("count", UNSET)

        kit_item = cls(
            item=item,
            count=count,
        )

        return kit_item

