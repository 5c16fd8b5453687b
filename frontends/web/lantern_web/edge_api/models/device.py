from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.device_kind import check_device_kind
from ..models.device_kind import DeviceKind
from ..models.device_state import check_device_state
from ..models.device_state import DeviceState
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.kit_item import KitItem





T = TypeVar("T", bound="Device")



@_attrs_define
class Device:
    """ 
        Attributes:
            asset_tag (str):
            created_at (datetime.datetime):
            home_branch (str):
            id (UUID):
            kind (DeviceKind):
            serial (str):
            state (DeviceState):
            updated_at (datetime.datetime):
            contents (list[KitItem] | Unset):
            emergency_pool (bool | Unset):  Default: False.
            last_seen_at (datetime.datetime | None | Unset):
            model (None | str | Unset):
     """

    asset_tag: str
    created_at: datetime.datetime
    home_branch: str
    id: UUID
    kind: DeviceKind
    serial: str
    state: DeviceState
    updated_at: datetime.datetime
    contents: list[KitItem] | Unset = UNSET
    emergency_pool: bool | Unset = False
    last_seen_at: datetime.datetime | None | Unset = UNSET
    model: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.kit_item import KitItem # noqa: PLC0415
        asset_tag = self.asset_tag

        created_at = self.created_at.isoformat()

        home_branch = self.home_branch

        id = str(self.id)

        kind: str = self.kind

        serial = self.serial

        state: str = self.state

        updated_at = self.updated_at.isoformat()

        contents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.contents, Unset):
            contents = []
            for contents_item_data in self.contents:
                contents_item = contents_item_data.to_dict()
                contents.append(contents_item)



        emergency_pool = self.emergency_pool

        last_seen_at: None | str | Unset
        if isinstance(self.last_seen_at, Unset):
            last_seen_at = UNSET
        elif isinstance(self.last_seen_at, datetime.datetime):
            last_seen_at = self.last_seen_at.isoformat()
        else:
            last_seen_at = self.last_seen_at

        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        else:
            model = self.model


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "asset_tag": asset_tag,
            "created_at": created_at,
            "home_branch": home_branch,
            "id": id,
            "kind": kind,
            "serial": serial,
            "state": state,
            "updated_at": updated_at,
        })
        if contents is not UNSET:
            field_dict["contents"] = contents
        if emergency_pool is not UNSET:
            field_dict["emergency_pool"] = emergency_pool
        if last_seen_at is not UNSET:
            field_dict["last_seen_at"] = last_seen_at
        if model is not UNSET:
            field_dict["model"] = model

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kit_item import KitItem # noqa: PLC0415
        d = dict(src_dict)
        asset_tag = d.pop("asset_tag")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        home_branch = d.pop("home_branch")

        id = UUID(d.pop("id"))




        kind = check_device_kind(d.pop("kind"))




        serial = d.pop("serial")

        state = check_device_state(d.pop("state"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        _contents = d.pop("contents", UNSET)
        contents: list[KitItem] | Unset = UNSET
        if _contents is not UNSET:
            contents = []
            for contents_item_data in _contents:
                contents_item = KitItem.from_dict(contents_item_data)



                contents.append(contents_item)


        emergency_pool = d.pop("emergency_pool", UNSET)

        def _parse_last_seen_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_seen_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_seen_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_seen_at = _parse_last_seen_at(d.pop("last_seen_at", UNSET))


        def _parse_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model = _parse_model(d.pop("model", UNSET))


        device = cls(
            asset_tag=asset_tag,
            created_at=created_at,
            home_branch=home_branch,
            id=id,
            kind=kind,
            serial=serial,
            state=state,
            updated_at=updated_at,
            contents=contents,
            emergency_pool=emergency_pool,
            last_seen_at=last_seen_at,
            model=model,
        )


        device.additional_properties = d
        return device

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
