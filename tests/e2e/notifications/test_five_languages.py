"""Through the edge only, every service a real process: five patrons register for one session, and each gets the
confirmation in their own language, subject decoded exactly as written, in the local mail sink."""

import email
import email.policy
import uuid
from datetime import UTC, datetime, timedelta

import asyncpg
import httpx
import pytest

from tests.support import eventually

# The session's title in each language; long enough that every subject needs more than one encoded word.
TITLES = {
    "en": "Email basics for beginners: accounts, attachments and staying safe",
    "es": "Conceptos básicos del correo electrónico: cuentas, archivos adjuntos y seguridad",
    "vi": "Cơ bản về thư điện tử cho người mới bắt đầu: tài khoản, tệp đính kèm và an toàn",
    "zh-Hans": "电子邮件入门：账户、附件与网络安全",
    "ru": "Основы электронной почты для начинающих: аккаунт, вложения и безопасность",
}
READERS = {  # language: (name, subject as the catalog words it, a phrase from the body)
    "en": ("Grace Miller", "You're registered: {title}", "Your seat is confirmed for {title}."),
    "es": ("María López", "Inscripción confirmada: {title}", "Su lugar en {title} está confirmado."),
    "vi": ("Nguyễn Thị Linh", "Đã xác nhận đăng ký: {title}", "Chỗ của quý vị trong buổi {title} đã được xác nhận."),
    "zh-Hans": ("王小明", "报名成功：{title}", "您在 {title} 的名额已确认。"),
    "ru": ("Ольга Иванова", "Вы записаны: {title}", "Ваше место на занятии «{title}» подтверждено."),
}


def _mail_to(stack, address: str) -> list[email.message.EmailMessage]:
    folder = stack.config.mail_dir
    found = []
    for path in sorted(folder.glob("*.eml")) if folder.exists() else ():
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if address in str(message["To"]):
            found.append(message)
    return found


@pytest.fixture
async def session(staff):
    program = await staff.post("/api/v1/programs", json={
        "kind": "digital_literacy_workshop", "fallback_language": "en", "languages": ["en"], "titles": TITLES,
        "host": {"kind": "branch", "branch": "Central"},
    })
    assert program.status_code == 201, program.text
    starts = datetime.now(UTC).replace(microsecond=0) + timedelta(days=12)
    created = await staff.post("/api/v1/sessions", json={
        "program_id": program.json()["id"], "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=2)).isoformat(), "timezone": "America/Los_Angeles",
        "place": {"kind": "branch", "name": "Central Library, Room 3"}, "capacity": 10, "devices_needed": {},
    })
    assert created.status_code == 201, created.text
    return created.json()


async def _titles_known(stack, session_id: str) -> bool:
    """Whether notifications has heard the session announced with its titles (a separate topic from registrations:
    a registration read first is written with the fallback title, which is not what this test is about)."""
    conn = await asyncpg.connect(stack.dsn("notifications"))
    try:
        return bool(await conn.fetchval("SELECT count(*) FROM session_titles WHERE session_id = $1",
                                        uuid.UUID(session_id)))
    finally:
        await conn.close()


async def _recipient_known(stack, patron_id: str) -> None:
    """Notifications picks the title's language when it plans the message, from the recipient it knows by then;
    enrolment and registration travel on different topics, so wait for the enrolment to arrive first."""
    headers = {"X-Lantern-Internal-Token": stack.secrets["internal_token"]}
    async with httpx.AsyncClient(base_url=stack.config.url("notifications"), headers=headers, timeout=10) as client:
        async def known():
            return (await client.get(f"/internal/v1/recipients/{patron_id}")).status_code == 200

        await eventually(known, timeout=60, what="the recipient projection")


async def test_each_patron_is_confirmed_in_their_own_language_with_the_subject_intact(services, staff, edge, caller,
                                                                                     session):
    await eventually(lambda: _titles_known(services, session["id"]), timeout=60, what="the session's titles")
    addresses = {}
    for language, (name, _, _) in READERS.items():
        address = f"five-{language.lower()}-{uuid.uuid4().hex[:8]}@example.org"
        patron = await staff.post("/api/v1/patrons", json={
            "name": name, "email": address, "preferred_language": language, "consent_to_contact": True,
        })
        assert patron.status_code == 201, patron.text
        await _recipient_known(services, patron.json()["id"])
        own = caller.headers("patron", patron_id=patron.json()["id"])
        seat = await edge.post(f"/api/v1/sessions/{session['id']}/registrations", json={}, headers=own)
        assert seat.status_code == 201 and seat.json()["status"] == "confirmed", seat.text
        addresses[language] = address

    async def all_delivered():
        return all(_mail_to(services, address) for address in addresses.values())

    await eventually(all_delivered, timeout=90, what="a confirmation for each of the five patrons")
    for language, (name, subject, phrase) in READERS.items():
        [mail] = _mail_to(services, addresses[language])
        title = TITLES[language]
        assert mail["Subject"] == subject.format(title=title), language
        assert mail["Content-Language"] == language
        assert mail["To"].addresses[0].display_name == name
        text = mail.get_body(("plain",)).get_content()
        assert phrase.format(title=title) in text, f"{language}: {text}"
        assert f'<html lang="{language}">' in mail.get_body(("html",)).get_content()
