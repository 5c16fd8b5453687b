"""Devices' rules, free of I/O: one module per aggregate (devices, borrowers, lending, holds, reservations)."""
