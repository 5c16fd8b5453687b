from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.series_changes_age_group_type_0 import check_series_changes_age_group_type_0
from ..models.series_changes_age_group_type_0 import SeriesChangesAgeGroupType0
from ..models.series_changes_format_type_0 import check_series_changes_format_type_0
from ..models.series_changes_format_type_0 import SeriesChangesFormatType0
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.place import Place





T = TypeVar("T", bound="SeriesChanges")



@_attrs_define
class SeriesChanges:
    """ A change to the series: applied to occurrences still ahead that were not moved on their own.

        Attributes:
            add_exdates (list[datetime.date] | Unset): Dates to leave out: their occurrences are cancelled
            age_group (None | SeriesChangesAgeGroupType0 | Unset):
            capacity (int | None | Unset):
            duration_minutes (int | None | Unset):
            format_ (None | SeriesChangesFormatType0 | Unset):
            hybrid (bool | None | Unset):
            languages (list[str] | None | Unset):
            place (None | Place | Unset):
            start_time (None | str | Unset): New local start time of future occurrences
     """

    add_exdates: list[datetime.date] | Unset = UNSET
    age_group: None | SeriesChangesAgeGroupType0 | Unset = UNSET
    capacity: int | None | Unset = UNSET
    duration_minutes: int | None | Unset = UNSET
    format_: None | SeriesChangesFormatType0 | Unset = UNSET
    hybrid: bool | None | Unset = UNSET
    languages: list[str] | None | Unset = UNSET
    place: None | Place | Unset = UNSET
    start_time: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.place import Place # noqa: PLC0415
        add_exdates: list[str] | Unset = UNSET
        if not isinstance(self.add_exdates, Unset):
            add_exdates = []
            for add_exdates_item_data in self.add_exdates:
                add_exdates_item = add_exdates_item_data.isoformat()
                add_exdates.append(add_exdates_item)



        age_group: None | str | Unset
        if isinstance(self.age_group, Unset):
            age_group = UNSET
        elif isinstance(self.age_group, str):
            age_group = self.age_group
        else:
            age_group = self.age_group

        capacity: int | None | Unset
        if isinstance(self.capacity, Unset):
            capacity = UNSET
        else:
            capacity = self.capacity

        duration_minutes: int | None | Unset
        if isinstance(self.duration_minutes, Unset):
            duration_minutes = UNSET
        else:
            duration_minutes = self.duration_minutes

        format_: None | str | Unset
        if isinstance(self.format_, Unset):
            format_ = UNSET
        elif isinstance(self.format_, str):
            format_ = self.format_
        else:
            format_ = self.format_

        hybrid: bool | None | Unset
        if isinstance(self.hybrid, Unset):
            hybrid = UNSET
        else:
            hybrid = self.hybrid

        languages: list[str] | None | Unset
        if isinstance(self.languages, Unset):
            languages = UNSET
        elif isinstance(self.languages, list):
            languages = self.languages


        else:
            languages = self.languages

        place: dict[str, Any] | None | Unset
        if isinstance(self.place, Unset):
            place = UNSET
        elif isinstance(self.place, Place):
            place = self.place.to_dict()
        else:
            place = self.place

        start_time: None | str | Unset
        if isinstance(self.start_time, Unset):
            start_time = UNSET
        else:
            start_time = self.start_time


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if add_exdates is not UNSET:
            field_dict["add_exdates"] = add_exdates
        if age_group is not UNSET:
            field_dict["age_group"] = age_group
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if duration_minutes is not UNSET:
            field_dict["duration_minutes"] = duration_minutes
        if format_ is not UNSET:
            field_dict["format"] = format_
        if hybrid is not UNSET:
            field_dict["hybrid"] = hybrid
        if languages is not UNSET:
            field_dict["languages"] = languages
        if place is not UNSET:
            field_dict["place"] = place
        if start_time is not UNSET:
            field_dict["start_time"] = start_time

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.place import Place # noqa: PLC0415
        d = dict(src_dict)
        _add_exdates = d.pop("add_exdates", UNSET)
        add_exdates: list[datetime.date] | Unset = UNSET
        if _add_exdates is not UNSET:
            add_exdates = []
            for add_exdates_item_data in _add_exdates:
                add_exdates_item = datetime.date.fromisoformat(add_exdates_item_data)



                add_exdates.append(add_exdates_item)


        def _parse_age_group(data: object) -> None | SeriesChangesAgeGroupType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                age_group_type_0 = check_series_changes_age_group_type_0(data)



                return age_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SeriesChangesAgeGroupType0 | Unset, data)

        age_group = _parse_age_group(d.pop("age_group", UNSET))


        def _parse_capacity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        capacity = _parse_capacity(d.pop("capacity", UNSET))


        def _parse_duration_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_minutes = _parse_duration_minutes(d.pop("duration_minutes", UNSET))


        def _parse_format_(data: object) -> None | SeriesChangesFormatType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                format_type_0 = check_series_changes_format_type_0(data)



                return format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SeriesChangesFormatType0 | Unset, data)

        format_ = _parse_format_(d.pop("format", UNSET))


        def _parse_hybrid(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        hybrid = _parse_hybrid(d.pop("hybrid", UNSET))


        def _parse_languages(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                languages_type_0 = cast(list[str], data)

                return languages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        languages = _parse_languages(d.pop("languages", UNSET))


        def _parse_place(data: object) -> None | Place | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                place_type_0 = Place.from_dict(data)



                return place_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Place | Unset, data)

        place = _parse_place(d.pop("place", UNSET))


        def _parse_start_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start_time = _parse_start_time(d.pop("start_time", UNSET))


        series_changes = cls(
            add_exdates=add_exdates,
            age_group=age_group,
            capacity=capacity,
            duration_minutes=duration_minutes,
            format_=format_,
            hybrid=hybrid,
            languages=languages,
            place=place,
            start_time=start_time,
        )

        return series_changes

