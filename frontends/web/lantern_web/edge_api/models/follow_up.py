from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.follow_up_applied import check_follow_up_applied
from ..models.follow_up_applied import FollowUpApplied
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="FollowUp")



@_attrs_define
class FollowUp:
    """ The optional follow-up survey some weeks later.

        Attributes:
            applied (FollowUpApplied): Have you applied what you learned?
            comment (None | str | Unset):
     """

    applied: FollowUpApplied
    comment: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        applied: str = self.applied

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "applied": applied,
        })
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        applied = check_follow_up_applied(d.pop("applied"))




        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))


        follow_up = cls(
            applied=applied,
            comment=comment,
        )

        return follow_up

