"""Devices' internal HTTP API (called by the edge only): one module per aggregate."""

from . import borrowers, devices, holds, loans, reservations

ROUTERS = [devices.router, loans.router, holds.router, reservations.router, borrowers.router]
