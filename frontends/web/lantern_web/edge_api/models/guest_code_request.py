from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="GuestCodeRequest")



@_attrs_define
class GuestCodeRequest:
    """ 
        Attributes:
            email (str):
            language (str | Unset): BCP 47 language tag, e.g. en, es-MX, zh-Hant Default: 'en'.
     """

    email: str
    language: str | Unset = 'en'





    def to_dict(self) -> dict[str, Any]:
        email = self.email

        language = self.language


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "email": email,
        })
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        language = d.pop("language", UNSET)

        guest_code_request = cls(
            email=email,
            language=language,
        )

        return guest_code_request

