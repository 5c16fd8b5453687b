from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ApplyRequest")



@_attrs_define
class ApplyRequest:
    """ 
        Attributes:
            assurer_email (None | str | Unset): Who confirmed the record (HSDS assurer_email)
            note (None | str | Unset):
     """

    assurer_email: None | str | Unset = UNSET
    note: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        assurer_email: None | str | Unset
        if isinstance(self.assurer_email, Unset):
            assurer_email = UNSET
        else:
            assurer_email = self.assurer_email

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if assurer_email is not UNSET:
            field_dict["assurer_email"] = assurer_email
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_assurer_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assurer_email = _parse_assurer_email(d.pop("assurer_email", UNSET))


        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        apply_request = cls(
            assurer_email=assurer_email,
            note=note,
        )

        return apply_request

