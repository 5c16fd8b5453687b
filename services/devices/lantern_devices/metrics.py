"""The outreach metrics of the devices service. Labels are bounded (kinds, states, outcomes), never ids."""

from datetime import datetime

import asyncpg
from prometheus_client import CollectorRegistry, Counter, Gauge

from .domain.borrowers import BorrowerKind
from .domain.devices import DeviceKind, DeviceState
from .domain.reservations import ReservationStatus
from .store import stats


class DevicesMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.devices = Gauge("lantern_devices_devices", "Devices in inventory by kind and state", ["kind", "state"],
                             registry=registry)
        self.loans_active = Gauge("lantern_devices_loans_active", "Loans out now by device kind and borrower kind",
                                  ["kind", "borrower_kind"], registry=registry)
        self.loans_overdue = Gauge("lantern_devices_loans_overdue", "Loans past their due date by device kind and borrower kind",
                                   ["kind", "borrower_kind"], registry=registry)
        self.holds_waiting = Gauge("lantern_devices_holds_waiting", "Holds waiting for a unit, by kind", ["kind"],
                                   registry=registry)
        self.reservations = Gauge("lantern_devices_reservations", "Session and training reservations by status",
                                  ["status"], registry=registry)
        self.applications = Gauge("lantern_devices_applications_open",
                                  "Long-loan programme applications waiting or offered a unit, by kind",
                                  ["kind", "status"], registry=registry)
        self.loans_started = Counter("lantern_devices_loans_started_total", "Loans started, by device kind and borrower kind",
                                     ["kind", "borrower_kind"], registry=registry)
        self.space_bookings = Counter("lantern_devices_space_bookings_total",
                                      "Space bookings by purpose and the status they reached", ["purpose", "status"],
                                      registry=registry)

    def count_booking(self, purpose: str, status: str) -> None:
        self.space_bookings.labels(purpose, status).inc()

    async def refresh(self, pool: asyncpg.Pool, now: datetime) -> None:
        """Gauges that mirror the database; every label combination is set, so a zero is a zero, not a gap."""
        async with pool.acquire() as conn:
            devices = {(r["kind"], r["state"]): r["n"] for r in await stats.device_counts(conn)}
            loans = {(r["kind"], r["borrower_kind"]): r for r in await stats.loan_counts(conn, now)}
            holds = {r["kind"]: r["n"] for r in await stats.hold_counts(conn)}
            reservations = {r["status"]: r["n"] for r in await stats.reservation_counts(conn)}
            applications = {(r["kind"], r["status"]): r["n"] for r in await stats.application_counts(conn)}
        for kind in DeviceKind:
            for state in DeviceState:
                self.devices.labels(kind, state).set(devices.get((kind, state), 0))
            for borrower in BorrowerKind:
                row = loans.get((kind, borrower))
                self.loans_active.labels(kind, borrower).set(row["active"] if row else 0)
                self.loans_overdue.labels(kind, borrower).set(row["overdue"] if row else 0)
            self.holds_waiting.labels(kind).set(holds.get(kind, 0))
            for status in ("waiting", "offered"):
                self.applications.labels(kind, status).set(applications.get((kind, status), 0))
        for status in ReservationStatus:
            self.reservations.labels(status).set(reservations.get(status, 0))
