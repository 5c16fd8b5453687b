from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="PatronTokens")



@_attrs_define
class PatronTokens:
    """ 
        Attributes:
            access_token (str):
            expires_in (int):
            patron_id (str):
            refresh_token (str):
            enrolled (bool | Unset):  Default: False.
            token_type (str | Unset):  Default: 'Bearer'.
     """

    access_token: str
    expires_in: int
    patron_id: str
    refresh_token: str
    enrolled: bool | Unset = False
    token_type: str | Unset = 'Bearer'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        expires_in = self.expires_in

        patron_id = self.patron_id

        refresh_token = self.refresh_token

        enrolled = self.enrolled

        token_type = self.token_type


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "access_token": access_token,
            "expires_in": expires_in,
            "patron_id": patron_id,
            "refresh_token": refresh_token,
        })
        if enrolled is not UNSET:
            field_dict["enrolled"] = enrolled
        if token_type is not UNSET:
            field_dict["token_type"] = token_type

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access_token = d.pop("access_token")

        expires_in = d.pop("expires_in")

        patron_id = d.pop("patron_id")

        refresh_token = d.pop("refresh_token")

        enrolled = d.pop("enrolled", UNSET)

        token_type = d.pop("token_type", UNSET)

        patron_tokens = cls(
            access_token=access_token,
            expires_in=expires_in,
            patron_id=patron_id,
            refresh_token=refresh_token,
            enrolled=enrolled,
            token_type=token_type,
        )


        patron_tokens.additional_properties = d
        return patron_tokens

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
