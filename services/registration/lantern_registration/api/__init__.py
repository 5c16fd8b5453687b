"""Registration's internal HTTP API (called by the edge only, mounted under /internal/v1 by the app)."""

from . import appointments, calendar, participation, patrons, programs, registrations, reports, series, sessions

ROUTERS = [patrons.router, programs.router, sessions.router, registrations.router, participation.router, reports.router,
           series.router, appointments.router,
           calendar.router]
