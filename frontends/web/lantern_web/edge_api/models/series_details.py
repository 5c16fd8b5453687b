from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.series_details_age_group_type_0 import check_series_details_age_group_type_0
from ..models.series_details_age_group_type_0 import SeriesDetailsAgeGroupType0
from ..models.series_details_format_type_0 import check_series_details_format_type_0
from ..models.series_details_format_type_0 import SeriesDetailsFormatType0
from ..models.series_details_timezone import check_series_details_timezone
from ..models.series_details_timezone import SeriesDetailsTimezone
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.place import Place





T = TypeVar("T", bound="SeriesDetails")



@_attrs_define
class SeriesDetails:
    """ A recurring session: the first occurrence's times, the rule, the exceptions, and what every occurrence shares.

        Attributes:
            capacity (int):
            ends_at (datetime.datetime): End of the first occurrence; every occurrence lasts as long
            place (Place):
            program_id (UUID):
            rrule (str):
            starts_at (datetime.datetime): Start of the first occurrence (DTSTART)
            timezone (SeriesDetailsTimezone): The zone the rule is expanded in (local wall time is kept)
            age_group (None | SeriesDetailsAgeGroupType0 | Unset):
            exdates (list[datetime.date] | Unset): Local dates with no occurrence
            format_ (None | SeriesDetailsFormatType0 | Unset):
            hybrid (bool | Unset):  Default: False.
            languages (list[str] | None | Unset):
     """

    capacity: int
    ends_at: datetime.datetime
    place: Place
    program_id: UUID
    rrule: str
    starts_at: datetime.datetime
    timezone: SeriesDetailsTimezone
    age_group: None | SeriesDetailsAgeGroupType0 | Unset = UNSET
    exdates: list[datetime.date] | Unset = UNSET
    format_: None | SeriesDetailsFormatType0 | Unset = UNSET
    hybrid: bool | Unset = False
    languages: list[str] | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.place import Place # noqa: PLC0415
        capacity = self.capacity

        ends_at = self.ends_at.isoformat()

        place = self.place.to_dict()

        program_id = str(self.program_id)

        rrule = self.rrule

        starts_at = self.starts_at.isoformat()

        timezone: str = self.timezone

        age_group: None | str | Unset
        if isinstance(self.age_group, Unset):
            age_group = UNSET
        elif isinstance(self.age_group, str):
            age_group = self.age_group
        else:
            age_group = self.age_group

        exdates: list[str] | Unset = UNSET
        if not isinstance(self.exdates, Unset):
            exdates = []
            for exdates_item_data in self.exdates:
                exdates_item = exdates_item_data.isoformat()
                exdates.append(exdates_item)



        format_: None | str | Unset
        if isinstance(self.format_, Unset):
            format_ = UNSET
        elif isinstance(self.format_, str):
            format_ = self.format_
        else:
            format_ = self.format_

        hybrid = self.hybrid

        languages: list[str] | None | Unset
        if isinstance(self.languages, Unset):
            languages = UNSET
        elif isinstance(self.languages, list):
            languages = self.languages


        else:
            languages = self.languages


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "capacity": capacity,
            "ends_at": ends_at,
            "place": place,
            "program_id": program_id,
            "rrule": rrule,
            "starts_at": starts_at,
            "timezone": timezone,
        })
        if age_group is not UNSET:
            field_dict["age_group"] = age_group
        if exdates is not UNSET:
            field_dict["exdates"] = exdates
        if format_ is not UNSET:
            field_dict["format"] = format_
        if hybrid is not UNSET:
            field_dict["hybrid"] = hybrid
        if languages is not UNSET:
            field_dict["languages"] = languages

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.place import Place # noqa: PLC0415
        d = dict(src_dict)
        capacity = d.pop("capacity")

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        place = Place.from_dict(d.pop("place"))




        program_id = UUID(d.pop("program_id"))




        rrule = d.pop("rrule")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        timezone = check_series_details_timezone(d.pop("timezone"))




        def _parse_age_group(data: object) -> None | SeriesDetailsAgeGroupType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                age_group_type_0 = check_series_details_age_group_type_0(data)



                return age_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SeriesDetailsAgeGroupType0 | Unset, data)

        age_group = _parse_age_group(d.pop("age_group", UNSET))


        _exdates = d.pop("exdates", UNSET)
        exdates: list[datetime.date] | Unset = UNSET
        if _exdates is not UNSET:
            exdates = []
            for exdates_item_data in _exdates:
                exdates_item = datetime.date.fromisoformat(exdates_item_data)



                exdates.append(exdates_item)


        def _parse_format_(data: object) -> None | SeriesDetailsFormatType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                format_type_0 = check_series_details_format_type_0(data)



                return format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SeriesDetailsFormatType0 | Unset, data)

        format_ = _parse_format_(d.pop("format", UNSET))


        hybrid = d.pop("hybrid", UNSET)

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


        series_details = cls(
            capacity=capacity,
            ends_at=ends_at,
            place=place,
            program_id=program_id,
            rrule=rrule,
            starts_at=starts_at,
            timezone=timezone,
            age_group=age_group,
            exdates=exdates,
            format_=format_,
            hybrid=hybrid,
            languages=languages,
        )

        return series_details

