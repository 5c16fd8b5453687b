"""Patrons sign in with their library card and PIN, checked by the library's catalogue (the SIP2 stand-in, over TCP)."""

import hashlib
import hmac
import re
import time

import asyncpg

import pytest

from lantern_devstack.ils_standin import DEMO_CARDS
from lantern_devstack.stack import ILS

SIGN_IN = "/api/v1/auth/patron/sign-in"
ANA, LAN, SAM = DEMO_CARDS["21000000000001"], DEMO_CARDS["21000000000002"], DEMO_CARDS["21000000000005"]
BLOCKED, EXPIRED, SLOW = DEMO_CARDS["21000000000006"], DEMO_CARDS["21000000000007"], DEMO_CARDS["21000000000099"]
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


async def sign_in(edge, card: str, pin: str):
    return await edge.post(SIGN_IN, json={"card_number": card, "pin": pin})


async def card_link(stack, card: str):
    """The edge's link of a card to a patron, found by the card's keyed hash (the edge keeps nothing else of it)."""
    digest = hmac.new(stack.secrets["card_hash_key"].encode(), card.encode(), hashlib.sha256).digest()
    conn = await asyncpg.connect(stack.dsn("edge"))
    try:
        return await conn.fetchval("SELECT patron_id::text FROM patron_cards WHERE card_hash = $1", digest)
    finally:
        await conn.close()


async def forget_card(stack, card: str) -> None:
    """As if the card had never signed in (the test stack may be kept between runs)."""
    digest = hmac.new(stack.secrets["card_hash_key"].encode(), card.encode(), hashlib.sha256).digest()
    conn = await asyncpg.connect(stack.dsn("edge"))
    try:
        await conn.execute("DELETE FROM patron_cards WHERE card_hash = $1", digest)
    finally:
        await conn.close()


async def test_the_right_pin_signs_a_patron_in_and_enrols_them_once(edge, services):
    await forget_card(services, LAN.card)
    first = await sign_in(edge, LAN.card, LAN.pin)
    assert first.status_code == 200, first.text
    tokens = first.json()
    me = await edge.get("/api/v1/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert me.status_code == 200, me.text
    assert me.json()["role"] == "patron" and me.json()["patron_id"] == tokens["patron_id"]
    own = await edge.get(f"/api/v1/patrons/{tokens['patron_id']}",
                         headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert own.status_code == 200, own.text
    assert own.json()["name"] == "Nguyễn Thị Lan" and own.json()["preferred_language"] == "vi"
    assert own.json()["email"] == LAN.email and own.json().get("library_card_number") is None

    again = await sign_in(edge, LAN.card, LAN.pin)
    assert again.status_code == 200 and again.json()["patron_id"] == tokens["patron_id"]
    assert first.json()["enrolled"] is True and again.json()["enrolled"] is False
    assert await card_link(services, LAN.card) == tokens["patron_id"]


async def test_a_patron_without_email_is_enrolled_with_what_the_library_knows(edge, services, caller):
    zhang = DEMO_CARDS["21000000000003"]
    answer = await sign_in(edge, zhang.card, zhang.pin)
    assert answer.status_code == 200, answer.text
    patron = (await edge.get(f"/api/v1/patrons/{answer.json()['patron_id']}", headers=caller.headers("staff"))).json()
    assert (patron["name"], patron["email"], patron["preferred_language"]) == ("Zhang Wei", None, "zh")
    assert patron["phone"]


async def test_a_patron_the_library_cannot_reach_is_told_to_add_a_contact_point(edge, services):
    # registration enrols nobody it has no way to reach (neither email nor phone)
    answer = await sign_in(edge, SAM.card, SAM.pin)
    assert answer.status_code == 409 and answer.json()["reason"] == "contact_point_needed", answer.text


async def test_a_patron_token_is_not_a_staff_token(edge, services):
    tokens = (await sign_in(edge, ANA.card, ANA.pin)).json()
    refused = await edge.get("/api/v1/patrons", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert refused.status_code == 403 and refused.headers["content-type"].startswith("application/problem+json")


async def test_wrong_pins_are_refused_alike_and_lock_the_card_after_the_configured_count(edge, services):
    card = DEMO_CARDS["21000000000004"]
    wrong = await sign_in(edge, card.card, "0000")
    unknown = await sign_in(edge, "29999999999999", "0000")
    assert wrong.status_code == unknown.status_code == 401
    assert {k: v for k, v in wrong.json().items() if k != "instance"} == \
           {k: v for k, v in unknown.json().items() if k != "instance"}
    assert wrong.json()["reason"] == "wrong_card_or_pin"
    await sign_in(edge, card.card, "0001")
    await sign_in(edge, card.card, "0002")  # the third wrong PIN (the test stack locks after 3)
    locked = await sign_in(edge, card.card, card.pin)  # even the right PIN, while locked
    assert locked.status_code == 429, locked.text
    assert locked.json()["reason"] == "signin_locked" and int(locked.headers["retry-after"]) > 0


async def test_an_unknown_card_and_a_wrong_pin_take_about_as_long(edge, services):
    card = DEMO_CARDS["21000000000001"]
    timings = {}
    for label, number in (("wrong", card.card), ("unknown", "28888888888888")):
        started = time.monotonic()
        assert (await sign_in(edge, number, "0000")).status_code == 401
        timings[label] = time.monotonic() - started
    assert abs(timings["wrong"] - timings["unknown"]) < 0.2, timings
    assert (await sign_in(edge, card.card, card.pin)).status_code == 200  # one wrong PIN does not lock


@pytest.mark.parametrize("card,reason", [(BLOCKED, "card_blocked"), (EXPIRED, "card_expired")])
async def test_blocked_and_expired_cards_are_refused_with_the_reason(edge, services, card, reason):
    refused = await sign_in(edge, card.card, card.pin)
    assert refused.status_code == 403, refused.text
    assert refused.json()["reason"] == reason and refused.json()["type"] == f"urn:lantern:problem:{reason}"


async def test_a_refresh_token_gives_a_new_session_once_and_sign_out_ends_it(edge, services):
    first = (await sign_in(edge, ANA.card, ANA.pin)).json()
    renewed = await edge.post("/api/v1/auth/patron/refresh", json={"refresh_token": first["refresh_token"]})
    assert renewed.status_code == 200 and renewed.json()["patron_id"] == first["patron_id"]
    spent = await edge.post("/api/v1/auth/patron/refresh", json={"refresh_token": first["refresh_token"]})
    assert spent.status_code == 401  # and, being a replay, it ended the renewed session too
    assert (await edge.post("/api/v1/auth/patron/refresh",
                            json={"refresh_token": renewed.json()["refresh_token"]})).status_code == 401

    session = (await sign_in(edge, ANA.card, ANA.pin)).json()
    out = await edge.post("/api/v1/auth/patron/sign-out", json={"refresh_token": session["refresh_token"]})
    assert out.status_code == 204
    assert (await edge.post("/api/v1/auth/patron/refresh",
                            json={"refresh_token": session["refresh_token"]})).status_code == 401


async def test_the_edge_publishes_the_key_patron_tokens_are_signed_with(edge, services):
    import jwt

    tokens = (await sign_in(edge, ANA.card, ANA.pin)).json()
    jwks = (await edge.get("/api/v1/auth/jwks.json")).json()
    key = jwt.PyJWKSet.from_dict(jwks).keys[0]
    claims = jwt.decode(tokens["access_token"], key.key, algorithms=["ES256"], audience="lantern-api")
    assert claims["iss"] == f"{services.config.url('edge')}/api/v1/auth" and claims["exp"] - claims["iat"] <= 900


async def test_a_silent_catalogue_is_a_503_within_the_timeout(edge, services):
    started = time.monotonic()
    answer = await sign_in(edge, SLOW.card, SLOW.pin)
    assert answer.status_code == 503 and answer.json()["reason"] == "catalogue_unreachable"
    assert "catalogue cannot be reached" in answer.json()["detail"]
    assert time.monotonic() - started < 4  # the test stack's SIP2 timeout is 2 s


async def test_an_unreachable_catalogue_is_a_503_and_sign_in_works_again_when_it_is_back(edge, services):
    services.stop_many((ILS,))
    try:
        started = time.monotonic()
        answer = await sign_in(edge, ANA.card, ANA.pin)
        assert answer.status_code == 503 and answer.json()["reason"] == "catalogue_unreachable", answer.text
        assert time.monotonic() - started < 4
    finally:
        services.start_ils()
    assert (await sign_in(edge, ANA.card, ANA.pin)).status_code == 200


async def test_no_card_number_or_pin_reaches_the_edge_log(edge, services):
    card = DEMO_CARDS["21000000000003"]
    await sign_in(edge, card.card, "8642")
    await sign_in(edge, card.card, card.pin)
    log = services.log_file("edge").read_text(errors="replace")
    # Ids and clock readings are hex and decimals that may hold any four digits by chance ("...-cfe286422beb",
    # "604.986420"); a leaked PIN or card number would stand alone as a run of digits.
    digit_runs = set(re.findall(r"(?<!\w)(?<!\d\.)\d+(?!\w|\.\d)", _UUID.sub("", log)))
    assert card.card not in digit_runs and "8642" not in digit_runs and f'"{card.pin}"' not in log

