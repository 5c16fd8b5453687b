"""The partners service's internal HTTP API (called by the edge only): thin translation to handlers."""

from fastapi import APIRouter

from lantern_shared.http import internal_router

from . import agreements, directory, exchange, lists, partners, referrals, reports


def router(internal_token: str) -> APIRouter:
    api = internal_router(internal_token)
    for part in (partners, directory, exchange, agreements, referrals, lists, reports):
        api.include_router(part.router)
    return api
