from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.outcomes import Outcomes
  from ..models.skill_wish import SkillWish
  from ..models.turnout import Turnout





T = TypeVar("T", bound="ProgramReport")



@_attrs_define
class ProgramReport:
    """ 
        Attributes:
            age_group (str):
            attendance_rate (float | None): Attended among confirmed registrants
            attended (int):
            audience_tags (list[str]):
            by_language (list[Turnout]): By the preferred language of the registrant
            fill_rate (float | None):
            kind (str):
            most_wanted_skills (list[SkillWish]):
            no_shows (int):
            outcomes (Outcomes): Mean agreement (1–5) with PLA Project Outcome's four standard statements.
            period_from (datetime.date | None):
            period_to (datetime.date | None):
            program_id (UUID):
            seats_filled (int):
            seats_offered (int):
            sessions_cancelled (int):
            sessions_held (int): Completed sessions (cancelled ones are not held)
            title (str):
     """

    age_group: str
    attendance_rate: float | None
    attended: int
    audience_tags: list[str]
    by_language: list[Turnout]
    fill_rate: float | None
    kind: str
    most_wanted_skills: list[SkillWish]
    no_shows: int
    outcomes: Outcomes
    period_from: datetime.date | None
    period_to: datetime.date | None
    program_id: UUID
    seats_filled: int
    seats_offered: int
    sessions_cancelled: int
    sessions_held: int
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.outcomes import Outcomes # noqa: PLC0415
        from ..models.skill_wish import SkillWish # noqa: PLC0415
        from ..models.turnout import Turnout # noqa: PLC0415
        age_group = self.age_group

        attendance_rate: float | None
        attendance_rate = self.attendance_rate

        attended = self.attended

        audience_tags = self.audience_tags



        by_language = []
        for by_language_item_data in self.by_language:
            by_language_item = by_language_item_data.to_dict()
            by_language.append(by_language_item)



        fill_rate: float | None
        fill_rate = self.fill_rate

        kind = self.kind

        most_wanted_skills = []
        for most_wanted_skills_item_data in self.most_wanted_skills:
            most_wanted_skills_item = most_wanted_skills_item_data.to_dict()
            most_wanted_skills.append(most_wanted_skills_item)



        no_shows = self.no_shows

        outcomes = self.outcomes.to_dict()

        period_from: None | str
        if isinstance(self.period_from, datetime.date):
            period_from = self.period_from.isoformat()
        else:
            period_from = self.period_from

        period_to: None | str
        if isinstance(self.period_to, datetime.date):
            period_to = self.period_to.isoformat()
        else:
            period_to = self.period_to

        program_id = str(self.program_id)

        seats_filled = self.seats_filled

        seats_offered = self.seats_offered

        sessions_cancelled = self.sessions_cancelled

        sessions_held = self.sessions_held

        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "age_group": age_group,
            "attendance_rate": attendance_rate,
            "attended": attended,
            "audience_tags": audience_tags,
            "by_language": by_language,
            "fill_rate": fill_rate,
            "kind": kind,
            "most_wanted_skills": most_wanted_skills,
            "no_shows": no_shows,
            "outcomes": outcomes,
            "period_from": period_from,
            "period_to": period_to,
            "program_id": program_id,
            "seats_filled": seats_filled,
            "seats_offered": seats_offered,
            "sessions_cancelled": sessions_cancelled,
            "sessions_held": sessions_held,
            "title": title,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.outcomes import Outcomes # noqa: PLC0415
        from ..models.skill_wish import SkillWish # noqa: PLC0415
        from ..models.turnout import Turnout # noqa: PLC0415
        d = dict(src_dict)
        age_group = d.pop("age_group")

        def _parse_attendance_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        attendance_rate = _parse_attendance_rate(d.pop("attendance_rate"))


        attended = d.pop("attended")

        audience_tags = cast(list[str], d.pop("audience_tags"))


        by_language = []
        _by_language = d.pop("by_language")
        for by_language_item_data in (_by_language):
            by_language_item = Turnout.from_dict(by_language_item_data)



            by_language.append(by_language_item)


        def _parse_fill_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        fill_rate = _parse_fill_rate(d.pop("fill_rate"))


        kind = d.pop("kind")

        most_wanted_skills = []
        _most_wanted_skills = d.pop("most_wanted_skills")
        for most_wanted_skills_item_data in (_most_wanted_skills):
            most_wanted_skills_item = SkillWish.from_dict(most_wanted_skills_item_data)



            most_wanted_skills.append(most_wanted_skills_item)


        no_shows = d.pop("no_shows")

        outcomes = Outcomes.from_dict(d.pop("outcomes"))




        def _parse_period_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_from_type_0 = datetime.date.fromisoformat(data)



                return period_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        period_from = _parse_period_from(d.pop("period_from"))


        def _parse_period_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_to_type_0 = datetime.date.fromisoformat(data)



                return period_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        period_to = _parse_period_to(d.pop("period_to"))


        program_id = UUID(d.pop("program_id"))




        seats_filled = d.pop("seats_filled")

        seats_offered = d.pop("seats_offered")

        sessions_cancelled = d.pop("sessions_cancelled")

        sessions_held = d.pop("sessions_held")

        title = d.pop("title")

        program_report = cls(
            age_group=age_group,
            attendance_rate=attendance_rate,
            attended=attended,
            audience_tags=audience_tags,
            by_language=by_language,
            fill_rate=fill_rate,
            kind=kind,
            most_wanted_skills=most_wanted_skills,
            no_shows=no_shows,
            outcomes=outcomes,
            period_from=period_from,
            period_to=period_to,
            program_id=program_id,
            seats_filled=seats_filled,
            seats_offered=seats_offered,
            sessions_cancelled=sessions_cancelled,
            sessions_held=sessions_held,
            title=title,
        )


        program_report.additional_properties = d
        return program_report

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
