"""Calendar files (RFC 5545, written with `icalendar`): a session, a series as one recurring event, and feeds.

A series is one VEVENT with its RRULE and EXDATE; an occurrence cancelled or moved on its own is an override with
its RECURRENCE-ID (cancelled ones say STATUS:CANCELLED rather than vanish). Times carry their zone (TZID, with the
VTIMEZONE), so readers show 6 pm as 6 pm on both sides of a daylight-saving change."""

from collections.abc import Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vRecur

from .programs import Program, Session
from .series import Series

PRODID = "-//Lantern//Library outreach programs//EN"
UID_DOMAIN = "lantern.library"


def calendar(name: str, events: Iterable[Event]) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def session_event(session: Session, program: Program, now: datetime, language: str | None = None, *,
                  uid: str | None = None, recurrence_id: datetime | None = None) -> Event:
    zone = ZoneInfo(session.timezone)
    event = Event()
    event.add("uid", uid or f"session-{session.id}@{UID_DOMAIN}")
    event.add("dtstamp", now)
    if recurrence_id is not None:
        event.add("recurrence-id", recurrence_id.replace(tzinfo=zone))
    event.add("dtstart", session.starts_at.astimezone(zone))
    event.add("dtend", session.ends_at.astimezone(zone))
    event.add("summary", program.title_in(language))
    _where(event, session)
    event.add("status", "CANCELLED" if session.status == "cancelled" else "CONFIRMED")
    event.add("last-modified", session.updated_at)
    return event


def series_events(series: Series, occurrences: list[Session], program: Program, now: datetime,
                  language: str | None = None) -> list[Event]:
    """The recurring event, and an override for each occurrence that no longer is as the rule says."""
    zone = ZoneInfo(series.timezone)
    uid = f"series-{series.id}@{UID_DOMAIN}"
    first = series.first_starts_at.replace(tzinfo=zone)
    master = Event()
    master.add("uid", uid)
    master.add("dtstamp", now)
    master.add("dtstart", first)
    master.add("dtend", (series.first_starts_at + timedelta(minutes=series.duration_minutes)).replace(tzinfo=zone))
    master.add("rrule", vRecur.from_ical(series.rrule))
    if series.exdates:
        master.add("exdate", [datetime.combine(day, series.first_starts_at.time()).replace(tzinfo=zone)
                              for day in series.exdates])
    master.add("summary", program.title_in(language))
    if occurrences:
        _where(master, occurrences[0])
    master.add("status", "CONFIRMED")
    master.add("last-modified", series.updated_at)
    events = [master]
    for session in occurrences:
        if session.occurrence is None:
            continue
        expected = session.occurrence.replace(tzinfo=zone)
        as_ruled = (session.starts_at == expected
                    and session.ends_at == expected + timedelta(minutes=series.duration_minutes)
                    and session.place == occurrences[0].place)
        if session.status == "cancelled" or not as_ruled:
            events.append(session_event(session, program, now, language, uid=uid, recurrence_id=session.occurrence))
    return events


def _where(event: Event, session: Session) -> None:
    place = session.place
    event.add("location", ", ".join(part for part in (place.name, place.address) if part))
    if place.url is not None:
        event.add("url", str(place.url))
