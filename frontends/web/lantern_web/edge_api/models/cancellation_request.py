from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.cancellation_request_by import CancellationRequestBy
from ..models.cancellation_request_by import check_cancellation_request_by
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CancellationRequest")



@_attrs_define
class CancellationRequest:
    """ 
        Attributes:
            by (CancellationRequestBy | Unset):  Default: 'patron'.
     """

    by: CancellationRequestBy | Unset = 'patron'





    def to_dict(self) -> dict[str, Any]:
        by: str | Unset = UNSET
        if not isinstance(self.by, Unset):
            by = self.by



        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if by is not UNSET:
            field_dict["by"] = by

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _by = d.pop("by", UNSET)
        by: CancellationRequestBy | Unset
        if isinstance(_by,  Unset):
            by = UNSET
        else:
            by = check_cancellation_request_by(_by)




        cancellation_request = cls(
            by=by,
        )

        return cancellation_request

