"""Devices' internal HTTP API (called by the edge only): one module per aggregate."""

from . import applications, bookings, borrowers, devices, eligibility, holds, loans, offers, reservations, spaces

ROUTERS = [devices.router, loans.router, holds.router, reservations.router, borrowers.router, eligibility.router,
           applications.router, offers.router, spaces.router, bookings.router]
