"""The "add to calendar" file a confirmation email carries (RFC 5545, written with `icalendar`).

The UID is the one registration's own calendar files give the session (or the series), so importing both leaves one
entry. A whole-series registration carries the series as one recurring event (RRULE and EXDATE)."""

from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, vRecur

UID_DOMAIN = "lantern.library"
WITH_CALENDAR = frozenset({"registration_confirmed", "registration_promoted"})


def ics_for(message: str, data: dict[str, Any] | None, now: datetime) -> bytes | None:
    """The calendar file for this message, or None when it carries none."""
    if message not in WITH_CALENDAR or not data or not data.get("calendar"):
        return None
    about = data["calendar"]
    zone = ZoneInfo(about["timezone"])
    event = Event()
    event.add("dtstamp", now)
    event.add("summary", data["session_title"])
    event.add("location", data["place_name"])
    event.add("status", "CONFIRMED")
    series = about.get("series")
    if series:
        first = datetime.fromisoformat(str(series["first_starts_at"])).replace(tzinfo=zone)
        event.add("uid", f"series-{series['series_id']}@{UID_DOMAIN}")
        event.add("dtstart", first)
        event.add("dtend", first + timedelta(minutes=series["duration_minutes"]))
        event.add("rrule", vRecur.from_ical(series["rrule"]))
        if series.get("exdates"):
            event.add("exdate", [datetime.combine(date.fromisoformat(str(d)), first.time()).replace(tzinfo=zone)
                                 for d in series["exdates"]])
    else:
        event.add("uid", f"session-{about['session_id']}@{UID_DOMAIN}")
        event.add("dtstart", _instant(data["starts_at"]).astimezone(zone))
        event.add("dtend", _instant(data["ends_at"]).astimezone(zone))
    calendar = Calendar()
    calendar.add("prodid", "-//Lantern//Library outreach programs//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    written = calendar.to_ical()
    # The zone's VTIMEZONE (its transitions from 1970) is the same in every file: built and written once per zone
    # and year range, and put where `add_missing_timezones` would put it, before the event. It was 90% of the
    # file's cost, and the file a third of the notifications process's time, in a profile of the end-to-end bench.
    zones = b"".join(_vtimezone(tzid, _last_year(event)) for tzid in sorted(calendar.get_missing_tzids()))
    at = written.index(b"BEGIN:VEVENT\r\n")
    return written[:at] + zones + written[at:]


@lru_cache(maxsize=64)
def _vtimezone(tzid: str, last_year: int) -> bytes:
    return Timezone.from_tzid(tzid, last_date=date(last_year, 1, 1)).to_ical()


def _last_year(event: Event) -> int:
    """A year the zone's transitions must reach: icalendar's default (2038) or past this event and its repeats."""
    return max(2038, event.decoded("dtstart").year + 6)


def _instant(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
