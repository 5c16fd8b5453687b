"""Calendar files (text/calendar): a session, a series, public feeds, and a patron's personal feed."""

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel

from ..deps import Needs
from ..domain.programs import ProgramKind
from ..handlers import calendar as use

router = APIRouter(tags=["calendar"])

ICS = "text/calendar; charset=utf-8"
_ICS_ANSWER: dict[int | str, dict[str, Any]] = {200: {"content": {"text/calendar": {"schema": {"type": "string"}}},
                     "description": "An RFC 5545 calendar"}}


def _ics(body: bytes, name: str) -> Response:
    return Response(body, media_type=ICS, headers={"content-disposition": f'inline; filename="{name}.ics"'})


class PersonalFeed(BaseModel):
    token: str
    path: str


@router.get("/sessions/{session_id}/calendar.ics", response_class=Response, responses=_ICS_ANSWER,
            summary="A session as a calendar file")
async def session_ics(session_id: UUID, deps: Needs, language: str | None = Query(None, max_length=35)) -> Response:
    return _ics(await use.session_ics(deps, session_id, language), f"session-{session_id}")


@router.get("/series/{series_id}/calendar.ics", response_class=Response, responses=_ICS_ANSWER,
            summary="A series as one recurring calendar event")
async def series_ics(series_id: UUID, deps: Needs, language: str | None = Query(None, max_length=35)) -> Response:
    """One VEVENT with RRULE and EXDATE, plus an override for each occurrence moved or cancelled on its own."""
    return _ics(await use.series_ics(deps, series_id, language), f"series-{series_id}")


@router.get("/calendar/programs.ics", response_class=Response, responses=_ICS_ANSWER,
            summary="Subscribable feed of program sessions")
async def public_feed(
    deps: Needs, kind: ProgramKind | None = Query(None), branch: str | None = Query(None, max_length=120),
    language: str | None = Query(None, max_length=35, description="Taught in this language; titles in it"),
) -> Response:
    """Sessions from a month ago on, filtered by program kind, branch and language; cancelled ones as cancelled."""
    return _ics(await use.public_feed(deps, kind, branch, language), "programs")


@router.get("/calendar/personal/{feed_token}.ics", response_class=Response, responses=_ICS_ANSWER,
            summary="A patron's personal feed (the address is the secret)")
async def personal_feed(feed_token: str, deps: Needs) -> Response:
    return _ics(await use.personal_feed(deps, feed_token), "my-programs")


@router.post("/patrons/{patron_id}/calendar-feed", status_code=201, response_model=PersonalFeed,
             summary="Make (or remake) a patron's personal feed address")
async def new_feed(patron_id: UUID, deps: Needs) -> PersonalFeed:
    """A new unguessable address; any earlier one stops working."""
    token = await use.new_personal_feed(deps, patron_id)
    return PersonalFeed(token=token, path=f"/calendar/personal/{token}.ics")


@router.delete("/patrons/{patron_id}/calendar-feed", status_code=204, summary="Revoke a patron's personal feed")
async def revoke_feed(patron_id: UUID, deps: Needs) -> Response:
    await use.revoke_personal_feed(deps, patron_id)
    return Response(status_code=204)
