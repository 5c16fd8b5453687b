"""Guests without a library card sign in with a one-time code emailed to them (through notifications, into the sink);
a guest registers for a session, later links a card and stays one patron; an erased patron's sessions end."""

import email
import email.policy
import re
import uuid
from datetime import UTC, datetime, timedelta

import asyncpg
import httpx

from lantern_devstack.ils_standin import DEMO_CARDS
from lantern_shared.http import INTERNAL_TOKEN_HEADER
from tests.e2e.test_signin_patrons import card_link, forget_card
from tests.support import eventually

CODE, SIGN_IN = "/api/v1/auth/guest/code", "/api/v1/auth/guest/sign-in"
ZHANG = DEMO_CARDS["21000000000003"]


def guest_address() -> str:
    return f"guest.{uuid.uuid4().hex[:10]}@example.org"


def codes_mailed_to(stack, address: str) -> list[tuple[str, str]]:
    """(code, plain text) of every sign-in code email the sink received for an address, oldest first."""
    found = []
    for path in sorted(stack.config.mail_dir.glob("*.eml"), key=lambda p: p.stat().st_mtime) \
            if stack.config.mail_dir.exists() else ():
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if address.lower() in str(message["To"]).lower():
            text = message.get_body(preferencelist=("plain",)).get_content()
            found.append((re.search(r"\b(\d{6})\b", str(message["Subject"])).group(1), text))
    return found


async def code_for(edge, stack, address: str, language: str = "en") -> tuple[str, str]:
    asked = await edge.post(CODE, json={"email": address, "language": language})
    assert asked.status_code == 202 and asked.json() == {"expires_in": 600}, asked.text
    return (await eventually(lambda: codes_mailed_to(stack, address), timeout=30, what="the code's email"))[-1]


async def move_edge_clock(stack, to: datetime) -> None:
    async with httpx.AsyncClient(base_url=stack.config.url("edge"), timeout=10,
                                 headers={INTERNAL_TOKEN_HEADER: stack.secrets["internal_token"]}) as edge:
        moved = await edge.put("/internal/v1/test/clock", json={"now": to.isoformat()})
        assert moved.status_code == 200, moved.text


def bearer(tokens: dict) -> dict:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


async def test_a_guests_emailed_code_signs_them_in_once_and_enrols_a_guest_patron(edge, services):
    address = guest_address()
    code, text = await code_for(edge, services, address, language="es")
    assert "10 minutos" in text  # written in the language asked for

    first = await edge.post(SIGN_IN, json={"email": address, "code": code, "name": "Rosa Díaz",
                                           "preferred_language": "es"})
    assert first.status_code == 200, first.text
    tokens = first.json()
    assert tokens["enrolled"] is True
    me = (await edge.get(f"/api/v1/patrons/{tokens['patron_id']}", headers=bearer(tokens))).json()
    assert (me["name"], me["email"], me["preferred_language"], me["guest"]) == ("Rosa Díaz", address, "es", True)

    again = await edge.post(SIGN_IN, json={"email": address, "code": code})
    assert again.status_code == 401 and again.json()["reason"] == "wrong_email_or_code"

    # a new code later signs the same guest in: no second patron
    await move_edge_clock(services, datetime.now(UTC) + timedelta(minutes=2))  # past the resend pause
    try:
        second_code, _ = await code_for(edge, services, address.upper())  # addresses are matched case-blind
    finally:
        await move_edge_clock(services, datetime.now(UTC))
    later = await edge.post(SIGN_IN, json={"email": address, "code": second_code})
    assert later.status_code == 200 and later.json()["patron_id"] == tokens["patron_id"], later.text
    assert later.json()["enrolled"] is False


async def test_a_code_expires_after_ten_minutes(edge, services):
    address = guest_address()
    code, _ = await code_for(edge, services, address)
    await move_edge_clock(services, datetime.now(UTC) + timedelta(minutes=10, seconds=5))
    try:
        late = await edge.post(SIGN_IN, json={"email": address, "code": code})
    finally:
        await move_edge_clock(services, datetime.now(UTC))
    assert late.status_code == 401 and late.json()["reason"] == "wrong_email_or_code", late.text


async def test_wrong_codes_are_refused_like_unknown_addresses_and_lock_the_address(edge, services):
    address = guest_address()
    code, _ = await code_for(edge, services, address)
    wrong_code = f"{(int(code) + 1) % 1_000_000:06d}"
    wrong = await edge.post(SIGN_IN, json={"email": address, "code": wrong_code})
    unknown = await edge.post(SIGN_IN, json={"email": guest_address(), "code": code})
    assert wrong.status_code == unknown.status_code == 401
    assert {k: v for k, v in wrong.json().items() if k != "instance"} == \
           {k: v for k, v in unknown.json().items() if k != "instance"}
    await edge.post(SIGN_IN, json={"email": address, "code": wrong_code})
    await edge.post(SIGN_IN, json={"email": address, "code": wrong_code})  # the third (the test stack locks at 3)
    locked = await edge.post(SIGN_IN, json={"email": address, "code": code})  # even the right code, while locked
    assert locked.status_code == 429 and locked.json()["reason"] == "signin_locked", locked.text
    assert int(locked.headers["retry-after"]) > 0


async def test_asking_for_a_code_answers_alike_and_the_code_is_kept_nowhere(edge, services):
    address = guest_address()
    code, _ = await code_for(edge, services, address)
    repeated = await edge.post(CODE, json={"email": address})  # moments later: the same answer, no second email
    assert repeated.status_code == 202 and repeated.json() == {"expires_in": 600}
    assert len(codes_mailed_to(services, address)) == 1
    for service in ("edge", "notifications"):
        log = services.log_file(service).read_text(errors="replace")
        assert address not in log and f'"{code}"' not in log
    conn = await asyncpg.connect(services.dsn("edge"))
    try:
        stored = await conn.fetch("SELECT email_hash, code_hash FROM guest_codes")
    finally:
        await conn.close()
    assert stored and all(code.encode() not in row["code_hash"] and address.encode() not in row["email_hash"]
                          for row in stored)


async def test_a_guest_registers_for_a_session_then_links_a_card_and_stays_one_patron(edge, services, staff):
    program = await staff.post("/api/v1/programs", json={
        "kind": "digital_literacy_workshop", "fallback_language": "en", "languages": ["en"],
        "titles": {"en": "Email for beginners"}, "host": {"kind": "branch", "branch": "Central"}})
    assert program.status_code == 201, program.text
    starts = datetime.now(UTC).replace(microsecond=0) + timedelta(days=9)
    session = await staff.post("/api/v1/sessions", json={
        "program_id": program.json()["id"], "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=2)).isoformat(), "timezone": "America/Los_Angeles",
        "place": {"kind": "branch", "name": "Central Library, Room 3"}, "capacity": 5})
    assert session.status_code == 201, session.text

    address = guest_address()
    code, _ = await code_for(edge, services, address)
    guest = (await edge.post(SIGN_IN, json={"email": address, "code": code, "name": "Wei Guest"})).json()
    seat = await edge.post(f"/api/v1/sessions/{session.json()['id']}/registrations", json={}, headers=bearer(guest))
    assert seat.status_code == 201 and seat.json()["status"] == "confirmed", seat.text

    await forget_card(services, ZHANG.card)
    linked = await edge.post("/api/v1/auth/patron/sign-in", json={"card_number": ZHANG.card, "pin": ZHANG.pin},
                             headers=bearer(guest))
    assert linked.status_code == 200, linked.text
    assert linked.json()["patron_id"] == guest["patron_id"] and linked.json()["enrolled"] is False
    assert await card_link(services, ZHANG.card) == guest["patron_id"]
    by_card = (await edge.post("/api/v1/auth/patron/sign-in", json={"card_number": ZHANG.card, "pin": ZHANG.pin}))
    assert by_card.json()["patron_id"] == guest["patron_id"]  # the card alone now signs in the same patron
    me = (await edge.get(f"/api/v1/patrons/{guest['patron_id']}", headers=bearer(by_card.json()))).json()
    assert me["guest"] is False
    mine = (await edge.get("/api/v1/me/registrations", headers=bearer(by_card.json()))).json()["items"]
    assert [r["session_id"] for r in mine] == [session.json()["id"]]

    # erased through the edge: every refresh token of theirs is refused, the card no longer signs them in
    erased = await edge.delete(f"/api/v1/patrons/{guest['patron_id']}", headers=bearer(by_card.json()))
    assert erased.status_code in (200, 204), erased.text
    for tokens in (guest, linked.json(), by_card.json()):
        refused = await edge.post("/api/v1/auth/patron/refresh", json={"refresh_token": tokens["refresh_token"]})
        assert refused.status_code == 401, refused.text
    assert await card_link(services, ZHANG.card) is None


async def test_only_a_guest_adopts_a_card_a_patron_with_a_card_does_not(edge, services):
    ana = DEMO_CARDS["21000000000001"]
    signed_in = (await edge.post("/api/v1/auth/patron/sign-in", json={"card_number": ana.card, "pin": ana.pin})).json()
    await forget_card(services, ZHANG.card)
    other = await edge.post("/api/v1/auth/patron/sign-in", json={"card_number": ZHANG.card, "pin": ZHANG.pin},
                            headers=bearer(signed_in))
    assert other.status_code == 200, other.text
    assert other.json()["patron_id"] != signed_in["patron_id"] and other.json()["enrolled"] is True
