from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="GuestSignIn")



@_attrs_define
class GuestSignIn:
    """ 
        Attributes:
            code (str):
            email (str):
            name (None | str | Unset):
            preferred_language (str | Unset): BCP 47 language tag, e.g. en, es-MX, zh-Hant Default: 'en'.
     """

    code: str
    email: str
    name: None | str | Unset = UNSET
    preferred_language: str | Unset = 'en'





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        email = self.email

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        preferred_language = self.preferred_language


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "code": code,
            "email": email,
        })
        if name is not UNSET:
            field_dict["name"] = name
        if preferred_language is not UNSET:
            field_dict["preferred_language"] = preferred_language

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        email = d.pop("email")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        preferred_language = d.pop("preferred_language", UNSET)

        guest_sign_in = cls(
            code=code,
            email=email,
            name=name,
            preferred_language=preferred_language,
        )

        return guest_sign_in

