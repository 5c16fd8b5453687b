from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.state_change_request_to_state import check_state_change_request_to_state
from ..models.state_change_request_to_state import StateChangeRequestToState
from typing import cast






T = TypeVar("T", bound="StateChangeRequest")



@_attrs_define
class StateChangeRequest:
    """ 
        Attributes:
            reason (str):
            to_state (StateChangeRequestToState):
     """

    reason: str
    to_state: StateChangeRequestToState





    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        to_state: str = self.to_state


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "reason": reason,
            "to_state": to_state,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        to_state = check_state_change_request_to_state(d.pop("to_state"))




        state_change_request = cls(
            reason=reason,
            to_state=to_state,
        )

        return state_change_request

