"""The invariants, checked once the load has stopped and the system has gone quiet.

Each check reads the services' own databases and topics (never their APIs, which could hide a fault) and returns
a `Check`: its name, whether it held, the numbers it looked at, and the first few counter-examples.
"""

import asyncio
import email
import email.policy
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import asyncpg
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient

from lantern_shared.contracts import dlq_topic
from lantern_shared.kafka import read_to_end
from lantern_shared.lag import measure_lag

from ..stack import SERVICES, Stack
from .faults import Poison
from .load import Ledger

EXAMPLES = 5

# Events whose every copy in a publisher's outbox must be in a consumer's inbox: (publisher, types, consumer).
DELIVERED = (
    ("registration", ("lantern.patron.enrolled",), "notifications"),
    ("registration", ("lantern.patron.enrolled",), "devices"),
    ("registration", ("lantern.registration.confirmed", "lantern.registration.waitlisted",
                      "lantern.registration.promoted", "lantern.registration.cancelled"), "notifications"),
    ("devices", ("lantern.loan.started", "lantern.loan.returned"), "notifications"),
    ("devices", ("lantern.loan.started", "lantern.loan.returned"), "partners"),
)


@dataclass
class Check:
    name: str
    ok: bool
    numbers: str
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        shown = "; ".join(self.problems[:EXAMPLES]) + (f" (+{len(self.problems) - EXAMPLES} more)"
                                                      if len(self.problems) > EXAMPLES else "")
        return f"[{'PASS' if self.ok else 'FAIL'}] {self.name}: {self.numbers}" + (f"\n       {shown}" if shown else "")


def check(name: str, problems: list[str], numbers: str) -> Check:
    return Check(name, not problems, numbers, problems)


# ---- quiescence --------------------------------------------------------------------------------------------------
async def wait_quiet(stack: Stack, log: Callable[[str], None], timeout: float = 180) -> dict[str, int]:
    """Every outbox sent and every consumer group caught up, or the first of them still busy after `timeout`."""
    deadline = time.monotonic() + timeout
    while (unsent := await outbox_backlogs(stack)) and any(unsent.values()):
        if time.monotonic() > deadline:
            raise TimeoutError(f"outboxes still hold unsent events {timeout:.0f}s after the load stopped: {unsent}")
        await asyncio.sleep(0.5)
    log(f"every outbox is sent ({', '.join(unsent)})")
    while lag := {g: n for g, n in (await consumer_lag(stack)).items() if n}:
        if time.monotonic() > deadline:
            raise TimeoutError(f"consumer groups still lag {timeout:.0f}s after the load stopped: {lag}")
        await asyncio.sleep(0.5)
    log("every consumer group has caught up")
    return unsent


async def outbox_backlogs(stack: Stack) -> dict[str, int]:
    backlogs = {}
    for service in SERVICES:
        conn = await asyncpg.connect(stack.dsn(service))
        try:
            backlogs[service] = await conn.fetchval("SELECT count(*) FROM outbox WHERE sent_at IS NULL")
        finally:
            await conn.close()
    return backlogs


async def consumer_lag(stack: Stack) -> dict[str, int]:
    """Every consumer group on the broker: end offsets minus committed offsets, summed over its partitions."""
    admin = AIOKafkaAdminClient(bootstrap_servers=stack.kafka.bootstrap, request_timeout_ms=10000)
    reader = AIOKafkaConsumer(bootstrap_servers=stack.kafka.bootstrap, group_id=None, enable_auto_commit=False)
    await admin.start()
    await reader.start()
    try:
        lag = {}
        for group, _protocol in await admin.list_consumer_groups():
            topics = sorted({tp.topic for tp in await admin.list_consumer_group_offsets(group)})
            lag[group] = sum((await measure_lag(admin, reader, group, topics)).values()) if topics else 0
        return lag
    finally:
        await reader.stop()
        await admin.close()


# ---- the invariants ------------------------------------------------------------------------------------------
async def run_all(stack: Stack, ledger: Ledger, poison: list[Poison], *, job_loans: int = 0) -> list[Check]:
    dbs = {s: await asyncpg.connect(stack.dsn(s)) for s in SERVICES}
    try:
        return [
            await enrolments_kept(dbs["registration"], ledger),
            await registrations_kept(dbs["registration"], ledger),
            await one_notice_per_registration(dbs["registration"], dbs["notifications"], ledger),
            await seats_within_capacity(dbs["registration"], ledger),
            await loans_kept(dbs["devices"], ledger),
            await no_device_lent_twice(dbs["devices"], ledger),
            await lag_is_zero(stack),
            await poison_dead_lettered(stack, poison),
            await outboxes_sent(dbs),
            await events_reached_consumers(dbs),
            await republished_events(stack, dbs),
            duplicate_emails(stack),
            # only where a fault raced the job (the cluster run): elsewhere it would count nothing and hold by default
            *([await job_effects_once(dbs["devices"], job_loans)] if job_loans else []),
        ]
    finally:
        for conn in dbs.values():
            await conn.close()


async def enrolments_kept(db: asyncpg.Connection, ledger: Ledger) -> Check:
    rows = await db.fetch("SELECT id::text, email FROM patrons WHERE email LIKE $1", f"chaos.{ledger.run}.%")
    found = {r["id"] for r in rows}
    problems = [f"accepted patron {p} is missing" for p in ledger.patrons if p not in found]
    per_email = Counter(r["email"] for r in rows)
    problems += [f"{n} patrons were created for one enrolment (#{e.split('.')[2].split('@')[0]})"
                 for e, n in per_email.items() if n > 1]
    return check("every accepted enrolment is kept, none made twice", problems,
                 f"{len(ledger.patrons)} accepted, {len(rows)} in the database, "
                 f"{sum(n - 1 for n in per_email.values())} doubled")


async def registrations_kept(db: asyncpg.Connection, ledger: Ledger) -> Check:
    rows = {r["id"]: r for r in await db.fetch(
        "SELECT id::text, session_id::text, patron_id::text, status FROM registrations WHERE session_id = ANY($1::uuid[])",
        list(ledger.sessions))}
    problems = []
    for rid, promised in ledger.registrations.items():
        row = rows.get(rid)
        if row is None:
            problems.append(f"accepted registration {rid} is missing")
        elif (row["session_id"], row["patron_id"]) != (promised["session_id"], promised["patron_id"]):
            problems.append(f"registration {rid} changed session or patron")
        elif rid in ledger.cancelled and row["status"] != "cancelled":
            problems.append(f"registration {rid}: cancellation accepted, but it is {row['status']}")
    return check("every accepted registration and cancellation is kept", problems,
                 f"{len(ledger.registrations)} registrations and {len(ledger.cancelled)} cancellations accepted; "
                 f"{len(rows)} registrations in the database ({len(rows) - len(ledger.registrations)} more from "
                 "unknown outcomes)")


async def one_notice_per_registration(registration: asyncpg.Connection, notifications: asyncpg.Connection,
                                      ledger: Ledger) -> Check:
    """Counted as delivery rows (sent, or held for quiet hours, or cancelled with the registration): the same
    whatever the time of day. Every registration in the database counts, unknown outcomes included."""
    ids = [r["id"] for r in await registration.fetch(
        "SELECT id::text FROM registrations WHERE session_id = ANY($1::uuid[])", list(ledger.sessions))]
    rows = await notifications.fetch(
        """SELECT group_key, channel, count(*) AS n, array_agg(DISTINCT status) AS statuses FROM deliveries
           WHERE group_key = ANY($1::text[]) AND message IN ('registration_confirmed', 'registration_waitlisted')
           GROUP BY group_key, channel""", [f"registration:{i}" for i in ids])
    email_rows = {r["group_key"].split(":", 1)[1]: r["n"] for r in rows if r["channel"] == "email"}
    problems = [f"registration {i} has no confirmation or waitlist email planned" for i in ids if i not in email_rows]
    problems += [f"registration {r['group_key'].split(':', 1)[1]} has {r['n']} {r['channel']} notices" for r in rows
                 if r["n"] > 1]
    statuses = Counter(s for r in rows if r["channel"] == "email" for s in r["statuses"])
    return check("every registration has exactly one confirmation or waitlist notice", problems,
                 f"{len(ids)} registrations, {sum(email_rows.values())} email notices "
                 f"({', '.join(f'{n} {s}' for s, n in sorted(statuses.items()))})")


async def seats_within_capacity(db: asyncpg.Connection, ledger: Ledger) -> Check:
    rows = await db.fetch(
        """SELECT s.id::text, s.capacity,
                  count(*) FILTER (WHERE r.status = 'confirmed') AS confirmed,
                  count(*) FILTER (WHERE r.status = 'waitlisted') AS waitlisted,
                  (SELECT count(*) FROM (SELECT patron_id FROM registrations x WHERE x.session_id = s.id
                     AND x.status <> 'cancelled' GROUP BY patron_id HAVING count(*) > 1) d) AS doubled
           FROM sessions s LEFT JOIN registrations r ON r.session_id = s.id
           WHERE s.id = ANY($1::uuid[]) GROUP BY s.id, s.capacity""", list(ledger.sessions))
    problems = []
    for r in rows:
        if r["confirmed"] > r["capacity"]:
            problems.append(f"session {r['id']}: {r['confirmed']} confirmed for {r['capacity']} seats")
        if r["waitlisted"] and r["confirmed"] < r["capacity"]:
            problems.append(f"session {r['id']}: {r['capacity'] - r['confirmed']} seats free, {r['waitlisted']} waiting")
        if r["doubled"]:
            problems.append(f"session {r['id']}: {r['doubled']} patrons hold two active registrations")
    full = sum(1 for r in rows if r["confirmed"] == r["capacity"])
    return check("no session over capacity, no patron twice in one, no free seat while someone waits", problems,
                 f"{len(rows)} sessions ({full} full), {sum(r['confirmed'] for r in rows)} confirmed, "
                 f"{sum(r['waitlisted'] for r in rows)} waitlisted")


async def loans_kept(db: asyncpg.Connection, ledger: Ledger) -> Check:
    rows = {r["id"]: r for r in await db.fetch(
        "SELECT id::text, device_id::text, returned_at FROM loans WHERE device_id = ANY($1::uuid[])", ledger.devices)}
    problems = []
    for lid, promised in ledger.loans.items():
        row = rows.get(lid)
        if row is None:
            problems.append(f"accepted loan {lid} is missing")
        elif row["device_id"] != promised["device_id"]:
            problems.append(f"loan {lid} is for another device")
        elif lid in ledger.returned and row["returned_at"] is None:
            problems.append(f"loan {lid}: return accepted, but the loan is open")
    return check("every accepted loan and return is kept", problems,
                 f"{len(ledger.loans)} loans and {len(ledger.returned)} returns accepted, {ledger.races} three-way "
                 f"races; {len(rows)} loans in the database")


async def no_device_lent_twice(db: asyncpg.Connection, ledger: Ledger) -> Check:
    overlaps = await db.fetch(
        """SELECT a.device_id::text, a.id::text AS first, b.id::text AS second FROM loans a JOIN loans b
           ON a.device_id = b.device_id AND a.id < b.id
           AND a.started_at < coalesce(b.returned_at, 'infinity') AND b.started_at < coalesce(a.returned_at, 'infinity')
           WHERE a.device_id = ANY($1::uuid[])""", ledger.devices)
    mismatched = await db.fetch(
        """SELECT d.id::text, d.state, count(l.id) AS open FROM devices d
           LEFT JOIN loans l ON l.device_id = d.id AND l.returned_at IS NULL
           WHERE d.id = ANY($1::uuid[]) GROUP BY d.id, d.state
           HAVING (d.state = 'on_loan') <> (count(l.id) = 1) OR count(l.id) > 1""", ledger.devices)
    problems = [f"device {r['device_id']} on loans {r['first']} and {r['second']} at once" for r in overlaps]
    problems += [f"device {r['id']} is {r['state']} with {r['open']} open loans" for r in mismatched]
    return check("no device on two loans at once", problems,
                 f"{len(ledger.devices)} laptops, {len(overlaps)} overlapping loans, {len(mismatched)} devices whose "
                 "state disagrees with their loans")


async def lag_is_zero(stack: Stack) -> Check:
    lag = await consumer_lag(stack)
    return check("consumer lag is zero in every group", [f"{g} lags {n}" for g, n in lag.items() if n],
                 f"{len(lag)} groups, total lag {sum(lag.values())}")


async def poison_dead_lettered(stack: Stack, poison: list[Poison]) -> Check:
    found: dict[str, dict[str, str]] = {}
    for service in sorted({p.service for p in poison}):
        for record in await read_all(stack, dlq_topic(service)):
            headers = {k: v.decode(errors="replace") for k, v in record.headers or ()}
            if record.key:
                found[record.key.decode(errors="replace")] = headers | {"topic": record.topic}
    problems = []
    for p in poison:
        got = found.get(p.key)
        if got is None:
            problems.append(f"{p.kind} event {p.key} on {p.topic} is in no DLQ")
        elif got["topic"] != dlq_topic(p.service):
            problems.append(f"{p.key} went to {got['topic']}, not {dlq_topic(p.service)}")
        elif not got.get("dlq-reason") or got.get("dlq-original-topic") != p.topic:
            problems.append(f"{p.key} has no reason or origin in the DLQ ({got})")
    reasons = Counter(found[p.key]["dlq-reason"].split(":")[0][:40] for p in poison if p.key in found)
    return check("every poison event is in its service's DLQ with a reason", problems,
                 f"{len(poison)} injected, {sum(1 for p in poison if p.key in found)} found; reasons: "
                 + ", ".join(f"{n}× {r!r}" for r, n in reasons.most_common(4)))


async def outboxes_sent(dbs: dict[str, asyncpg.Connection]) -> Check:
    unsent = {s: await db.fetchval("SELECT count(*) FROM outbox WHERE sent_at IS NULL") for s, db in dbs.items()}
    total = {s: await db.fetchval("SELECT count(*) FROM outbox") for s, db in dbs.items()}
    return check("no outbox holds an unsent event", [f"{s}: {n} unsent" for s, n in unsent.items() if n],
                 ", ".join(f"{s} {total[s]} sent" for s in dbs))


async def events_reached_consumers(dbs: dict[str, asyncpg.Connection]) -> Check:
    problems, counted = [], []
    for publisher, types, consumer in DELIVERED:
        published = {r["event_id"] for r in await dbs[publisher].fetch(
            "SELECT event_id FROM outbox WHERE event_type = ANY($1::text[])", list(types))}
        received = {r["event_id"] for r in await dbs[consumer].fetch(
            "SELECT event_id FROM inbox WHERE source = $1 AND event_id = ANY($2::text[])",
            f"/lantern/{publisher}", list(published))}
        missing = published - received
        problems += [f"{consumer} never applied {publisher}'s event {e}" for e in sorted(missing)]
        counted.append(f"{publisher}→{consumer} {len(received)}/{len(published)}")
    return check("every event published for an accepted write reached its consumers", problems, ", ".join(counted))


async def job_effects_once(devices: asyncpg.Connection, expected: int = 0) -> Check:
    """The loan-notices job runs on every devices instance; however they overlap, a loan is told due soon once and
    overdue once (each notice an event in devices' outbox, keyed by the loan). At least `expected` loans were made
    due soon and then overdue by a fault: fewer notices would mean the job never ran, and the check proved nothing."""
    rows = await devices.fetch("""SELECT key, event_type, count(*) AS n FROM outbox
                                  WHERE event_type IN ('lantern.loan.due_soon', 'lantern.loan.overdue')
                                  GROUP BY key, event_type""")
    doubled = [f"loan {r['key']}: {r['n']} × {r['event_type']}" for r in rows if r["n"] > 1]
    counts = Counter(r["event_type"].rsplit(".", 1)[1] for r in rows)
    doubled += [f"only {counts[kind]} loans told {kind}, {expected} expected"
                for kind in ("due_soon", "overdue") if counts[kind] < expected]
    return check("no job side effect doubled (one due-soon and one overdue notice per loan)", doubled,
                 f"{counts['due_soon']} loans told due soon, {counts['overdue']} told overdue")


async def republished_events(stack: Stack, dbs: dict[str, asyncpg.Connection]) -> Check:
    """Information: events on Kafka more than once (a relay killed after publishing, before marking its batch
    sent, publishes it again). The inboxes absorb them; the notice and inbox checks above show that they did."""
    topics = sorted({r["topic"] for db in dbs.values() for r in await db.fetch("SELECT DISTINCT topic FROM outbox")})
    ids = Counter()
    for topic in topics:
        for record in await read_all(stack, topic):
            ids[json.loads(record.value)["id"]] += 1
    twice = sum(1 for n in ids.values() if n > 1)
    return Check("(info) events published more than once", True,
                 f"{sum(ids.values())} records on {len(topics)} topics, {twice} events published again")


def duplicate_emails(stack: Stack) -> Check:
    """Information, not an invariant: SMTP has no exactly-once, so a crash between the send and its record
    could send one email twice. Counted by Message-ID (the delivery id)."""
    ids = Counter()
    for path in stack.config.mail_dir.glob("*.eml") if stack.config.mail_dir.exists() else ():
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        ids[str(message["Message-ID"])] += 1
    twice = sum(1 for n in ids.values() if n > 1)
    return Check("(info) emails sent twice for one delivery", True, f"{len(ids)} emails in the sink, {twice} sent twice")


async def read_all(stack: Stack, topic: str):
    """Every record on a topic up to its end offsets now."""
    return [record async for record in read_to_end(stack.kafka.bootstrap, topic)]
