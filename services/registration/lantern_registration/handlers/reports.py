"""Programme reports, assembled from the store's aggregates."""

from datetime import UTC, date, datetime, time
from uuid import UUID

from lantern_shared.refusals import not_found

from ..deps import Deps
from ..domain.programs import AGE_GROUPS, SESSION_FORMATS
from ..domain.reports import OneToOne, Outcomes, PlaceTurnout, PlsFigures, ProgramReport, SkillWish, Turnout, rate
from ..store import programs, reports

_EVER = (datetime(1970, 1, 1, tzinfo=UTC), datetime(9999, 1, 1, tzinfo=UTC))


def _bounds(start: date | None, end: date | None) -> tuple[datetime, datetime]:
    return (
        datetime.combine(start, time(), UTC) if start else _EVER[0],
        datetime.combine(end, time(), UTC) if end else _EVER[1],
    )


def _round(value: float | None) -> float | None:
    return round(value, 2) if value is not None else None


async def program_report(deps: Deps, program_id: UUID, start: date | None, end: date | None) -> ProgramReport:
    since, until = _bounds(start, end)
    async with deps.pool.acquire() as conn:
        program = await programs.get(conn, program_id)
        if program is None:
            raise not_found("program", program_id)
        figures = await reports.program_figures(conn, program_id, since, until)
        scores = await reports.outcomes(conn, program_id, since, until)
        wishes = await reports.skill_wishes(conn, program_id, since, until)
        languages = await reports.turnout_by_language(conn, program_id, since, until)
    return ProgramReport(
        program_id=program.id, kind=program.kind, title=program.title_in(), age_group=program.age_group,
        audience_tags=program.audience_tags, period_from=start, period_to=end, **dict(figures),
        fill_rate=rate(figures["seats_filled"], figures["seats_offered"]),
        attendance_rate=rate(figures["attended"], figures["seats_filled"]),
        outcomes=Outcomes(
            responses=scores["responses"], knowledge=_round(scores["knowledge"]),
            confidence=_round(scores["confidence"]), application=_round(scores["application"]),
            awareness=_round(scores["awareness"]),
            follow_ups={"yes": scores["yes"], "partly": scores["partly"], "no": scores["no"]},
        ),
        most_wanted_skills=[SkillWish.model_validate(dict(w)) for w in wishes],
        by_language=[Turnout.model_validate(dict(t)) for t in languages],
    )


async def pls_figures(deps: Deps, start: date, end: date) -> PlsFigures:
    since, until = _bounds(start, end)
    async with deps.pool.acquire() as conn:
        groups = {r["key"]: r for r in await reports.by_age_group(conn, since, until)}
        online = await reports.virtual(conn, since, until)
        tags = await reports.by_audience_tag(conn, since, until)
        languages = await reports.by_language_of_instruction(conn, since, until)
        places = await reports.by_place(conn, since, until)
        cells = await reports.by_format_and_age_group(conn, since, until)
        helped = await reports.one_to_one(conn, since, until)
    sessions = {f: dict.fromkeys(AGE_GROUPS, 0) for f in SESSION_FORMATS}
    attendance = {f: dict.fromkeys(AGE_GROUPS, 0) for f in SESSION_FORMATS}
    for cell in cells:
        sessions[cell["format"]][cell["age_group"]] = cell["sessions_held"]
        attendance[cell["format"]][cell["age_group"]] = cell["attended"]
    return PlsFigures(
        period_from=start, period_to=end,
        sessions_by_age_group={g: groups[g]["sessions_held"] if g in groups else 0 for g in AGE_GROUPS},
        attendance_by_age_group={g: groups[g]["attended"] if g in groups else 0 for g in AGE_GROUPS},
        sessions_by_format=sessions, attendance_by_format=attendance,
        hybrid_sessions=sum(cell["hybrid"] for cell in cells),
        virtual_sessions=online["sessions_held"], virtual_attendance=online["attended"],
        one_to_one=[OneToOne.model_validate(dict(h)) for h in helped],
        by_audience_tag=[Turnout.model_validate(dict(t)) for t in tags],
        by_language_of_instruction=[Turnout.model_validate(dict(t)) for t in languages],
        by_place=[PlaceTurnout.model_validate(dict(t)) for t in places],
    )
