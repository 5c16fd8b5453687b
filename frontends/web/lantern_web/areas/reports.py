"""Staff reports under /staff/reports: the Public Libraries Survey figures, participation by language of instruction
and by audience, and the Edge partnerships benchmarks — as tables, SVG charts and CSV downloads of the same numbers
the edge reports."""

import csv
import datetime as dt
import io
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from .. import i18n
from ..charts import bar_chart
from ..edge_api.api.reports import get_reports_partnerships, get_reports_pls
from ..i18n import _
from ..pages import render
from ..signin import EdgeAsReader
from .staff import router

AGE_GROUPS = {"ages_0_5": i18n.lazy("Children 0–5"), "ages_6_11": i18n.lazy("Children 6–11"),
              "ages_12_18": i18n.lazy("Young adults 12–18"), "adults": i18n.lazy("Adults"),
              "general_interest": i18n.lazy("General interest")}
BENCHMARKS = {"workforce": i18n.lazy("Workforce development"),
              "government_social_services": i18n.lazy("Government and social services"),
              "education": i18n.lazy("Education"), "health": i18n.lazy("Health")}
OUTCOMES = {"pending": i18n.lazy("Waiting for the partner"), "contacted": i18n.lazy("Contacted"),
            "served": i18n.lazy("Served"), "declined": i18n.lazy("Declined")}


def _this_year() -> tuple[dt.date, dt.date]:
    year = dt.date.today().year
    return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)


def _period(request: Request) -> tuple[dt.date, dt.date, dict[str, str]]:
    """The reporting period from the query (`from`, `to` exclusive), this calendar year by default."""
    start, end, errors = *_this_year(), {}
    for name in ("from", "to"):
        given = request.query_params.get(name)
        if given:
            try:
                value = dt.date.fromisoformat(given)
            except ValueError:
                errors[name] = _("Give a date like 2026-01-31.")
                continue
            start, end = (value, end) if name == "from" else (start, value)
    if not errors and end <= start:
        errors["to"] = _("The end must be after the start.")
    return start, end, errors


def _label(table: dict[str, Any], code: str) -> str:
    return i18n.gettext(table[code]) if code in table else code


async def _figures(edge: EdgeAsReader, start: dt.date, end: dt.date) -> tuple[dict[str, Any], dict[str, Any]]:
    pls = (await edge.call(get_reports_pls, from_=start, to=end)).to_dict()
    partnerships = (await edge.call(get_reports_partnerships)).to_dict()
    return pls, partnerships


@router.get("/staff/reports", name="staff_reports")
async def reports(request: Request, edge: EdgeAsReader) -> Response:
    start, end, errors = _period(request)
    if errors:
        return render(request, "reports/reports.html", status=422, errors=errors, start=start, end=end, pls=None)
    pls, partnerships = await _figures(edge, start, end)
    by_language = [(i18n.language_name(t["key"]), int(t["attended"])) for t in pls["by_language_of_instruction"]]
    charts = {
        "age": bar_chart("chart-age", _("Attendance by age group"),
                         _("Bar chart of people who attended, by the age group a program is for."),
                         [(_label(AGE_GROUPS, k), int(v)) for k, v in pls["attendance_by_age_group"].items()]),
        "language": bar_chart("chart-language", _("Attendance by language of instruction"),
                              _("Bar chart of people who attended, by the language a session was taught in."),
                              by_language),
        "referrals": bar_chart("chart-referrals", _("Referrals by outcome"),
                               _("Bar chart of referrals to partners, by what the partner reported."),
                               [(_label(OUTCOMES, k), int(v)) for k, v in partnerships["referrals_by_outcome"].items()]),
    }
    as_of = dt.date.fromisoformat(str(partnerships["as_of"]))
    return render(request, "reports/reports.html", start=start, end=end, pls=pls, partnerships=partnerships, as_of=as_of,
                  charts=charts, age_groups=AGE_GROUPS, benchmarks=BENCHMARKS)


def _csv(rows: list[list[Any]], filename: str) -> Response:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.get("/staff/reports/pls.csv")
async def pls_csv(request: Request, edge: EdgeAsReader) -> Response:
    """Machine-readable columns (codes, not translated labels), as a spreadsheet or the state's form expects."""
    start, end, errors = _period(request)
    if errors:
        start, end = _this_year()
    pls = (await edge.call(get_reports_pls, from_=start, to=end)).to_dict()
    rows: list[list[Any]] = [["section", "key", "sessions", "attended", "registrants"]]
    for group, sessions in pls["sessions_by_age_group"].items():
        rows.append(["age_group", group, sessions, pls["attendance_by_age_group"].get(group, 0), ""])
    rows.append(["virtual", "live_online", pls["virtual_sessions"], pls["virtual_attendance"], ""])
    for section in ("by_language_of_instruction", "by_audience_tag"):
        for t in pls[section]:
            rows.append([section.removeprefix("by_"), t["key"], t.get("sessions_held") or "", t["attended"],
                         t.get("registrants") or ""])
    for t in pls.get("by_place", []):
        rows.append([f"place_{t['kind']}", t["key"], t["sessions_held"], t["attended"], ""])
    return _csv(rows, f"pls-{start.isoformat()}-{end.isoformat()}.csv")


@router.get("/staff/reports/partnerships.csv")
async def partnerships_csv(edge: EdgeAsReader) -> Response:
    report = (await edge.call(get_reports_partnerships)).to_dict()
    rows: list[list[Any]] = [["section", "key", "value"]]
    for benchmark, coverage in report["benchmark_coverage"].items():
        rows.append(["benchmark_active_partners", benchmark, coverage["active_partners"]])
    for section in ("partners_by_kind", "active_agreements_by_kind", "devices_on_loan_by_kind", "referrals_by_outcome"):
        rows += [[section, key, value] for key, value in report[section].items()]
    for total in ("devices_on_loan_to_partners", "partners_holding_devices", "referrals_made", "directory_records_overdue"):
        rows.append(["total", total, report[total]])
    return _csv(rows, f"partnerships-{report['as_of']}.csv")
