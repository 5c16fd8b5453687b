from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID






T = TypeVar("T", bound="Standing")



@_attrs_define
class Standing:
    """ A patron's incentive standing: sessions attended, points, milestones earned.

        Attributes:
            milestones (list[str]):
            patron_id (UUID):
            points (int):
            sessions_attended (int):
     """

    milestones: list[str]
    patron_id: UUID
    points: int
    sessions_attended: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        milestones = self.milestones



        patron_id = str(self.patron_id)

        points = self.points

        sessions_attended = self.sessions_attended


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "milestones": milestones,
            "patron_id": patron_id,
            "points": points,
            "sessions_attended": sessions_attended,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        milestones = cast(list[str], d.pop("milestones"))


        patron_id = UUID(d.pop("patron_id"))




        points = d.pop("points")

        sessions_attended = d.pop("sessions_attended")

        standing = cls(
            milestones=milestones,
            patron_id=patron_id,
            points=points,
            sessions_attended=sessions_attended,
        )


        standing.additional_properties = d
        return standing

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
