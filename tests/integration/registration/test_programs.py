"""Programs hosted by partner organizations (learned from partner events) and mentorship pairs."""

import uuid

from lantern_registration.events import PARTNERS_TOPIC, REGISTRATIONS_TOPIC

PARTNERS = "/lantern/partners"


async def partner_event(desk, type: str, partner_id: str, **data) -> None:
    await desk.send(PARTNERS_TOPIC, type, {"partner_id": partner_id, "name": "Eastside Tech Hub"} | data,
                    key=partner_id, source=PARTNERS)


async def test_an_active_partner_can_host_programs_and_a_lapsed_or_unknown_one_cannot(desk):
    partner = str(uuid.uuid4())
    await partner_event(desk, "lantern.partner.registered", partner, kind="nonprofit", status="active", contacts=[
        {"contact_id": str(uuid.uuid4()), "name": "Dana", "email": "dana@example.org", "language": "en"}])
    await desk.eventually_get("/internal/v1/hosts", lambda hs: any(h["partner_id"] == partner for h in hs),
                              what="the partner to reach the hosts projection")

    hosted = await desk.program(host={"kind": "partner", "partner_id": partner})
    session = await desk.session(hosted)
    await partner_event(desk, "lantern.partner.lapsed", partner, reason="agreement ended")
    await desk.eventually_get("/internal/v1/hosts", lambda hs: any(
        h["partner_id"] == partner and h["status"] == "lapsed" for h in hs), what="the partner to lapse")
    lapsed = await desk.api.post("/internal/v1/programs", json={
        "kind": "class", "titles": {"en": "Intro to tablets"}, "fallback_language": "en", "languages": ["en"],
        "host": {"kind": "partner", "partner_id": partner}})
    no_more_sessions = await desk.api.post("/internal/v1/sessions", json={
        "program_id": hosted["id"], "starts_at": session["starts_at"], "ends_at": session["ends_at"],
        "timezone": "America/Chicago", "place": {"kind": "partner_site", "name": "Eastside Tech Hub"}, "capacity": 5})
    unknown = await desk.api.post("/internal/v1/programs", json={
        "kind": "class", "titles": {"en": "Intro to tablets"}, "fallback_language": "en", "languages": ["en"],
        "host": {"kind": "partner", "partner_id": str(uuid.uuid4())}})

    assert hosted["host"] == {"kind": "partner", "partner_id": partner, "branch": None}
    assert session["host_partner_id"] == partner
    listed = await desk.ok("GET", "/internal/v1/programs", params={"partner_id": partner})
    assert [p["id"] for p in listed["items"]] == [hosted["id"]]
    assert lapsed.status_code == 409 and lapsed.json()["reason"] == "partner_lapsed"
    assert no_more_sessions.status_code == 409 and no_more_sessions.json()["reason"] == "partner_lapsed"
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "host.partner_id"


async def test_a_mentorship_session_holds_its_pair_and_nobody_else(desk):
    mentee, mentor, stranger = await desk.enroll("Mentee"), await desk.enroll("Mentor"), await desk.enroll("Other")
    program = await desk.program(kind="mentorship", titles={"en": "Job search mentoring"}, audience_tags=["new-arrivals"],
                                 mentorship={"mentee_id": mentee["id"], "mentor_id": mentor["id"]})

    session = await desk.session(program, capacity=8)
    refused = await desk.api.post(f"/internal/v1/sessions/{session['id']}/registrations", json={"patron_id": stranger["id"]})

    assert (session["capacity"], session["confirmed"]) == (2, 2)
    pair = await desk.ok("GET", "/internal/v1/registrations", params={"session_id": session["id"]})
    assert {r["patron_id"] for r in pair["items"]} == {mentee["id"], mentor["id"]}
    assert refused.status_code == 409 and refused.json()["reason"] == "mentorship_pair_only"
    told = await desk.published(REGISTRATIONS_TOPIC, key=pair["items"][0]["id"], type="lantern.registration.confirmed")
    assert told[0]["data"]["program_kind"] == "mentorship"
