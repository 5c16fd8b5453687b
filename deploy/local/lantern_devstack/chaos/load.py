"""The steady load the faults land on: enrolments, registrations, cancellations and racing loans through the edge.

Every answer is written down. A 2xx is a promise the invariants hold the system to; a refusal (4xx) is an answer
too; a timeout, a dropped connection or a 5xx is an unknown outcome. Each write carries an Idempotency-Key and an
unknown outcome is retried a few times with the same key, so a retry can never be counted as a second write.
"""

import asyncio
import random
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx

IN_PROGRESS = "urn:lantern:problem:idempotency-in-progress"
RETRY_DELAYS_S = (0.3, 0.8, 1.5)  # after the first try; then the outcome stays unknown
REQUEST_TIMEOUT_S = 8.0
SESSION_CAPACITIES = (2, 2, 4, 6, 300, 300)  # the small ones fill at once: waitlists, and promotions on cancelling
LANGUAGES = ("en", "es", "vi")


@dataclass
class Attempt:
    op: str
    outcome: str  # accepted | refused | unknown
    status: int | None  # the last answer's status; None when there was no answer at all
    tries: int
    body: dict | None = None


@dataclass
class Ledger:
    """What the load generator was promised: the ground truth the invariants are checked against."""

    run: str
    attempts: list[Attempt] = field(default_factory=list)
    patrons: dict[str, str] = field(default_factory=dict)  # accepted enrolments: patron id -> email
    registrations: dict[str, dict] = field(default_factory=dict)  # accepted: id -> {session_id, patron_id, status}
    cancelled: set[str] = field(default_factory=set)  # registrations whose cancellation was accepted
    loans: dict[str, dict] = field(default_factory=dict)  # accepted: id -> {device_id, borrower_id}
    returned: set[str] = field(default_factory=set)  # loans whose return was accepted
    sessions: dict[str, int] = field(default_factory=dict)  # session id -> capacity
    devices: list[str] = field(default_factory=list)
    borrowers: list[str] = field(default_factory=list)
    races: int = 0  # checkouts started at the same moment for the same unit

    def summary(self) -> dict[str, Counter]:
        table: dict[str, Counter] = {}
        for attempt in self.attempts:
            table.setdefault(attempt.op, Counter())[attempt.outcome] += 1
        return table


class EdgeWriter:
    """POSTs through the edge as staff, with an Idempotency-Key and bounded retries of unknown outcomes."""

    def __init__(self, client: httpx.AsyncClient, ledger: Ledger) -> None:
        self.client = client
        self.ledger = ledger

    async def post(self, op: str, path: str, body: dict) -> Attempt:
        key = uuid.uuid4().hex
        status: int | None = None
        for tries, delay in enumerate((*RETRY_DELAYS_S, None), start=1):
            try:
                answer = await self.client.post(path, json=body, headers={"Idempotency-Key": key})
            except httpx.HTTPError:
                status = None
            else:
                status = answer.status_code
                if status < 300:
                    return self._record(Attempt(op, "accepted", status, tries, answer.json()))
                if status < 500 and _problem_type(answer) != IN_PROGRESS:
                    return self._record(Attempt(op, "refused", status, tries, _json(answer)))
            if delay is not None:
                await asyncio.sleep(delay)
        return self._record(Attempt(op, "unknown", status, len(RETRY_DELAYS_S) + 1))

    def _record(self, attempt: Attempt) -> Attempt:
        self.ledger.attempts.append(attempt)
        return attempt


def _json(answer: httpx.Response) -> dict | None:
    try:
        found = answer.json()
    except ValueError:
        return None
    return found if isinstance(found, dict) else None


def _problem_type(answer: httpx.Response) -> str | None:
    return (_json(answer) or {}).get("type")


def expect(answer: httpx.Response, status: int = 201) -> dict:
    if answer.status_code != status:
        raise RuntimeError(f"set-up {answer.request.method} {answer.request.url.path}: {answer.status_code} "
                           f"{answer.text[:300]}")
    return answer.json()


class Load:
    """Registrations at `rate` per second (open loop) and `lenders` desks racing for a few laptops, until stopped."""

    def __init__(self, client: httpx.AsyncClient, ledger: Ledger, *, rate: float, lenders: int = 3,
                 max_in_flight: int = 24, seed: int | None = None) -> None:
        self.client = client
        self.ledger = ledger
        self.writer = EdgeWriter(client, ledger)
        self.rate = rate
        self.lenders = lenders
        self.random = random.Random(seed)
        self._in_flight = asyncio.Semaphore(max_in_flight)
        self._stop = asyncio.Event()
        self._tasks: list[asyncio.Task] = []
        self._tried_pairs: set[tuple[str, str]] = set()
        self._holding: set[str] = set()  # borrowers with an open loan (or one whose return is unknown)
        self._to_wipe: set[str] = set()  # returned units waiting for their wipe before they can be lent again
        self._enrolled = 0

    # ---- set-up (before the faults; failures here are errors of the harness, not findings) ------------------
    async def seed(self, *, patrons: int, borrowers: int, devices: int) -> None:
        program = expect(await self.client.post("/api/v1/programs", json={
            "kind": "digital_literacy_workshop", "fallback_language": "en", "languages": list(LANGUAGES),
            "titles": {"en": "Staying safe online", "es": "Seguridad en línea", "vi": "An toàn trên mạng"},
            "host": {"kind": "branch", "branch": "Central"},
        }))
        starts = datetime.now(UTC).replace(microsecond=0) + timedelta(days=10)
        for i, capacity in enumerate(SESSION_CAPACITIES):
            begin = starts + timedelta(hours=3 * i)
            session = expect(await self.client.post("/api/v1/sessions", json={
                "program_id": program["id"], "starts_at": begin.isoformat(),
                "ends_at": (begin + timedelta(hours=2)).isoformat(), "timezone": "America/Los_Angeles",
                "place": {"kind": "branch", "name": "Central Library, Room 3"}, "capacity": capacity,
                "devices_needed": {},
            }))
            self.ledger.sessions[session["id"]] = capacity
        for _ in range(patrons + borrowers):
            await self.enrol()
        ids = list(self.ledger.patrons)
        if len(ids) < patrons + borrowers:
            raise RuntimeError(f"set-up: only {len(ids)} of {patrons + borrowers} patrons were enrolled")
        self.ledger.borrowers = ids[:borrowers]
        for i in range(devices):
            device = expect(await self.client.post("/api/v1/devices", json={
                "kind": "laptop", "asset_tag": f"CH-{self.ledger.run}-{i}", "serial": f"SN-{uuid.uuid4().hex}",
                "home_branch": "Central",
            }))
            self.ledger.devices.append(device["id"])

    async def borrowers_known(self) -> bool:
        """Devices lends only to borrowers it learned of from patron.enrolled events."""
        for borrower in self.ledger.borrowers:
            if (await self.client.get(f"/api/v1/borrowers/{borrower}")).status_code != 200:
                return False
        return True

    # ---- the operations -------------------------------------------------------------------------------------
    async def enrol(self) -> None:
        self._enrolled += 1
        email = f"chaos.{self.ledger.run}.{self._enrolled}@example.org"
        attempt = await self.writer.post("enrol", "/api/v1/patrons", {
            "name": f"Chaos Patron {self._enrolled}", "email": email,
            "preferred_language": self.random.choice(LANGUAGES), "consent_to_contact": True,
        })
        if attempt.outcome == "accepted":
            self.ledger.patrons[attempt.body["id"]] = email

    async def register(self) -> None:
        candidates = [p for p in self.ledger.patrons if p not in self.ledger.borrowers]
        for _ in range(20):
            pair = (self.random.choice(list(self.ledger.sessions)), self.random.choice(candidates))
            if pair not in self._tried_pairs:
                break
        else:
            return await self.enrol()
        self._tried_pairs.add(pair)
        attempt = await self.writer.post("register", f"/api/v1/sessions/{pair[0]}/registrations", {"patron_id": pair[1]})
        if attempt.outcome == "accepted":
            self.ledger.registrations[attempt.body["id"]] = {
                "session_id": pair[0], "patron_id": pair[1], "status": attempt.body["status"]}

    async def cancel(self) -> None:
        open_ones = [r for r in self.ledger.registrations if r not in self.ledger.cancelled]
        if not open_ones:
            return
        registration = self.random.choice(open_ones)
        self.ledger.cancelled.add(registration)  # never asked twice; removed again unless accepted
        attempt = await self.writer.post("cancel", f"/api/v1/registrations/{registration}/cancellation", {"by": "staff"})
        if attempt.outcome != "accepted":
            self.ledger.cancelled.discard(registration)

    async def lend_desk(self) -> None:
        """One desk: wipe what came back, then race other desks for a unit (by id, or any laptop)."""
        while not self._stop.is_set():
            if self._to_wipe:
                device = self._to_wipe.pop()
                attempt = await self.writer.post("wipe", f"/api/v1/devices/{device}/wipe", {})
                if attempt.outcome == "unknown":
                    self._to_wipe.add(device)
            free = [b for b in self.ledger.borrowers if b not in self._holding]
            if not free:
                await asyncio.sleep(0.5)
                continue
            borrower = self.random.choice(free)
            self._holding.add(borrower)
            target = ({"kind": "laptop"} if self.random.random() < 0.25
                      else {"device_id": self.random.choice(self.ledger.devices)})
            attempt = await self.writer.post("checkout", "/api/v1/loans", {"borrower_id": borrower, **target})
            if attempt.outcome != "accepted":
                if attempt.outcome == "refused":
                    self._holding.discard(borrower)
                await self._pause(0.2, 0.6)
                continue
            loan = attempt.body
            self.ledger.loans[loan["id"]] = {"device_id": loan["device_id"], "borrower_id": borrower}
            await self._pause(0.3, 1.2)
            returned = await self.writer.post("return", f"/api/v1/loans/{loan['id']}/return", {"condition": "good"})
            if returned.outcome == "accepted":
                self.ledger.returned.add(loan["id"])
                self._holding.discard(borrower)
                self._to_wipe.add(loan["device_id"])
            await self._pause(0.2, 0.6)

    async def race(self) -> None:
        """Several desks ask for the same unit at the same moment: at most one may get it."""
        device = self.random.choice(self.ledger.devices)
        free = [b for b in self.ledger.borrowers if b not in self._holding]
        if len(free) < 3:
            return
        racers = self.random.sample(free, 3)
        self._holding.update(racers)
        self.ledger.races += 1
        attempts = await asyncio.gather(*(
            self.writer.post("checkout", "/api/v1/loans", {"borrower_id": b, "device_id": device}) for b in racers))
        for borrower, attempt in zip(racers, attempts, strict=True):
            if attempt.outcome == "accepted":
                loan = attempt.body
                self.ledger.loans[loan["id"]] = {"device_id": loan["device_id"], "borrower_id": borrower}
                returned = await self.writer.post("return", f"/api/v1/loans/{loan['id']}/return", {"condition": "good"})
                if returned.outcome == "accepted":
                    self.ledger.returned.add(loan["id"])
                    self._holding.discard(borrower)
                    self._to_wipe.add(loan["device_id"])
            elif attempt.outcome == "refused":
                self._holding.discard(borrower)

    async def _pause(self, low: float, high: float) -> None:
        try:
            await asyncio.wait_for(self._stop.wait(), self.random.uniform(low, high))
        except TimeoutError:
            pass

    # ---- running --------------------------------------------------------------------------------------------
    async def _registrations(self) -> None:
        """Open loop: operations start at the rate whatever the answers take (up to a bound in flight)."""
        started, n = time.monotonic(), 0
        while not self._stop.is_set():
            n += 1
            due = started + n / self.rate
            if (wait := due - time.monotonic()) > 0:
                await self._pause(wait, wait)
            if self._stop.is_set():
                break
            roll = self.random.random()
            op = (self.enrol if roll < 0.2 else self.cancel if roll < 0.3 else self.race if roll < 0.36
                  else self.register)
            await self._in_flight.acquire()
            task = asyncio.create_task(op())
            task.add_done_callback(lambda _t: self._in_flight.release())
            self._tasks.append(task)

    def start(self) -> None:
        self._stop.clear()
        self._runners = [asyncio.create_task(self._registrations()),
                         *(asyncio.create_task(self.lend_desk()) for _ in range(self.lenders))]

    async def stop(self, timeout: float = 60) -> None:
        """Stop starting operations and let the ones under way finish (each is bounded by its retries)."""
        self._stop.set()
        pending = [*self._runners, *self._tasks]
        done, still = await asyncio.wait(pending, timeout=timeout)
        for task in still:
            task.cancel()
        for task in done:
            if not task.cancelled() and (exc := task.exception()) is not None:
                raise RuntimeError(f"the load generator failed: {exc!r}") from exc
        if still:
            raise RuntimeError(f"{len(still)} load operations were still running {timeout:.0f}s after the load stopped")

    async def burst_enrol(self, count: int, concurrency: int = 16) -> None:
        """Many enrolments at once: the registration outbox fills faster than its relay drains it."""
        remaining = iter(range(count))

        async def worker() -> None:
            for _ in remaining:
                await self.enrol()

        await asyncio.gather(*(worker() for _ in range(concurrency)))
