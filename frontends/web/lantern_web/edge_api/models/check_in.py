from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="CheckIn")



@_attrs_define
class CheckIn:
    """ 
        Attributes:
            patron_id (UUID):
            checked_in_at (datetime.datetime | None | Unset): Now when absent (e.g. from a paper sign-in sheet)
     """

    patron_id: UUID
    checked_in_at: datetime.datetime | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        patron_id = str(self.patron_id)

        checked_in_at: None | str | Unset
        if isinstance(self.checked_in_at, Unset):
            checked_in_at = UNSET
        elif isinstance(self.checked_in_at, datetime.datetime):
            checked_in_at = self.checked_in_at.isoformat()
        else:
            checked_in_at = self.checked_in_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "patron_id": patron_id,
        })
        if checked_in_at is not UNSET:
            field_dict["checked_in_at"] = checked_in_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        patron_id = UUID(d.pop("patron_id"))




        def _parse_checked_in_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                checked_in_at_type_0 = datetime.datetime.fromisoformat(data)



                return checked_in_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        checked_in_at = _parse_checked_in_at(d.pop("checked_in_at", UNSET))


        check_in = cls(
            patron_id=patron_id,
            checked_in_at=checked_in_at,
        )

        return check_in

