"""The notifications service as a real process, mailing the local SMTP sink: what a person running `make run` sees."""

import email
import uuid
from datetime import UTC, datetime, timedelta
from email.policy import default as default_policy

import httpx
import pytest

from lantern_notifications.smtp_sink import recipient_tag
from lantern_shared.envelope import new_event
from tests.support import eventually, produce

CE_HEADERS = [("content-type", b"application/cloudevents+json")]


@pytest.fixture
def running(services):
    return services  # every service and the mail sink, as real processes (tests/e2e/conftest.py)


def cloud_event(event_type: str, key: str, data: dict) -> tuple[bytes, bytes, list]:
    value = new_event(type=event_type, source="/lantern/registration", key=key, data=data).to_bytes()
    return key.encode(), value, CE_HEADERS


async def test_a_confirmation_lands_in_the_mail_folder_in_vietnamese_and_in_the_patrons_inbox(running, unique):
    patron_id, registration_id = uuid.uuid4(), uuid.uuid4()
    address = f"e2e-{unique}@example.org"
    starts_at = datetime(2027, 3, 4, 2, 0, tzinfo=UTC)
    await produce(running, "lantern.registration.patrons", [cloud_event("lantern.patron.enrolled", str(patron_id), {
        "patron_id": str(patron_id), "name": "Nguyễn Thị Linh", "email": address, "preferred_language": "vi",
        "consent_to_contact": True, "consent_to_referral": False,
    })])
    headers = {"X-Lantern-Internal-Token": running.secrets["internal_token"]}
    async with httpx.AsyncClient(base_url=running.config.url("notifications"), headers=headers, timeout=10) as client:
        async def known():
            return (await client.get(f"/internal/v1/recipients/{patron_id}")).status_code == 200

        await eventually(known, timeout=60, what="the recipient projection")
        await produce(running, "lantern.registration.registrations", [cloud_event(
            "lantern.registration.confirmed", str(registration_id), {
                "registration_id": str(registration_id), "session_id": str(uuid.uuid4()), "patron_id": str(patron_id),
                "session_title": "Kỹ năng máy tính cơ bản", "starts_at": starts_at.isoformat(),
                "ends_at": (starts_at + timedelta(hours=2)).isoformat(), "timezone": "America/Los_Angeles",
                "place_name": "Thư viện Trung tâm",
            })])

        async def stored():
            return sorted(running.config.mail_dir.glob(f"*{recipient_tag(address)}*.eml")) or None

        [path] = await eventually(stored, what="the .eml file in the mail folder")
        message = email.message_from_bytes(path.read_bytes(), policy=default_policy)
        assert message["Subject"] == "Đã xác nhận đăng ký: Kỹ năng máy tính cơ bản"
        assert "Địa điểm: Thư viện Trung tâm" in message.get_body(("plain",)).get_content()

        async def in_app():
            items = (await client.get(f"/internal/v1/recipients/{patron_id}/inbox")).json()["items"]
            return items or None

        [note] = await eventually(in_app, what="the in-app message")
        assert note["subject"] == "Đã xác nhận đăng ký: Kỹ năng máy tính cơ bản"
