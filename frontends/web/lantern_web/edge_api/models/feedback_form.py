from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="FeedbackForm")



@_attrs_define
class FeedbackForm:
    """ 
        Attributes:
            application (int): I intend to apply what I learned
            awareness (int): I am more aware of resources and services the library provides
            confidence (int): I feel more confident about what I learned
            knowledge (int): I learned something new
            patron_id (UUID):
            could_be_better (None | str | Unset):
            liked_most (None | str | Unset):
            wants_to_learn (list[str] | Unset):
     """

    application: int
    awareness: int
    confidence: int
    knowledge: int
    patron_id: UUID
    could_be_better: None | str | Unset = UNSET
    liked_most: None | str | Unset = UNSET
    wants_to_learn: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        application = self.application

        awareness = self.awareness

        confidence = self.confidence

        knowledge = self.knowledge

        patron_id = str(self.patron_id)

        could_be_better: None | str | Unset
        if isinstance(self.could_be_better, Unset):
            could_be_better = UNSET
        else:
            could_be_better = self.could_be_better

        liked_most: None | str | Unset
        if isinstance(self.liked_most, Unset):
            liked_most = UNSET
        else:
            liked_most = self.liked_most

        wants_to_learn: list[str] | Unset = UNSET
        if not isinstance(self.wants_to_learn, Unset):
            wants_to_learn = self.wants_to_learn




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "application": application,
            "awareness": awareness,
            "confidence": confidence,
            "knowledge": knowledge,
            "patron_id": patron_id,
        })
        if could_be_better is not UNSET:
            field_dict["could_be_better"] = could_be_better
        if liked_most is not UNSET:
            field_dict["liked_most"] = liked_most
        if wants_to_learn is not UNSET:
            field_dict["wants_to_learn"] = wants_to_learn

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        application = d.pop("application")

        awareness = d.pop("awareness")

        confidence = d.pop("confidence")

        knowledge = d.pop("knowledge")

        patron_id = UUID(d.pop("patron_id"))




        def _parse_could_be_better(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        could_be_better = _parse_could_be_better(d.pop("could_be_better", UNSET))


        def _parse_liked_most(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        liked_most = _parse_liked_most(d.pop("liked_most", UNSET))


        wants_to_learn = cast(list[str], d.pop("wants_to_learn", UNSET))


        feedback_form = cls(
            application=application,
            awareness=awareness,
            confidence=confidence,
            knowledge=knowledge,
            patron_id=patron_id,
            could_be_better=could_be_better,
            liked_most=liked_most,
            wants_to_learn=wants_to_learn,
        )

        return feedback_form

