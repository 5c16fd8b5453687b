"""Patrons: changes, look-ups, and erasure that leaves no personal data behind in any table."""

import uuid
from datetime import UTC, datetime, timedelta

from lantern_shared.sealing import PREFIX, KeyStore, open_sealed
from lantern_registration.events import INBOUND_PATRONS_TOPIC, PATRONS_TOPIC, REGISTRATIONS_TOPIC
from lantern_registration.handlers.sessions import complete_ended_sessions


async def columns_holding(conn, needle: str) -> list[str]:
    """Every table.column of this service's database where `needle` appears, whatever the column's type."""
    found = []
    columns = await conn.fetch(
        """SELECT table_name, column_name, data_type FROM information_schema.columns
           WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea', 'ARRAY')""")
    for c in columns:
        value = f'convert_from("{c["column_name"]}", \'UTF8\')' if c["data_type"] == "bytea" else f'"{c["column_name"]}"::text'
        hits = await conn.fetchval(
            f'SELECT count(*) FROM "{c["table_name"]}" WHERE strpos(lower({value}), lower($1)) > 0', needle)
        if hits:
            found.append(f"{c['table_name']}.{c['column_name']}")
    return found


async def test_erasure_leaves_no_personal_data_in_any_table_and_keeps_the_counts(desk):
    marker = uuid.uuid4().hex[:8]
    personal = {
        "name": f"Zofia Erasable {marker}", "email": f"zofia.{marker}@example.org", "phone": f"+44 7{uuid.uuid4().int % 10**9:09d}",
        "library_card_number": f"ERASE-{marker}", "accessibility_needs": f"Needs a hearing loop {marker}",
    }
    program = await desk.program()
    patron = await desk.enroll(personal["name"], email=personal["email"], phone="+1 206 555 0199",
                               library_card_number=personal["library_card_number"],
                               accessibility_needs=personal["accessibility_needs"], consent_to_contact=True)
    patron = await desk.ok("PATCH", f"/internal/v1/patrons/{patron['id']}", json={"phone": personal["phone"]})
    attended = await desk.session(program, capacity=1)
    await desk.register(attended, patron)
    await desk.ok("POST", f"/internal/v1/sessions/{attended['id']}/check-ins", 201, json={"patron_id": patron["id"]})
    with desk.at(datetime.fromisoformat(attended["ends_at"]) + timedelta(minutes=1)):
        await complete_ended_sessions(desk.deps)
    liked, better = f"The tutor {marker} was patient", f"My neighbour {marker} could not come"
    await desk.ok("POST", f"/internal/v1/sessions/{attended['id']}/feedback", 201, json={
        "patron_id": patron["id"], "knowledge": 4, "confidence": 4, "application": 5, "awareness": 3,
        "liked_most": liked, "could_be_better": better})
    upcoming = await desk.session(program, capacity=1)
    held = await desk.register(upcoming, patron)
    next_in_line = await desk.register(upcoming, await desk.enroll("Next in line"))

    erased = await desk.ok("POST", f"/internal/v1/patrons/{patron['id']}/erasure")

    async with desk.deps.pool.acquire() as conn:
        for what, value in (personal | {"liked_most": liked, "could_be_better": better}).items():
            assert await columns_holding(conn, value) == [], f"{what} survived erasure"
    assert (await desk.api.get(f"/internal/v1/patrons/{patron['id']}")).status_code == 404
    event = (await desk.published(PATRONS_TOPIC, key=patron["id"], type="lantern.patron.erased"))[0]
    assert event["data"]["patron_id"] == patron["id"]
    assert datetime.fromisoformat(event["data"]["erased_at"]) == datetime.fromisoformat(erased["erased_at"])
    # The upcoming seat went to the next in line; the programme's counts still include the erased patron.
    assert (await desk.ok("GET", f"/internal/v1/registrations/{held['id']}"))["status"] == "cancelled"
    assert (await desk.ok("GET", f"/internal/v1/registrations/{next_in_line['id']}"))["status"] == "confirmed"
    assert await desk.published(REGISTRATIONS_TOPIC, key=next_in_line["id"], type="lantern.registration.promoted")
    report = await desk.ok("GET", f"/internal/v1/programs/{program['id']}/report")
    assert report["attended"] >= 1 and report["outcomes"]["responses"] >= 1
    again = await desk.ok("POST", f"/internal/v1/patrons/{patron['id']}/erasure")
    assert again == erased


async def test_a_patron_change_publishes_the_full_current_state_and_keeps_the_card_unique(desk):
    card = f"C{uuid.uuid4().hex[:10]}"
    holder = await desk.enroll(library_card_number=card)
    patron = await desk.enroll(preferred_language="en")

    changed = await desk.ok("PATCH", f"/internal/v1/patrons/{patron['id']}", json={"preferred_language": "so"})
    taken = await desk.api.patch(f"/internal/v1/patrons/{patron['id']}", json={"library_card_number": card})
    unreachable = await desk.api.patch(f"/internal/v1/patrons/{patron['id']}", json={"email": None})

    assert changed["preferred_language"] == "so" and changed["email"] == patron["email"]
    assert taken.status_code == 409 and taken.json()["reason"] == "card_number_taken"
    assert unreachable.status_code == 422
    updated = (await desk.published(PATRONS_TOPIC, key=patron["id"], type="lantern.patron.updated"))[0]
    assert updated["data"]["email"].startswith(PREFIX), "contact points travel sealed with the patron's key"
    keys = KeyStore(desk.stack.keys_dsn)
    try:
        opened = await open_sealed(keys, updated["data"])
    finally:
        await keys.close()
    assert opened["preferred_language"] == "so" and opened["email"] == patron["email"]
    found = await desk.ok("GET", f"/internal/v1/patrons?library_card_number={card}")
    assert [p["id"] for p in found["items"]] == [holder["id"]]


async def test_lists_page_through_every_item_once_with_an_opaque_cursor(desk):
    session = await desk.session(capacity=3)
    patrons = [await desk.enroll(f"Paged {i}") for i in range(5)]
    for p in patrons:
        await desk.register(session, p)

    seen, cursor = [], None
    while True:
        page = await desk.ok("GET", "/internal/v1/registrations", params={
            "session_id": session["id"], "limit": 2} | ({"cursor": cursor} if cursor else {}))
        seen += [r["patron_id"] for r in page["items"]]
        if not (cursor := page["next_cursor"]):
            break
    bad = await desk.api.get("/internal/v1/registrations", params={"cursor": "not-ours"})

    assert seen == [p["id"] for p in patrons]
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "cursor"


async def test_invalid_input_is_answered_with_problem_details_naming_each_field(desk):
    answer = await desk.api.post("/internal/v1/sessions", json={
        "program_id": str(uuid.uuid4()), "starts_at": "2030-01-01T10:00:00", "ends_at": "2030-01-01T12:00:00+00:00",
        "timezone": "Nowhere/Land", "place": {"kind": "online", "name": "Zoom", "url": "https://example.org/j/1"},
        "capacity": 0})
    assert answer.status_code == 422 and answer.headers["content-type"].startswith("application/problem+json")
    assert {"starts_at", "timezone", "capacity"} <= {e["field"] for e in answer.json()["errors"]}
    unknown_program = await desk.api.post("/internal/v1/sessions", json={
        "program_id": str(uuid.uuid4()), "starts_at": (datetime.now(UTC) + timedelta(days=1)).isoformat(),
        "ends_at": (datetime.now(UTC) + timedelta(days=1, hours=1)).isoformat(), "timezone": "Europe/Dublin",
        "place": {"kind": "branch", "name": "Main"}, "capacity": 5})
    assert unknown_program.status_code == 422 and unknown_program.json()["errors"][0]["field"] == "program_id"
    unreachable = await desk.api.post("/internal/v1/patrons", json={"name": "No Contact", "preferred_language": "xx_YY"})
    assert {e["field"] for e in unreachable.json()["errors"]} == {"phone", "preferred_language"}


async def test_the_ils_telling_us_a_card_is_blocked_shows_on_the_patron(desk):
    card = f"B{uuid.uuid4().hex[:10]}"
    patron = await desk.enroll(library_card_number=card)

    await desk.send(INBOUND_PATRONS_TOPIC, "lantern.ils.patron_status_changed",
                    {"library_card_number": card, "status": "blocked"}, key=card, source="/ils/polaris", binary=True)

    seen = await desk.eventually_get(f"/internal/v1/patrons/{patron['id']}", lambda p: p["card_status"] != "active",
                                     what="the card status to arrive from the ILS")
    assert seen["card_status"] == "blocked"
