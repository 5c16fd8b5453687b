"""Devices' internal HTTP API (called by the edge only): one module per aggregate."""

from . import applications, borrowers, devices, eligibility, holds, loans, offers, reservations

ROUTERS = [devices.router, loans.router, holds.router, reservations.router, borrowers.router, eligibility.router,
           applications.router, offers.router]
