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






T = TypeVar("T", bound="NewOffers")



@_attrs_define
class NewOffers:
    """ 
        Attributes:
            device_kind (DeviceKind):
            count (int | Unset):  Default: 1.
     """

    device_kind: DeviceKind
    count: int | Unset = 1





    def to_dict(self) -> dict[str, Any]:
        device_kind: str = self.device_kind

        count = self.count


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "device_kind": device_kind,
        })
        if count is not UNSET:
            field_dict["count"] = count

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        device_kind = check_device_kind(d.pop("device_kind"))




        count = d.pop("count", UNSET)

        new_offers = cls(
            device_kind=device_kind,
            count=count,
        )

        return new_offers

