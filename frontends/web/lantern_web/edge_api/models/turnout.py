from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Turnout")



@_attrs_define
class Turnout:
    """ 
        Attributes:
            attended (int):
            key (str):
            registrants (int | None | Unset):
            sessions_held (int | None | Unset):
     """

    attended: int
    key: str
    registrants: int | None | Unset = UNSET
    sessions_held: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        attended = self.attended

        key = self.key

        registrants: int | None | Unset
        if isinstance(self.registrants, Unset):
            registrants = UNSET
        else:
            registrants = self.registrants

        sessions_held: int | None | Unset
        if isinstance(self.sessions_held, Unset):
            sessions_held = UNSET
        else:
            sessions_held = self.sessions_held


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attended": attended,
            "key": key,
        })
        if registrants is not UNSET:
            field_dict["registrants"] = registrants
        if sessions_held is not UNSET:
            field_dict["sessions_held"] = sessions_held

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attended = d.pop("attended")

        key = d.pop("key")

        def _parse_registrants(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        registrants = _parse_registrants(d.pop("registrants", UNSET))


        def _parse_sessions_held(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sessions_held = _parse_sessions_held(d.pop("sessions_held", UNSET))


        turnout = cls(
            attended=attended,
            key=key,
            registrants=registrants,
            sessions_held=sessions_held,
        )


        turnout.additional_properties = d
        return turnout

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
