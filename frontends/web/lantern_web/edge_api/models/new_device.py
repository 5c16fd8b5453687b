from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.device_kind import check_device_kind
from ..models.device_kind import DeviceKind
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.kit_item import KitItem





T = TypeVar("T", bound="NewDevice")



@_attrs_define
class NewDevice:
    """ 
        Attributes:
            asset_tag (str):
            home_branch (str):
            kind (DeviceKind):
            serial (str):
            contents (list[KitItem] | Unset):
            emergency_pool (bool | Unset):  Default: False.
            model (None | str | Unset):
     """

    asset_tag: str
    home_branch: str
    kind: DeviceKind
    serial: str
    contents: list[KitItem] | Unset = UNSET
    emergency_pool: bool | Unset = False
    model: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.kit_item import KitItem # noqa: PLC0415
        asset_tag = self.asset_tag

        home_branch = self.home_branch

        kind: str = self.kind

        serial = self.serial

        contents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.contents, Unset):
            contents = []
            for contents_item_data in self.contents:
                contents_item = contents_item_data.to_dict()
                contents.append(contents_item)



        emergency_pool = self.emergency_pool

        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        else:
            model = self.model


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "asset_tag": asset_tag,
            "home_branch": home_branch,
            "kind": kind,
            "serial": serial,
        })
        if contents is not UNSET:
            field_dict["contents"] = contents
        if emergency_pool is not UNSET:
            field_dict["emergency_pool"] = emergency_pool
        if model is not UNSET:
            field_dict["model"] = model

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kit_item import KitItem # noqa: PLC0415
        d = dict(src_dict)
        asset_tag = d.pop("asset_tag")

        home_branch = d.pop("home_branch")

        kind = check_device_kind(d.pop("kind"))




        serial = d.pop("serial")

        _contents = d.pop("contents", UNSET)
        contents: list[KitItem] | Unset = UNSET
        if _contents is not UNSET:
            contents = []
            for contents_item_data in _contents:
                contents_item = KitItem.from_dict(contents_item_data)



                contents.append(contents_item)


        emergency_pool = d.pop("emergency_pool", UNSET)

        def _parse_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model = _parse_model(d.pop("model", UNSET))


        new_device = cls(
            asset_tag=asset_tag,
            home_branch=home_branch,
            kind=kind,
            serial=serial,
            contents=contents,
            emergency_pool=emergency_pool,
            model=model,
        )

        return new_device

