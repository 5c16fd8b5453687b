"""Registration's internal HTTP API (called by the edge only, under /internal/v1)."""

from fastapi import APIRouter

from lantern_shared.http import internal_router

from . import participation, patrons, programs, registrations, reports, sessions


def router(internal_token: str) -> APIRouter:
    api = internal_router(internal_token)
    for module in (patrons, programs, sessions, registrations, participation, reports):
        api.include_router(module.router)
    return api
