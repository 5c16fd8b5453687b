from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="MilestoneDetails")



@_attrs_define
class MilestoneDetails:
    """ 
        Attributes:
            reward (str):
            sessions_required (int):
     """

    reward: str
    sessions_required: int





    def to_dict(self) -> dict[str, Any]:
        reward = self.reward

        sessions_required = self.sessions_required


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "reward": reward,
            "sessions_required": sessions_required,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reward = d.pop("reward")

        sessions_required = d.pop("sessions_required")

        milestone_details = cls(
            reward=reward,
            sessions_required=sessions_required,
        )

        return milestone_details

