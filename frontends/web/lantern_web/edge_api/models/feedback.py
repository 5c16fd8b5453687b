from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.feedback_follow_up_applied_type_0 import check_feedback_follow_up_applied_type_0
from ..models.feedback_follow_up_applied_type_0 import FeedbackFollowUpAppliedType0
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Feedback")



@_attrs_define
class Feedback:
    """ 
        Attributes:
            application (int):
            awareness (int):
            confidence (int):
            could_be_better (None | str):
            id (UUID):
            knowledge (int):
            liked_most (None | str):
            patron_id (UUID):
            session_id (UUID):
            submitted_at (datetime.datetime):
            wants_to_learn (list[str]):
            follow_up_applied (FeedbackFollowUpAppliedType0 | None | Unset):
            follow_up_comment (None | str | Unset):
            followed_up_at (datetime.datetime | None | Unset):
     """

    application: int
    awareness: int
    confidence: int
    could_be_better: None | str
    id: UUID
    knowledge: int
    liked_most: None | str
    patron_id: UUID
    session_id: UUID
    submitted_at: datetime.datetime
    wants_to_learn: list[str]
    follow_up_applied: FeedbackFollowUpAppliedType0 | None | Unset = UNSET
    follow_up_comment: None | str | Unset = UNSET
    followed_up_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        application = self.application

        awareness = self.awareness

        confidence = self.confidence

        could_be_better: None | str
        could_be_better = self.could_be_better

        id = str(self.id)

        knowledge = self.knowledge

        liked_most: None | str
        liked_most = self.liked_most

        patron_id = str(self.patron_id)

        session_id = str(self.session_id)

        submitted_at = self.submitted_at.isoformat()

        wants_to_learn = self.wants_to_learn



        follow_up_applied: None | str | Unset
        if isinstance(self.follow_up_applied, Unset):
            follow_up_applied = UNSET
        elif isinstance(self.follow_up_applied, str):
            follow_up_applied = self.follow_up_applied
        else:
            follow_up_applied = self.follow_up_applied

        follow_up_comment: None | str | Unset
        if isinstance(self.follow_up_comment, Unset):
            follow_up_comment = UNSET
        else:
            follow_up_comment = self.follow_up_comment

        followed_up_at: None | str | Unset
        if isinstance(self.followed_up_at, Unset):
            followed_up_at = UNSET
        elif isinstance(self.followed_up_at, datetime.datetime):
            followed_up_at = self.followed_up_at.isoformat()
        else:
            followed_up_at = self.followed_up_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "application": application,
            "awareness": awareness,
            "confidence": confidence,
            "could_be_better": could_be_better,
            "id": id,
            "knowledge": knowledge,
            "liked_most": liked_most,
            "patron_id": patron_id,
            "session_id": session_id,
            "submitted_at": submitted_at,
            "wants_to_learn": wants_to_learn,
        })
        if follow_up_applied is not UNSET:
            field_dict["follow_up_applied"] = follow_up_applied
        if follow_up_comment is not UNSET:
            field_dict["follow_up_comment"] = follow_up_comment
        if followed_up_at is not UNSET:
            field_dict["followed_up_at"] = followed_up_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        application = d.pop("application")

        awareness = d.pop("awareness")

        confidence = d.pop("confidence")

        def _parse_could_be_better(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        could_be_better = _parse_could_be_better(d.pop("could_be_better"))


        id = UUID(d.pop("id"))




        knowledge = d.pop("knowledge")

        def _parse_liked_most(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        liked_most = _parse_liked_most(d.pop("liked_most"))


        patron_id = UUID(d.pop("patron_id"))




        session_id = UUID(d.pop("session_id"))




        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))




        wants_to_learn = cast(list[str], d.pop("wants_to_learn"))


        def _parse_follow_up_applied(data: object) -> FeedbackFollowUpAppliedType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                follow_up_applied_type_0 = check_feedback_follow_up_applied_type_0(data)



                return follow_up_applied_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FeedbackFollowUpAppliedType0 | None | Unset, data)

        follow_up_applied = _parse_follow_up_applied(d.pop("follow_up_applied", UNSET))


        def _parse_follow_up_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        follow_up_comment = _parse_follow_up_comment(d.pop("follow_up_comment", UNSET))


        def _parse_followed_up_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                followed_up_at_type_0 = datetime.datetime.fromisoformat(data)



                return followed_up_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        followed_up_at = _parse_followed_up_at(d.pop("followed_up_at", UNSET))


        feedback = cls(
            application=application,
            awareness=awareness,
            confidence=confidence,
            could_be_better=could_be_better,
            id=id,
            knowledge=knowledge,
            liked_most=liked_most,
            patron_id=patron_id,
            session_id=session_id,
            submitted_at=submitted_at,
            wants_to_learn=wants_to_learn,
            follow_up_applied=follow_up_applied,
            follow_up_comment=follow_up_comment,
            followed_up_at=followed_up_at,
        )


        feedback.additional_properties = d
        return feedback

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
