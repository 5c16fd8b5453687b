from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.category import Category
from ..models.category import check_category
from ..models.channel import Channel
from ..models.channel import check_channel
from typing import cast

if TYPE_CHECKING:
  from ..models.quiet_hours import QuietHours





T = TypeVar("T", bound="PreferencesView")



@_attrs_define
class PreferencesView:
    """ 
        Attributes:
            channels (list[Channel] | None):
            effective_channels (list[Channel]):
            opted_out (list[Category]):
            quiet_hours (QuietHours):
            quiet_hours_enabled (bool):
            timezone (str):
     """

    channels: list[Channel] | None
    effective_channels: list[Channel]
    opted_out: list[Category]
    quiet_hours: QuietHours
    quiet_hours_enabled: bool
    timezone: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.quiet_hours import QuietHours # noqa: PLC0415
        channels: list[str] | None
        if isinstance(self.channels, list):
            channels = []
            for channels_type_0_item_data in self.channels:
                channels_type_0_item: str = channels_type_0_item_data
                channels.append(channels_type_0_item)


        else:
            channels = self.channels

        effective_channels = []
        for effective_channels_item_data in self.effective_channels:
            effective_channels_item: str = effective_channels_item_data
            effective_channels.append(effective_channels_item)



        opted_out = []
        for opted_out_item_data in self.opted_out:
            opted_out_item: str = opted_out_item_data
            opted_out.append(opted_out_item)



        quiet_hours = self.quiet_hours.to_dict()

        quiet_hours_enabled = self.quiet_hours_enabled

        timezone = self.timezone


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "channels": channels,
            "effective_channels": effective_channels,
            "opted_out": opted_out,
            "quiet_hours": quiet_hours,
            "quiet_hours_enabled": quiet_hours_enabled,
            "timezone": timezone,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quiet_hours import QuietHours # noqa: PLC0415
        d = dict(src_dict)
        def _parse_channels(data: object) -> list[Channel] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                channels_type_0 = []
                _channels_type_0 = data
                for channels_type_0_item_data in (_channels_type_0):
                    channels_type_0_item = check_channel(channels_type_0_item_data)



                    channels_type_0.append(channels_type_0_item)

                return channels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Channel] | None, data)

        channels = _parse_channels(d.pop("channels"))


        effective_channels = []
        _effective_channels = d.pop("effective_channels")
        for effective_channels_item_data in (_effective_channels):
            effective_channels_item = check_channel(effective_channels_item_data)



            effective_channels.append(effective_channels_item)


        opted_out = []
        _opted_out = d.pop("opted_out")
        for opted_out_item_data in (_opted_out):
            opted_out_item = check_category(opted_out_item_data)



            opted_out.append(opted_out_item)


        quiet_hours = QuietHours.from_dict(d.pop("quiet_hours"))




        quiet_hours_enabled = d.pop("quiet_hours_enabled")

        timezone = d.pop("timezone")

        preferences_view = cls(
            channels=channels,
            effective_channels=effective_channels,
            opted_out=opted_out,
            quiet_hours=quiet_hours,
            quiet_hours_enabled=quiet_hours_enabled,
            timezone=timezone,
        )


        preferences_view.additional_properties = d
        return preferences_view

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
