"""The web app's areas, one module and one template folder each, so each can grow without touching another's files."""

from . import messages, reports  # noqa: F401  # the staff's reports and messages pages add themselves to staff.router
from . import common, kiosk, partner, patron, public, staff

AREA_ROUTERS = [common.router, public.router, patron.router, staff.router, partner.router, kiosk.router]
