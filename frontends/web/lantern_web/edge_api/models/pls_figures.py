from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.pls_figures_attendance_by_age_group import PlsFiguresAttendanceByAgeGroup
  from ..models.pls_figures_sessions_by_age_group import PlsFiguresSessionsByAgeGroup
  from ..models.turnout import Turnout





T = TypeVar("T", bound="PlsFigures")



@_attrs_define
class PlsFigures:
    """ Program sessions and attendance as the Public Libraries Survey counts them, plus the splits staff ask for.

        Attributes:
            attendance_by_age_group (PlsFiguresAttendanceByAgeGroup):
            by_audience_tag (list[Turnout]):
            by_language_of_instruction (list[Turnout]):
            period_from (datetime.date):
            period_to (datetime.date):
            sessions_by_age_group (PlsFiguresSessionsByAgeGroup):
            virtual_attendance (int):
            virtual_sessions (int): Live online sessions (counted within the figures above)
     """

    attendance_by_age_group: PlsFiguresAttendanceByAgeGroup
    by_audience_tag: list[Turnout]
    by_language_of_instruction: list[Turnout]
    period_from: datetime.date
    period_to: datetime.date
    sessions_by_age_group: PlsFiguresSessionsByAgeGroup
    virtual_attendance: int
    virtual_sessions: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.pls_figures_attendance_by_age_group import PlsFiguresAttendanceByAgeGroup # noqa: PLC0415
        from ..models.pls_figures_sessions_by_age_group import PlsFiguresSessionsByAgeGroup # noqa: PLC0415
        from ..models.turnout import Turnout # noqa: PLC0415
        attendance_by_age_group = self.attendance_by_age_group.to_dict()

        by_audience_tag = []
        for by_audience_tag_item_data in self.by_audience_tag:
            by_audience_tag_item = by_audience_tag_item_data.to_dict()
            by_audience_tag.append(by_audience_tag_item)



        by_language_of_instruction = []
        for by_language_of_instruction_item_data in self.by_language_of_instruction:
            by_language_of_instruction_item = by_language_of_instruction_item_data.to_dict()
            by_language_of_instruction.append(by_language_of_instruction_item)



        period_from = self.period_from.isoformat()

        period_to = self.period_to.isoformat()

        sessions_by_age_group = self.sessions_by_age_group.to_dict()

        virtual_attendance = self.virtual_attendance

        virtual_sessions = self.virtual_sessions


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attendance_by_age_group": attendance_by_age_group,
            "by_audience_tag": by_audience_tag,
            "by_language_of_instruction": by_language_of_instruction,
            "period_from": period_from,
            "period_to": period_to,
            "sessions_by_age_group": sessions_by_age_group,
            "virtual_attendance": virtual_attendance,
            "virtual_sessions": virtual_sessions,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pls_figures_attendance_by_age_group import PlsFiguresAttendanceByAgeGroup # noqa: PLC0415
        from ..models.pls_figures_sessions_by_age_group import PlsFiguresSessionsByAgeGroup # noqa: PLC0415
        from ..models.turnout import Turnout # noqa: PLC0415
        d = dict(src_dict)
        attendance_by_age_group = PlsFiguresAttendanceByAgeGroup.from_dict(d.pop("attendance_by_age_group"))




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


        period_from = datetime.date.fromisoformat(d.pop("period_from"))




        period_to = datetime.date.fromisoformat(d.pop("period_to"))




        sessions_by_age_group = PlsFiguresSessionsByAgeGroup.from_dict(d.pop("sessions_by_age_group"))




        virtual_attendance = d.pop("virtual_attendance")

        virtual_sessions = d.pop("virtual_sessions")

        pls_figures = cls(
            attendance_by_age_group=attendance_by_age_group,
            by_audience_tag=by_audience_tag,
            by_language_of_instruction=by_language_of_instruction,
            period_from=period_from,
            period_to=period_to,
            sessions_by_age_group=sessions_by_age_group,
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
