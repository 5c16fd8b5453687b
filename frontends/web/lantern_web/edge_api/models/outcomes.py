from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.outcomes_follow_ups import OutcomesFollowUps





T = TypeVar("T", bound="Outcomes")



@_attrs_define
class Outcomes:
    """ Mean agreement (1–5) with PLA Project Outcome's four standard statements.

        Attributes:
            application (float | None):
            awareness (float | None):
            confidence (float | None):
            follow_ups (OutcomesFollowUps): Follow-up answers to 'did you apply it?': yes, partly, no
            knowledge (float | None):
            responses (int):
     """

    application: float | None
    awareness: float | None
    confidence: float | None
    follow_ups: OutcomesFollowUps
    knowledge: float | None
    responses: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.outcomes_follow_ups import OutcomesFollowUps # noqa: PLC0415
        application: float | None
        application = self.application

        awareness: float | None
        awareness = self.awareness

        confidence: float | None
        confidence = self.confidence

        follow_ups = self.follow_ups.to_dict()

        knowledge: float | None
        knowledge = self.knowledge

        responses = self.responses


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "application": application,
            "awareness": awareness,
            "confidence": confidence,
            "follow_ups": follow_ups,
            "knowledge": knowledge,
            "responses": responses,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.outcomes_follow_ups import OutcomesFollowUps # noqa: PLC0415
        d = dict(src_dict)
        def _parse_application(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        application = _parse_application(d.pop("application"))


        def _parse_awareness(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        awareness = _parse_awareness(d.pop("awareness"))


        def _parse_confidence(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        confidence = _parse_confidence(d.pop("confidence"))


        follow_ups = OutcomesFollowUps.from_dict(d.pop("follow_ups"))




        def _parse_knowledge(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        knowledge = _parse_knowledge(d.pop("knowledge"))


        responses = d.pop("responses")

        outcomes = cls(
            application=application,
            awareness=awareness,
            confidence=confidence,
            follow_ups=follow_ups,
            knowledge=knowledge,
            responses=responses,
        )


        outcomes.additional_properties = d
        return outcomes

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
