from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="RegistrationRequest")



@_attrs_define
class RegistrationRequest:
    """ 
        Attributes:
            patron_id (UUID):
     """

    patron_id: UUID





    def to_dict(self) -> dict[str, Any]:
        patron_id = str(self.patron_id)


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "patron_id": patron_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        patron_id = UUID(d.pop("patron_id"))




        registration_request = cls(
            patron_id=patron_id,
        )

        return registration_request

