"""The local SMTP sink keeps what the service mails as files a person can open."""

from lantern_notifications.delivery.mailer import Email, Mailer
from lantern_notifications.settings import NotificationsSettings
from lantern_notifications.smtp_sink import recipient_tag, show, start
from tests.integration.notifications.conftest import free_port


async def test_mail_sent_to_the_sink_is_kept_as_a_readable_eml_file(tmp_path):
    port = free_port()
    controller = start("127.0.0.1", port, tmp_path / "mail")
    try:
        settings = NotificationsSettings(internal_token="t", db_password="p", smtp_port=port,
                                         mail_from="Riverside Public Library <outreach@riverside.example>")
        outcome = await Mailer(settings).send(Email(
            to="linh@example.org", to_name="Nguyễn Thị Linh", subject="Đã xác nhận đăng ký: Kỹ năng máy tính", text="Kính chào Linh,\n",
            html="<p>Kính chào Linh,</p>", language="vi", reference="d-1",
        ))
    finally:
        controller.stop()

    assert outcome.accepted
    [stored] = sorted((tmp_path / "mail").glob("*.eml"))
    assert recipient_tag("linh@example.org") in stored.name and "linh" not in stored.name, "a hash, never the address"
    readable = show(stored)
    assert "Subject: Đã xác nhận đăng ký: Kỹ năng máy tính" in readable
    assert "Kính chào Linh," in readable
