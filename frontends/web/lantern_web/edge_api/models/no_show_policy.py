from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="NoShowPolicy")



@_attrs_define
class NoShowPolicy:
    """ After `consecutive` no-shows in a row at this program's sessions, self-registration pauses `pause_days`.

        Attributes:
            consecutive (int | Unset):  Default: 3.
            pause_days (int | Unset):  Default: 30.
     """

    consecutive: int | Unset = 3
    pause_days: int | Unset = 30





    def to_dict(self) -> dict[str, Any]:
        consecutive = self.consecutive

        pause_days = self.pause_days


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if consecutive is not UNSET:
            field_dict["consecutive"] = consecutive
        if pause_days is not UNSET:
            field_dict["pause_days"] = pause_days

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        consecutive = d.pop("consecutive", UNSET)

        pause_days = d.pop("pause_days", UNSET)

        no_show_policy = cls(
            consecutive=consecutive,
            pause_days=pause_days,
        )

        return no_show_policy

