from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="EndAgreementRequest")



@_attrs_define
class EndAgreementRequest:
    """ 
        Attributes:
            ended_on (datetime.date | None | Unset): Last day the agreement covers; today if omitted
            reason (str | Unset):  Default: 'ended early'.
     """

    ended_on: datetime.date | None | Unset = UNSET
    reason: str | Unset = 'ended early'





    def to_dict(self) -> dict[str, Any]:
        ended_on: None | str | Unset
        if isinstance(self.ended_on, Unset):
            ended_on = UNSET
        elif isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if ended_on is not UNSET:
            field_dict["ended_on"] = ended_on
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_ended_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)



                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ended_on = _parse_ended_on(d.pop("ended_on", UNSET))


        reason = d.pop("reason", UNSET)

        end_agreement_request = cls(
            ended_on=ended_on,
            reason=reason,
        )

        return end_agreement_request

