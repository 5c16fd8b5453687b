from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.one_to_one import OneToOne
  from ..models.place_turnout import PlaceTurnout
  from ..models.pls_figures_attendance_by_age_group import PlsFiguresAttendanceByAgeGroup
  from ..models.pls_figures_attendance_by_format import PlsFiguresAttendanceByFormat
  from ..models.pls_figures_sessions_by_age_group import PlsFiguresSessionsByAgeGroup
  from ..models.pls_figures_sessions_by_format import PlsFiguresSessionsByFormat
  from ..models.turnout import Turnout





T = TypeVar("T", bound="PlsFigures")



@_attrs_define
class PlsFigures:
    """ Program sessions and attendance as the Public Libraries Survey counts them, plus the splits staff ask for.

    Synchronous program sessions held in the period, each occurrence of a series counted; a hybrid session once,
    by its in-person format. Age bands: ages_0_5, ages_6_11, ages_12_18, adults (19 and over), general_interest.
    One-to-one help is not a program session: it is reported apart, under `one_to_one`.

        Attributes:
            attendance_by_age_group (PlsFiguresAttendanceByAgeGroup):
            attendance_by_format (PlsFiguresAttendanceByFormat): format -> age band -> attendance
            by_audience_tag (list[Turnout]):
            by_language_of_instruction (list[Turnout]):
            by_place (list[PlaceTurnout]): Sessions and attendance by branch or partner site (online as one)
            hybrid_sessions (int): Hybrid sessions (counted once, as in person, in the figures above)
            one_to_one (list[OneToOne]): One-to-one help by kind, apart from program sessions
            period_from (datetime.date):
            period_to (datetime.date):
            sessions_by_age_group (PlsFiguresSessionsByAgeGroup):
            sessions_by_format (PlsFiguresSessionsByFormat): format -> age band -> sessions held
            virtual_attendance (int):
            virtual_sessions (int): Live online sessions (counted within the figures above)
     """

    attendance_by_age_group: PlsFiguresAttendanceByAgeGroup
    attendance_by_format: PlsFiguresAttendanceByFormat
    by_audience_tag: list[Turnout]
    by_language_of_instruction: list[Turnout]
    by_place: list[PlaceTurnout]
    hybrid_sessions: int
    one_to_one: list[OneToOne]
    period_from: datetime.date
    period_to: datetime.date
    sessions_by_age_group: PlsFiguresSessionsByAgeGroup
    sessions_by_format: PlsFiguresSessionsByFormat
    virtual_attendance: int
    virtual_sessions: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.one_to_one import OneToOne # noqa: PLC0415
        from ..models.place_turnout import PlaceTurnout # noqa: PLC0415
        from ..models.pls_figures_attendance_by_age_group import PlsFiguresAttendanceByAgeGroup # noqa: PLC0415
        from ..models.pls_figures_attendance_by_format import PlsFiguresAttendanceByFormat # noqa: PLC0415
        from ..models.pls_figures_sessions_by_age_group import PlsFiguresSessionsByAgeGroup # noqa: PLC0415
        from ..models.pls_figures_sessions_by_format import PlsFiguresSessionsByFormat # noqa: PLC0415
        from ..models.turnout import Turnout # noqa: PLC0415
        attendance_by_age_group = self.attendance_by_age_group.to_dict()

        attendance_by_format = self.attendance_by_format.to_dict()

        by_audience_tag = []
        for by_audience_tag_item_data in self.by_audience_tag:
            by_audience_tag_item = by_audience_tag_item_data.to_dict()
            by_audience_tag.append(by_audience_tag_item)



        by_language_of_instruction = []
        for by_language_of_instruction_item_data in self.by_language_of_instruction:
            by_language_of_instruction_item = by_language_of_instruction_item_data.to_dict()
            by_language_of_instruction.append(by_language_of_instruction_item)



        by_place = []
        for by_place_item_data in self.by_place:
            by_place_item = by_place_item_data.to_dict()
            by_place.append(by_place_item)



        hybrid_sessions = self.hybrid_sessions

        one_to_one = []
        for one_to_one_item_data in self.one_to_one:
            one_to_one_item = one_to_one_item_data.to_dict()
            one_to_one.append(one_to_one_item)



        period_from = self.period_from.isoformat()

        period_to = self.period_to.isoformat()

        sessions_by_age_group = self.sessions_by_age_group.to_dict()

        sessions_by_format = self.sessions_by_format.to_dict()

        virtual_attendance = self.virtual_attendance

        virtual_sessions = self.virtual_sessions


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attendance_by_age_group": attendance_by_age_group,
            "attendance_by_format": attendance_by_format,
            "by_audience_tag": by_audience_tag,
            "by_language_of_instruction": by_language_of_instruction,
            "by_place": by_place,
            "hybrid_sessions": hybrid_sessions,
            "one_to_one": one_to_one,
            "period_from": period_from,
            "period_to": period_to,
            "sessions_by_age_group": sessions_by_age_group,
            "sessions_by_format": sessions_by_format,
            "virtual_attendance": virtual_attendance,
            "virtual_sessions": virtual_sessions,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.one_to_one import OneToOne # noqa: PLC0415
        from ..models.place_turnout import PlaceTurnout # noqa: PLC0415
        from ..models.pls_figures_attendance_by_age_group import PlsFiguresAttendanceByAgeGroup # noqa: PLC0415
        from ..models.pls_figures_attendance_by_format import PlsFiguresAttendanceByFormat # noqa: PLC0415
        from ..models.pls_figures_sessions_by_age_group import PlsFiguresSessionsByAgeGroup # noqa: PLC0415
        from ..models.pls_figures_sessions_by_format import PlsFiguresSessionsByFormat # noqa: PLC0415
        from ..models.turnout import Turnout # noqa: PLC0415
        d = dict(src_dict)
        attendance_by_age_group = PlsFiguresAttendanceByAgeGroup.from_dict(d.pop("attendance_by_age_group"))




        attendance_by_format = PlsFiguresAttendanceByFormat.from_dict(d.pop("attendance_by_format"))




        by_audience_tag = []
        _by_audience_tag = d.pop("by_audience_tag")
        for by_audience_tag_item_data in (_by_audience_tag):
            by_audience_tag_item = Turnout.from_dict(by_audience_tag_item_data)



            by_audience_tag.append(by_audience_tag_item)


        by_language_of_instruction = []
        _by_language_of_instruction = d.pop("by_language_of_instruction")
        for by_language_of_instruction_item_data in (_by_language_of_instruction):
            by_language_of_instruction_item = Turnout.from_dict(by_language_of_instruction_item_data)



            by_language_of_instruction.append(by_language_of_instruction_item)


        by_place = []
        _by_place = d.pop("by_place")
        for by_place_item_data in (_by_place):
            by_place_item = PlaceTurnout.from_dict(by_place_item_data)



            by_place.append(by_place_item)


        hybrid_sessions = d.pop("hybrid_sessions")

        one_to_one = []
        _one_to_one = d.pop("one_to_one")
        for one_to_one_item_data in (_one_to_one):
            one_to_one_item = OneToOne.from_dict(one_to_one_item_data)



            one_to_one.append(one_to_one_item)


        period_from = datetime.date.fromisoformat(d.pop("period_from"))




        period_to = datetime.date.fromisoformat(d.pop("period_to"))




        sessions_by_age_group = PlsFiguresSessionsByAgeGroup.from_dict(d.pop("sessions_by_age_group"))




        sessions_by_format = PlsFiguresSessionsByFormat.from_dict(d.pop("sessions_by_format"))




        virtual_attendance = d.pop("virtual_attendance")

        virtual_sessions = d.pop("virtual_sessions")

        pls_figures = cls(
            attendance_by_age_group=attendance_by_age_group,
            attendance_by_format=attendance_by_format,
            by_audience_tag=by_audience_tag,
            by_language_of_instruction=by_language_of_instruction,
            by_place=by_place,
            hybrid_sessions=hybrid_sessions,
            one_to_one=one_to_one,
            period_from=period_from,
            period_to=period_to,
            sessions_by_age_group=sessions_by_age_group,
            sessions_by_format=sessions_by_format,
            virtual_attendance=virtual_attendance,
            virtual_sessions=virtual_sessions,
        )


        pls_figures.additional_properties = d
        return pls_figures

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
