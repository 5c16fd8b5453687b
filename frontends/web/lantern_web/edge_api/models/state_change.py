from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.device_state import check_device_state
from ..models.device_state import DeviceState
from typing import cast
import datetime






T = TypeVar("T", bound="StateChange")



@_attrs_define
class StateChange:
    """ 
        Attributes:
            actor (str):
            changed_at (datetime.datetime):
            from_state (DeviceState | None):
            reason (str):
            to_state (DeviceState):
     """

    actor: str
    changed_at: datetime.datetime
    from_state: DeviceState | None
    reason: str
    to_state: DeviceState
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        actor = self.actor

        changed_at = self.changed_at.isoformat()

        from_state: None | str
        if isinstance(self.from_state, str):
            from_state = self.from_state
        else:
            from_state = self.from_state

        reason = self.reason

        to_state: str = self.to_state


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "actor": actor,
            "changed_at": changed_at,
            "from_state": from_state,
            "reason": reason,
            "to_state": to_state,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actor = d.pop("actor")

        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))




        def _parse_from_state(data: object) -> DeviceState | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_state_type_0 = check_device_state(data)



                return from_state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeviceState | None, data)

        from_state = _parse_from_state(d.pop("from_state"))


        reason = d.pop("reason")

        to_state = check_device_state(d.pop("to_state"))




        state_change = cls(
            actor=actor,
            changed_at=changed_at,
            from_state=from_state,
            reason=reason,
            to_state=to_state,
        )


        state_change.additional_properties = d
        return state_change

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
