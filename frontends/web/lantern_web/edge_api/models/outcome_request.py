from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.outcome_request_outcome import check_outcome_request_outcome
from ..models.outcome_request_outcome import OutcomeRequestOutcome
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="OutcomeRequest")



@_attrs_define
class OutcomeRequest:
    """ 
        Attributes:
            outcome (OutcomeRequestOutcome):
            note (None | str | Unset):
     """

    outcome: OutcomeRequestOutcome
    note: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        outcome: str = self.outcome

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "outcome": outcome,
        })
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outcome = check_outcome_request_outcome(d.pop("outcome"))




        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        outcome_request = cls(
            outcome=outcome,
            note=note,
        )

        return outcome_request

