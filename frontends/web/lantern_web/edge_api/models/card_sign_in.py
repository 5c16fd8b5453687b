from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CardSignIn")



@_attrs_define
class CardSignIn:
    """ 
        Attributes:
            card_number (str):
            pin (str):
     """

    card_number: str
    pin: str





    def to_dict(self) -> dict[str, Any]:
        card_number = self.card_number

        pin = self.pin


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "card_number": card_number,
            "pin": pin,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        card_number = d.pop("card_number")

        pin = d.pop("pin")

        card_sign_in = cls(
            card_number=card_number,
            pin=pin,
        )

        return card_sign_in

