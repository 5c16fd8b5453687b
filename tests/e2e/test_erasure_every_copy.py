"""Erasure reaches every copy Lantern controls, and a patron's export holds everything Lantern keeps about them.

One patron goes through every flow (enrolment with an Idempotency-Key, registration, check-in, feedback, a loan and
its return, a hold, a referral sharing their contact points, in-app messages, SMS consent), beside a control patron
who does the same and is not erased. After the erasure, none of the erased patron's name, email, phone or card number
is in a full dump of any service database, in any log file the stack writes, or in any record of any Kafka topic
(DLQs included, read the way a consumer reads them: sealed fields opened with the keys that still exist), while
the same scan finds the control patron everywhere it looked.
"""

import asyncio
import json
import re
import subprocess
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from lantern_devstack.stack import SERVICES_WITH_DATABASE
from lantern_shared.sealing import KeyStore, Shredded, open_sealed
from tests.support import eventually


def _mobile() -> str:
    n = uuid.uuid4().int
    return f"+1206{200 + n % 800:03d}{(n // 800) % 10**4:04d}"


class Person:
    def __init__(self, label: str) -> None:
        tag = uuid.uuid4().hex[:8]
        self.name = f"Quilla {label} Fernsby{tag}"
        self.email = f"quilla.{label.lower()}.{tag}@example.org"
        self.phone = _mobile()
        self.card = f"LC{uuid.uuid4().int % 10**10:010d}"
        self.id = ""

    def needles(self) -> dict[str, str]:
        # The phone as stored (E.164) and as its bare national digits: either form would give it away.
        return {"name": self.name, "email": self.email, "phone": self.phone, "phone digits": self.phone[2:],
                "card number": self.card}


async def _ok(answer: httpx.Response, *statuses: int) -> dict:
    assert answer.status_code in (statuses or (200, 201)), answer.text
    return answer.json() if answer.content else {}


async def _touch_every_flow(edge, staff_headers, caller, person: Person, session: dict, partner: dict) -> None:
    """Everything a patron can do, through the edge, as staff and as the patron."""
    enrolled = await _ok(await edge.post("/api/v1/patrons", headers={**staff_headers, "Idempotency-Key": str(uuid.uuid4())},
                                         json={"name": person.name, "email": person.email, "phone": person.phone,
                                               "library_card_number": person.card, "preferred_language": "en",
                                               "consent_to_contact": True, "consent_to_referral": True,
                                               "sms_opt_in": True}))
    person.id = enrolled["id"]
    # A second enrolment with the same card is refused: the database's error must not carry the card to its log.
    await _ok(await edge.post("/api/v1/patrons", headers=staff_headers, json={
        "name": "Someone Else", "email": f"else-{uuid.uuid4().hex[:6]}@example.org",
        "library_card_number": person.card}), 409)
    own = caller.headers("patron", patron_id=person.id)
    await _ok(await edge.post(f"/api/v1/sessions/{session['id']}/registrations", json={}, headers=own))
    await _ok(await edge.post(f"/api/v1/sessions/{session['id']}/check-ins", json={"patron_id": person.id},
                              headers=staff_headers))
    await _ok(await edge.post(f"/api/v1/sessions/{session['id']}/feedback", headers=own, json={
        "patron_id": person.id, "knowledge": 5, "confidence": 4, "application": 4, "awareness": 5,
        "liked_most": f"Learning with {person.name}"}))

    async def borrowable():
        answer = await edge.get(f"/api/v1/borrowers/{person.id}", headers=staff_headers)
        return answer.status_code == 200

    await eventually(borrowable, timeout=60, what="devices to know the patron as a borrower")
    tablet = await _ok(await edge.post("/api/v1/devices", headers=staff_headers, json={
        "kind": "tablet", "asset_tag": f"TB-{uuid.uuid4().hex[:8]}", "serial": f"SN-{uuid.uuid4().hex[:8]}",
        "home_branch": "Central"}))
    loan = await _ok(await edge.post("/api/v1/loans", headers=staff_headers,
                                     json={"borrower_id": person.id, "device_id": tablet["id"]}))
    await _ok(await edge.post(f"/api/v1/loans/{loan['id']}/return", headers=staff_headers, json={"condition": "good"}))
    await _ok(await edge.post("/api/v1/holds", headers=own, json={"borrower_id": person.id, "device_kind": "hotspot"}))

    async def referred():
        answer = await edge.post("/api/v1/referrals", headers=staff_headers, json={
            "patron_id": person.id, "service_id": partner["services"][0]["id"], "share_email": True,
            "share_phone": True})
        return answer.json() if answer.status_code == 201 else None

    await eventually(referred, timeout=60, what="partners to learn of the patron's consent")

    async def messages():
        answer = await edge.get("/api/v1/me/inbox", headers=own)
        return answer.status_code == 200 and answer.json()["items"]

    await eventually(messages, timeout=60, what="an in-app message for the patron")

    async def consent():
        answer = await edge.put(f"/api/v1/recipients/{person.id}/sms-consent", headers=own, json={"opted_in": True})
        return answer.status_code == 200

    await eventually(consent, timeout=60, what="the patron's SMS consent at their number")


# ---- the scan ---------------------------------------------------------------------------------------------------

def _dump(stack, service: str) -> str:
    pg_dump = stack.postgres.bin_dir / "pg_dump"
    done = subprocess.run([str(pg_dump), "--data-only", "--no-owner", stack.dsn(service)], capture_output=True,
                          timeout=120, check=True)
    return done.stdout.decode()


_BYTEA = re.compile(r"\\\\x([0-9a-f]+)")


def _readable_line(line: str) -> str:
    """A dump line with its bytea values (shown as hex) decoded as well, so bytes hide nothing."""
    decoded = [bytes.fromhex(h).decode(errors="replace") for h in _BYTEA.findall(line) if len(h) % 2 == 0]
    return " ".join([line, *decoded])


def _tables_holding(dump: str, needle: str) -> set[str]:
    """The tables whose COPY section in a pg_dump holds the needle."""
    found, table = set(), None
    for line in map(_readable_line, dump.splitlines()):
        if line.startswith("COPY "):
            table = line.split()[1].removeprefix("public.")
        elif line == "\\.":
            table = None
        elif table and needle in line:
            found.add(table)
    return found


def _log_files(stack) -> list[Path]:
    state = stack.config.state_dir
    files = [*(state / "logs").glob("*.log"), *(state / "postgres" / "logs").glob("*"), *(state / "kafka" / "logs").glob("*")]
    return [f for f in files if f.is_file()]


def _stored_names(stack) -> str:
    """The names of the files the mail sink and the Twilio stand-in keep (the messages are the recipients')."""
    folders = [stack.config.mail_dir, stack.config.sms_dir]
    return "\n".join(p.name for folder in folders if folder.exists() for p in folder.iterdir())


async def _kafka_text(stack) -> str:
    """Every record of every topic, as a consumer with the key store would read it."""
    admin = AIOKafkaAdminClient(bootstrap_servers=stack.kafka.bootstrap)
    await admin.start()
    try:
        topics = [t for t in await admin.list_topics() if not t.startswith("__")]
        partitions = [TopicPartition(d["topic"], p["partition"])
                      for d in await admin.describe_topics(topics) for p in d["partitions"]]
    finally:
        await admin.close()
    consumer = AIOKafkaConsumer(bootstrap_servers=stack.kafka.bootstrap, enable_auto_commit=False, group_id=None)
    await consumer.start()
    keys = KeyStore(stack.keys_dsn)
    texts = []
    try:
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        remaining = {tp for tp, end in ends.items() if end > 0}
        while remaining:
            batch = await consumer.getmany(*remaining, timeout_ms=1000)
            for tp, records in batch.items():
                for record in records:
                    texts.append(await _readable(keys, record))
                    if record.offset + 1 >= ends[tp]:
                        remaining.discard(tp)
            remaining = {tp for tp in remaining if await consumer.position(tp) < ends[tp]}
    finally:
        await consumer.stop()
        await keys.close()
    return "\n".join(texts)


async def _readable(keys: KeyStore, record) -> str:
    raw = (record.value or b"").decode(errors="replace")
    headers = " ".join(f"{k}={(v or b'').decode(errors='replace')}" for k, v in record.headers or ())
    key = (record.key or b"").decode(errors="replace")
    try:
        opened = await open_sealed(keys, json.loads(raw))
        readable = json.dumps(opened, ensure_ascii=False)
    except (Shredded, ValueError):
        readable = ""
    return f"{key} {headers} {raw} {readable}"


async def _where(stack, person: Person) -> dict[str, list[str]]:
    """Where each of the person's details was found: 'db:<service>.<table>', 'log:<file>', 'files', 'kafka'."""
    dumps = {s: await asyncio.to_thread(_dump, stack, s) for s in SERVICES_WITH_DATABASE}
    logs = {f.name: f.read_text(errors="replace") for f in _log_files(stack)}
    names, kafka = _stored_names(stack), await _kafka_text(stack)
    found: dict[str, list[str]] = {}
    for what, needle in person.needles().items():
        places = [f"db:{s}.{t}" for s, dump in dumps.items() for t in sorted(_tables_holding(dump, needle))]
        places += [f"log:{name}" for name, text in logs.items() if needle in text]
        places += ["files"] * (needle in names) + ["kafka"] * (needle in kafka)
        if places:
            found[what] = places
    return found


def _export_text(export: dict) -> dict[str, str]:
    return {f"db:{part['service']}.{table}": json.dumps(rows, ensure_ascii=False)
            for part in export["services"] for table, rows in part["tables"].items()}


async def test_erasure_leaves_no_copy_anywhere_and_the_export_held_everything(services, edge, caller, unique):
    staff_headers = caller.headers("staff")
    program = await _ok(await edge.post("/api/v1/programs", headers=staff_headers, json={
        "kind": "digital_literacy_workshop", "fallback_language": "en", "languages": ["en"],
        "titles": {"en": f"Privacy basics {unique}"}, "host": {"kind": "branch", "branch": "Central"}}))
    starts = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=30)
    session = await _ok(await edge.post("/api/v1/sessions", headers=staff_headers, json={
        "program_id": program["id"], "starts_at": starts.isoformat(), "ends_at": (starts + timedelta(hours=1)).isoformat(),
        "timezone": "America/Los_Angeles", "place": {"kind": "branch", "name": "Central Library, Room 3"},
        "capacity": 10}))
    partner = await _ok(await edge.post("/api/v1/partners", headers=staff_headers, json={
        "name": f"Benefits Help {unique}", "kind": "social_services",
        "contacts": [{"name": "Kim Lee", "email": f"kim-{unique}@partner.example.org", "language": "en"}],
        "services": [{"name": "SNAP enrollment", "needs": ["benefits_enrollment"], "languages": ["en"]}]}))
    await _ok(await edge.post(f"/api/v1/partners/{partner['id']}/status", headers=staff_headers,
                              json={"status": "active"}))

    erased, control = Person("Erased"), Person("Control")
    for person in (erased, control):
        await _touch_every_flow(edge, staff_headers, caller, person, session, partner)

    # Right of access, before the erasure: the export holds every detail wherever the scan finds it in a database.
    before = await _where(services, erased)
    print("before the erasure:", before)
    export = await _ok(await edge.get(f"/api/v1/patrons/{erased.id}/export",
                                      headers=caller.headers("patron", patron_id=erased.id)))
    exported = _export_text(export)
    for what, places in before.items():
        needle = erased.needles()[what]
        for place in (p for p in places if p.startswith("db:")):
            assert needle in exported.get(place, ""), f"the export lacks the {what} kept in {place}"
    assert {"db:registration.attendance", "db:registration.feedback", "db:devices.loans", "db:devices.holds",
            "db:partners.referrals", "db:notifications.inbox_messages", "db:notifications.sms_consent"} <= set(exported)
    assert all(exported[t] != "[]" for t in ("db:registration.attendance", "db:devices.loans", "db:devices.holds",
                                             "db:partners.referrals", "db:notifications.inbox_messages"))
    someone_else = await edge.get(f"/api/v1/patrons/{erased.id}/export",
                                  headers=caller.headers("patron", patron_id=control.id))
    assert someone_else.status_code == 403

    erasure = await edge.delete(f"/api/v1/patrons/{erased.id}", headers=staff_headers)
    assert erasure.status_code in (200, 204), erasure.text

    # The stated bound: the key goes with the erasure; each service applies patron.erased within seconds.
    async def forgotten():
        left = await _where(services, erased)
        print("still found:", left)
        return left == {}

    await eventually(forgotten, timeout=90, what="no copy of the erased patron anywhere")
    seen = await _where(services, control)
    print("the control:", seen)
    for what in ("name", "email", "phone", "card number"):
        assert any(p.startswith("db:") for p in seen.get(what, [])), f"the scan did not find the control's {what}"
    assert {"name", "email", "phone"} <= {w for w, places in seen.items() if "kafka" in places}, seen
