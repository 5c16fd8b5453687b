"""The staff area: pages under /staff (routers carry the `staff` tag; the axe test signs in for it)."""

from ..pages import area_router

router = area_router("staff", role="staff")
