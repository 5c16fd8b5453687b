"""The kiosk area: pages under /kiosk (routers carry the `kiosk` tag; the axe test signs in for it)."""

from ..pages import area_router

router = area_router("kiosk", role="kiosk")
