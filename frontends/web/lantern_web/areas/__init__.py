"""The web app's areas, one module and one template folder each, so each can grow without touching another's files."""

from . import messages, reports  # noqa: F401  # the staff's reports and messages pages add themselves to staff.router
from . import common, kiosk, partner, patron, public, staff
from . import staff_desk, staff_edit, staff_partners, staff_sessions  # noqa: F401  # they add their pages to staff.router

AREA_ROUTERS = [common.router, public.router, patron.router, staff.router, partner.router, kiosk.router, kiosk.worker]
