"""Notifications service settings (environment prefix LANTERN_NOTIFICATIONS_)."""

from datetime import time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import SettingsConfigDict

from lantern_shared.fields import phone_region
from lantern_shared.settings import ServiceSettings


class NotificationsSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="LANTERN_NOTIFICATIONS_", extra="ignore", frozen=True)

    service_name: str = "notifications"
    http_port: int = 8004

    # Email: any SMTP server; locally the sink (`python -m lantern_notifications.smtp_sink`) on 127.0.0.1:1025.
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 1025
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = False
    smtp_tls: bool = False  # implicit TLS (port 465)
    smtp_timeout_s: float = 20.0
    smtp_connections: int = Field(default=4, ge=1)  # kept open between messages; one message at a time on each
    smtp_local_hostname: str | None = None  # the name given in EHLO; unset: this host's FQDN, looked up once
    mail_from: str = "Lantern <outreach@library.invalid>"

    # SMS through Twilio's Messages API (docs/operations.md: A2P 10DLC registration comes first in the US).
    # Without an account and token, SMS deliveries fail with "sms_not_configured".
    twilio_account_sid: str | None = None
    twilio_auth_token: SecretStr | None = None  # also what Twilio signs its webhooks with
    twilio_base_url: str = "https://api.twilio.com"  # locally: the stand-in (lantern_devstack.twilio_standin)
    sms_from: str | None = None  # the sending number, E.164; or:
    twilio_messaging_service_sid: str | None = None  # a Messaging Service (its number pool), preferred when set
    # Where Twilio reaches the library's SMS webhooks: the public address of the edge's /api/v1/sms routes. Twilio
    # signs the full URL it calls, so this must be exactly the address configured in the Twilio console.
    sms_webhook_base_url: str | None = None
    sms_timeout_s: float = 15.0
    # How a number written without +country code is read (ISO 3166 alpha-2); by default the deployment's
    # LANTERN_PHONE_REGION, which registration and partners read numbers with.
    phone_region: str = Field(default_factory=phone_region)
    # The most segments a notice may take, per language (UCS-2 languages get 67 characters a segment).
    sms_segment_budget: dict[str, int] = Field(default_factory=lambda: {
        "en": 2, "es": 2, "vi": 3, "zh-Hans": 3, "ru": 3})

    library_name: str = "the library"
    library_timezone: str = "America/Los_Angeles"
    default_language: str = "en"
    staff_email: str | None = None  # where staff notices (equipment shortfall) go

    # Default quiet hours (library time) for recipients who have not set their own.
    quiet_hours_start: str = "21:00"
    quiet_hours_end: str = "08:00"

    # Digests: messages of one kind to one person (three devices due soon, two sessions tomorrow) falling due within
    # the window go out as one; a digestible message planned for now waits `digest_gather_s` for the rest of its
    # burst. Critical messages go out at any hour; everything else held by quiet hours goes out as one message
    # when they end.
    digest_gather_s: float = Field(default=20.0, ge=0)
    digest_window_h: float = Field(default=6.0, ge=0)
    critical_messages: frozenset[str] = frozenset({"loan_recall", "account_code", "sign_in_code"})

    # Scheduling of follow-ups around a session.
    reminder_lead_h: float = 24.0
    feedback_delay_h: float = 2.0
    survey_delay_days: float = 28.0

    # Sending.
    max_attempts: int = 8  # with the back-off below, a message rides out about two hours of SMTP outage
    send_retry_initial_s: float = 60.0
    send_retry_max_s: float = 3600.0
    send_lease_s: float = 300.0  # a claimed send not finished by then is tried again (crash recovery)
    send_concurrency: int = 8
    dispatch_interval_s: float = 1.0  # the safety net: deliveries that fall due wake the dispatcher at once (NOTIFY)
    dispatch_batch: int = 50
    # A message planned before its recipient was projected (enrolled and registered at once) waits this long for
    # them, then is suppressed as no_contact.
    recipient_wait_s: float = 60.0

    # What a delivery needed to be rendered is kept this long after it was settled, then dropped; the log line
    # itself (status, channel, language, attempts) is kept for the log retention, then deleted.
    render_data_retention_days: float = 30.0
    delivery_log_retention_days: float = 400.0

    @field_validator("library_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:  # refuse to start with a zone that does not exist
            raise ValueError(f"{value!r} is not an IANA timezone") from exc
        return value

    @field_validator("quiet_hours_start", "quiet_hours_end")
    @classmethod
    def _clock_time(cls, value: str) -> str:
        time.fromisoformat(value)  # "21:00"
        return value
