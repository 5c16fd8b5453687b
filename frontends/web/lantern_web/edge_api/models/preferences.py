from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.channel import Channel
from ..models.channel import check_channel
from ..models.preferences_opted_out_item import check_preferences_opted_out_item
from ..models.preferences_opted_out_item import PreferencesOptedOutItem
from ..models.preferences_timezone_type_0 import check_preferences_timezone_type_0
from ..models.preferences_timezone_type_0 import PreferencesTimezoneType0
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.quiet_hours import QuietHours





T = TypeVar("T", bound="Preferences")



@_attrs_define
class Preferences:
    """ What a recipient chose. `channels` None means automatic: email (else SMS), plus in-app for patrons.

        Attributes:
            channels (list[Channel] | None | Unset):
            opted_out (list[PreferencesOptedOutItem] | Unset):
            quiet_hours (None | QuietHours | Unset):
            quiet_hours_enabled (bool | Unset):  Default: True.
            timezone (None | PreferencesTimezoneType0 | Unset):
     """

    channels: list[Channel] | None | Unset = UNSET
    opted_out: list[PreferencesOptedOutItem] | Unset = UNSET
    quiet_hours: None | QuietHours | Unset = UNSET
    quiet_hours_enabled: bool | Unset = True
    timezone: None | PreferencesTimezoneType0 | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.quiet_hours import QuietHours # noqa: PLC0415
        channels: list[str] | None | Unset
        if isinstance(self.channels, Unset):
            channels = UNSET
        elif isinstance(self.channels, list):
            channels = []
            for channels_type_0_item_data in self.channels:
                channels_type_0_item: str = channels_type_0_item_data
                channels.append(channels_type_0_item)


        else:
            channels = self.channels

        opted_out: list[str] | Unset = UNSET
        if not isinstance(self.opted_out, Unset):
            opted_out = []
            for opted_out_item_data in self.opted_out:
                opted_out_item: str = opted_out_item_data
                opted_out.append(opted_out_item)



        quiet_hours: dict[str, Any] | None | Unset
        if isinstance(self.quiet_hours, Unset):
            quiet_hours = UNSET
        elif isinstance(self.quiet_hours, QuietHours):
            quiet_hours = self.quiet_hours.to_dict()
        else:
            quiet_hours = self.quiet_hours

        quiet_hours_enabled = self.quiet_hours_enabled

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        elif isinstance(self.timezone, str):
            timezone = self.timezone
        else:
            timezone = self.timezone


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if channels is not UNSET:
            field_dict["channels"] = channels
        if opted_out is not UNSET:
            field_dict["opted_out"] = opted_out
        if quiet_hours is not UNSET:
            field_dict["quiet_hours"] = quiet_hours
        if quiet_hours_enabled is not UNSET:
            field_dict["quiet_hours_enabled"] = quiet_hours_enabled
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quiet_hours import QuietHours # noqa: PLC0415
        d = dict(src_dict)
        def _parse_channels(data: object) -> list[Channel] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
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
            return cast(list[Channel] | None | Unset, data)

        channels = _parse_channels(d.pop("channels", UNSET))


        _opted_out = d.pop("opted_out", UNSET)
        opted_out: list[PreferencesOptedOutItem] | Unset = UNSET
        if _opted_out is not UNSET:
            opted_out = []
            for opted_out_item_data in _opted_out:
                opted_out_item = check_preferences_opted_out_item(opted_out_item_data)



                opted_out.append(opted_out_item)


        def _parse_quiet_hours(data: object) -> None | QuietHours | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quiet_hours_type_0 = QuietHours.from_dict(data)



                return quiet_hours_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuietHours | Unset, data)

        quiet_hours = _parse_quiet_hours(d.pop("quiet_hours", UNSET))


        quiet_hours_enabled = d.pop("quiet_hours_enabled", UNSET)

        def _parse_timezone(data: object) -> None | PreferencesTimezoneType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                timezone_type_0 = check_preferences_timezone_type_0(data)



                return timezone_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PreferencesTimezoneType0 | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))


        preferences = cls(
            channels=channels,
            opted_out=opted_out,
            quiet_hours=quiet_hours,
            quiet_hours_enabled=quiet_hours_enabled,
            timezone=timezone,
        )

        return preferences

