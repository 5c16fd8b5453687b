from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.place_turnout_kind import check_place_turnout_kind
from ..models.place_turnout_kind import PlaceTurnoutKind
from typing import cast






T = TypeVar("T", bound="PlaceTurnout")



@_attrs_define
class PlaceTurnout:
    """ 
        Attributes:
            attended (int):
            key (str): The branch's or partner site's name as sessions give it, or 'online'
            kind (PlaceTurnoutKind):
            sessions_held (int):
     """

    attended: int
    key: str
    kind: PlaceTurnoutKind
    sessions_held: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        attended = self.attended

        key = self.key

        kind: str = self.kind

        sessions_held = self.sessions_held


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attended": attended,
            "key": key,
            "kind": kind,
            "sessions_held": sessions_held,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attended = d.pop("attended")

        key = d.pop("key")

        kind = check_place_turnout_kind(d.pop("kind"))




        sessions_held = d.pop("sessions_held")

        place_turnout = cls(
            attended=attended,
            key=key,
            kind=kind,
            sessions_held=sessions_held,
        )


        place_turnout.additional_properties = d
        return place_turnout

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
