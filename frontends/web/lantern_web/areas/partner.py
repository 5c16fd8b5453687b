"""The partner area: pages under /partner (routers carry the `partner` tag; the axe test signs in for it)."""

from ..pages import area_router

router = area_router("partner", role="partner")
