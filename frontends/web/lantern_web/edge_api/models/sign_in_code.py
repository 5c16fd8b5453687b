from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="SignInCode")



@_attrs_define
class SignInCode:
    """ 
        Attributes:
            code (str):
            email (str):
            language (str | Unset): BCP 47 language tag, e.g. en, es-MX, zh-Hant Default: 'en'.
            valid_minutes (int | Unset):  Default: 10.
     """

    code: str
    email: str
    language: str | Unset = 'en'
    valid_minutes: int | Unset = 10





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        email = self.email

        language = self.language

        valid_minutes = self.valid_minutes


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "code": code,
            "email": email,
        })
        if language is not UNSET:
            field_dict["language"] = language
        if valid_minutes is not UNSET:
            field_dict["valid_minutes"] = valid_minutes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        email = d.pop("email")

        language = d.pop("language", UNSET)

        valid_minutes = d.pop("valid_minutes", UNSET)

        sign_in_code = cls(
            code=code,
            email=email,
            language=language,
            valid_minutes=valid_minutes,
        )

        return sign_in_code

