from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.kit_item import KitItem





T = TypeVar("T", bound="DeviceChanges")



@_attrs_define
class DeviceChanges:
    """ 
        Attributes:
            contents (list[KitItem] | None | Unset):
            emergency_pool (bool | None | Unset):
            home_branch (None | str | Unset):
            model (None | str | Unset):
     """

    contents: list[KitItem] | None | Unset = UNSET
    emergency_pool: bool | None | Unset = UNSET
    home_branch: None | str | Unset = UNSET
    model: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.kit_item import KitItem # noqa: PLC0415
        contents: list[dict[str, Any]] | None | Unset
        if isinstance(self.contents, Unset):
            contents = UNSET
        elif isinstance(self.contents, list):
            contents = []
            for contents_type_0_item_data in self.contents:
                contents_type_0_item = contents_type_0_item_data.to_dict()
                contents.append(contents_type_0_item)


        else:
            contents = self.contents

        emergency_pool: bool | None | Unset
        if isinstance(self.emergency_pool, Unset):
            emergency_pool = UNSET
        else:
            emergency_pool = self.emergency_pool

        home_branch: None | str | Unset
        if isinstance(self.home_branch, Unset):
            home_branch = UNSET
        else:
            home_branch = self.home_branch

        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        else:
            model = self.model


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if contents is not UNSET:
            field_dict["contents"] = contents
        if emergency_pool is not UNSET:
            field_dict["emergency_pool"] = emergency_pool
        if home_branch is not UNSET:
            field_dict["home_branch"] = home_branch
        if model is not UNSET:
            field_dict["model"] = model

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kit_item import KitItem # noqa: PLC0415
        d = dict(src_dict)
        def _parse_contents(data: object) -> list[KitItem] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                contents_type_0 = []
                _contents_type_0 = data
                for contents_type_0_item_data in (_contents_type_0):
                    contents_type_0_item = KitItem.from_dict(contents_type_0_item_data)



                    contents_type_0.append(contents_type_0_item)

                return contents_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[KitItem] | None | Unset, data)

        contents = _parse_contents(d.pop("contents", UNSET))


        def _parse_emergency_pool(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        emergency_pool = _parse_emergency_pool(d.pop("emergency_pool", UNSET))


        def _parse_home_branch(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        home_branch = _parse_home_branch(d.pop("home_branch", UNSET))


        def _parse_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model = _parse_model(d.pop("model", UNSET))


        device_changes = cls(
            contents=contents,
            emergency_pool=emergency_pool,
            home_branch=home_branch,
            model=model,
        )

        return device_changes

