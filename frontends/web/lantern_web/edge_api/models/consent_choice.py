from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.consent_choice_source import check_consent_choice_source
from ..models.consent_choice_source import ConsentChoiceSource
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ConsentChoice")



@_attrs_define
class ConsentChoice:
    """ PUT .../sms-consent: the patron says yes or no to texts at the number on file.

        Attributes:
            opted_in (bool):
            source (ConsentChoiceSource | Unset):  Default: 'preferences'.
     """

    opted_in: bool
    source: ConsentChoiceSource | Unset = 'preferences'





    def to_dict(self) -> dict[str, Any]:
        opted_in = self.opted_in

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "opted_in": opted_in,
        })
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        opted_in = d.pop("opted_in")

        _source = d.pop("source", UNSET)
        source: ConsentChoiceSource | Unset
        if isinstance(_source,  Unset):
            source = UNSET
        else:
            source = check_consent_choice_source(_source)




        consent_choice = cls(
            opted_in=opted_in,
            source=source,
        )

        return consent_choice

