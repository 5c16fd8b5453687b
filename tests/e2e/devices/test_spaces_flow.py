"""Spaces through the edge, every service a real process: staff set up a branch and a makerspace that needs approval,
two partner organizations ask for it, staff approve one and decline the other, and each organization's contact gets
the answer by email in their own language. Partners see only their own bookings and cannot approve."""

import email
import uuid
from datetime import datetime
from email.policy import default as default_policy
from zoneinfo import ZoneInfo

from tests.support import eventually

CHICAGO = ZoneInfo("America/Chicago")


async def partner_with_contact(staff, name: str, language: str) -> tuple[str, str]:
    address = f"{name.split()[0].lower()}.{uuid.uuid4().hex[:8]}@example.org"
    partner = await staff.post("/api/v1/partners", json={
        "name": f"{name} {uuid.uuid4().hex[:4]}", "kind": "community_organization",
        "contacts": [{"name": "Contact", "email": address, "language": language}]})
    assert partner.status_code == 201, partner.text
    partner_id = partner.json()["id"]
    assert (await staff.post(f"/api/v1/partners/{partner_id}/status", json={"status": "active"})).status_code == 200
    return partner_id, address


async def mail_to(services, address: str) -> email.message.EmailMessage:
    """The one email the sink received for an address (its file names hash the recipient: docs/privacy.md)."""
    async def stored():
        if not services.config.mail_dir.exists():
            return None
        return [path for path in sorted(services.config.mail_dir.glob("*.eml"))
                if address in str(email.message_from_bytes(path.read_bytes(), policy=default_policy)["To"])] or None

    [path] = await eventually(stored, timeout=60, what=f"the email to {address} in the SMTP sink")
    return email.message_from_bytes(path.read_bytes(), policy=default_policy)


async def test_two_organizations_ask_for_the_makerspace_one_is_approved_one_declined_each_hears_in_its_language(
        services, staff, edge, caller):
    code = f"e2e-{uuid.uuid4().hex[:8]}"
    hours = [{"weekday": d, "opens": "09:00", "closes": "20:00"} for d in range(1, 8)]
    branch = await staff.put(f"/api/v1/branches/{code}", json={"name": "Rockwood Library",
                                                               "timezone": "America/Chicago", "hours": hours})
    assert branch.status_code == 200, branch.text
    space = await staff.post("/api/v1/spaces", json={
        "branch": code, "name": "Makerspace", "kind": "makerspace", "capacity": 16,
        "equipment": ["3d_printer", "laser_cutter"], "requires_approval": True, "setup_minutes": 15,
        "teardown_minutes": 15})
    assert space.status_code == 201, space.text
    space_id = space.json()["id"]
    as_anyone = caller.headers("patron")
    listed = await edge.get("/api/v1/spaces", params={"branch": code}, headers=as_anyone)
    assert [s["name"] for s in listed.json()["items"]] == ["Makerspace"]

    madrid, hanoi = (await partner_with_contact(staff, "Casa Latina", "es"),
                     await partner_with_contact(staff, "Viet Youth", "vi"))
    starts = datetime(2027, 6, 8, 14, tzinfo=CHICAGO)
    request = {"space_id": space_id, "title": "3D printing for beginners", "attendees": 12,
               "starts_at": starts.isoformat(), "ends_at": starts.replace(hour=16).isoformat()}

    async def asked(partner_id: str, body: dict):
        answer = await edge.post("/api/v1/space-bookings", json=body,
                                 headers=caller.headers("partner", partner_id=partner_id))
        return answer.json() if answer.status_code == 201 else None

    first = await eventually(lambda: asked(madrid[0], request), timeout=60,
                             what="devices to know the first organization, then take its request")
    assert (first["status"], first["partner_id"]) == ("requested", madrid[0]), "the edge fills in the partner's id"
    other_day = request | {"starts_at": starts.replace(day=9).isoformat(),
                           "ends_at": starts.replace(day=9, hour=16).isoformat()}
    second = await eventually(lambda: asked(hanoi[0], other_day), timeout=60,
                              what="devices to know the second organization, then take its request")

    as_madrid = caller.headers("partner", partner_id=madrid[0])
    assert (await edge.get(f"/api/v1/space-bookings/{second['id']}", headers=as_madrid)).status_code == 403
    own = await edge.get("/api/v1/space-bookings", headers=as_madrid)
    assert [b["id"] for b in own.json()["items"]] == [first["id"]]
    assert (await edge.post(f"/api/v1/space-bookings/{first['id']}/decision", json={"decision": "approved"},
                            headers=as_madrid)).status_code == 403

    approved = await staff.post(f"/api/v1/space-bookings/{first['id']}/decision", json={"decision": "approved"})
    declined = await staff.post(f"/api/v1/space-bookings/{second['id']}/decision",
                                json={"decision": "declined", "reason": "Phòng đang được sửa chữa"})
    assert approved.json()["status"] == "approved" and declined.json()["status"] == "declined"

    yes = await mail_to(services, madrid[1])
    assert yes["Subject"] == "Su reserva de espacio está confirmada: 3D printing for beginners"
    body = yes.get_body(("plain",)).get_content()
    assert "Makerspace en Rockwood Library" in body and "14:00" in body  # the branch's clock, not UTC
    no = await mail_to(services, hanoi[1])
    assert no["Subject"] == "Chúng tôi không thể đặt phòng cho 3D printing for beginners"
    assert "Lý do: Phòng đang được sửa chữa" in no.get_body(("plain",)).get_content()

    report = await staff.get("/api/v1/reports/space-loans", params={
        "from": "2027-06-01T00:00:00-05:00", "to": "2027-07-01T00:00:00-05:00", "partner_id": madrid[0]})
    assert report.json()["rows"] == [{"partner_id": madrid[0], "month": "2027-06", "bookings": 1, "hours": 2.0}]
    mine = await edge.get("/api/v1/reports/space-loans", headers=caller.headers("partner", partner_id=hanoi[0]),
                          params={"from": "2027-06-01T00:00:00-05:00", "to": "2027-07-01T00:00:00-05:00"})
    assert mine.status_code == 200 and mine.json()["rows"] == [], "a declined request is no loan"
