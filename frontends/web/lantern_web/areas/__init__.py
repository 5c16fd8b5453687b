"""The web app's areas, one module and one template folder each, so each can grow without touching another's files."""

from . import common, kiosk, messages, partner, patron, public, reports, staff

AREA_ROUTERS = [common.router, public.router, patron.router, staff.router, partner.router, kiosk.router,
                reports.router, messages.router]
