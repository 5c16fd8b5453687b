"""SIP2 (3M Standard Interchange Protocol 2.00): the few messages patron sign-in needs, and a client for them.

A message is a two-digit code, fixed-length fields, then variable fields `XXvalue|`; with error detection on, it
ends `AY<sequence digit>AZ<checksum>` and a carriage return. The checksum is the two's complement of the 16-bit
sum of every character up to and including `AZ`, as four upper-case hex digits. We send 93 Login (when the ILS
wants one) and 63 Patron Information, and read 94 and 64. No PIN or card number is ever logged here.
"""

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

ENCODING = "utf-8"  # SIP2 2.00 says ASCII; ILSs send UTF-8 names, and ASCII is a subset of it
TERMINATOR = b"\r"

# 64's fixed part after the code: patron status (14), language (3), transaction date (18), six counts (4 each)
_STATUS, _LANGUAGE, _DATE, _COUNTS = 14, 3, 18, 6 * 4
PATRON_STATUS_FLAGS = (
    "charge_privileges_denied", "renewal_privileges_denied", "recall_privileges_denied", "hold_privileges_denied",
    "card_reported_lost", "too_many_items_charged", "too_many_items_overdue", "too_many_renewals",
    "too_many_claims_of_items_returned", "too_many_items_lost", "excessive_outstanding_fines",
    "excessive_outstanding_fees", "recall_overdue", "too_many_items_billed",
)
# SIP2 2.00's language codes, for those Lantern can speak (000 is "unknown"; the list has no Vietnamese).
LANGUAGES = {"001": "en", "008": "es", "021": "es", "015": "ru", "019": "zh", "027": "zh", "002": "fr",
             "011": "fr", "016": "ar", "020": "ko", "017": "pl", "010": "pt", "024": "en"}
LANGUAGE_CODES = {"en": "001", "es": "008", "ru": "015", "zh": "019", "fr": "002", "ar": "016", "ko": "020"}


class Sip2Error(Exception):
    """The ILS could not be asked: unreachable, too slow, or it answered something that is not SIP2."""


def checksum(text: str) -> str:
    return f"{(-sum(text.encode(ENCODING))) & 0xFFFF:04X}"


def with_checksum(body: str, sequence: int) -> str:
    """`body` + AY<seq>AZ<checksum> (the checksum covers everything before it, `AZ` included)."""
    head = f"{body}AY{sequence % 10}AZ"
    return head + checksum(head)


def checksum_ok(message: str) -> bool:
    at = message.rfind("AZ")
    return at >= 0 and len(message) == at + 6 and checksum(message[: at + 2]) == message[at + 2:].upper()


def sip_date(moment: dt.datetime) -> str:
    """YYYYMMDDZZZZHHMMSS: local time with four spaces for the zone (or `   Z` for UTC, as we send)."""
    return moment.astimezone(dt.UTC).strftime("%Y%m%d   Z%H%M%S")


def field_text(code: str, value: str) -> str:
    if "|" in value or "\r" in value:
        raise ValueError(f"field {code} cannot hold '|' or a carriage return")
    return f"{code}{value}|"


@dataclass(frozen=True)
class Message:
    code: str
    fixed: str
    fields: dict[str, list[str]]
    sequence: int | None

    def get(self, code: str, default: str = "") -> str:
        return self.fields.get(code, [default])[0]


def parse(raw: str, fixed_length: int | None = None, *, require_checksum: bool = False) -> Message:
    """Split a message into code, fixed part and variable fields (a field may repeat, e.g. AS item ids)."""
    message = raw.rstrip("\r\n")
    if len(message) < 2 or not message[:2].isdigit():
        raise Sip2Error("not a SIP2 message")
    sequence = None
    if "AY" in message and message.rfind("AZ") == len(message) - 6:
        if not checksum_ok(message):
            raise Sip2Error("the ILS's answer failed its checksum")
        ay = message.rfind("AY", 0, len(message) - 6)
        sequence = int(message[ay + 2]) if message[ay + 2].isdigit() else None
        message = message[:ay]
    elif require_checksum:
        raise Sip2Error("the ILS's answer carries no checksum")
    fixed_length = _FIXED.get(message[:2], 0) if fixed_length is None else fixed_length
    fixed, rest = message[2: 2 + fixed_length], message[2 + fixed_length:]
    if len(fixed) < fixed_length:
        raise Sip2Error(f"message {message[:2]} is shorter than its fixed fields")
    fields: dict[str, list[str]] = {}
    for part in rest.split("|"):
        if len(part) >= 2:
            fields.setdefault(part[:2], []).append(part[2:])
    return Message(message[:2], fixed, fields, sequence)


_FIXED = {"93": 2, "94": 1, "63": 3 + 18 + 10, "64": _STATUS + _LANGUAGE + _DATE + _COUNTS, "99": 1 + 3 + 4,
          "98": 6 + 3 + 3 + 18 + 4}


def login(user: str, password: str, location: str = "") -> str:
    """93: plain-text user id and password (algorithms 0 0), then the location code."""
    return "9300" + field_text("CN", user) + field_text("CO", password) + field_text("CP", location)


def patron_information(card: str, pin: str, institution: str, now: dt.datetime, language: str = "001",
                       terminal_password: str = "") -> str:
    """63 with a blank summary (no item lists): enough to learn whether the card and PIN are valid."""
    return (f"63{language}{sip_date(now)}{' ' * 10}" + field_text("AO", institution) + field_text("AA", card)
            + field_text("AC", terminal_password) + field_text("AD", pin))


@dataclass(frozen=True)
class PatronInformation:
    """What a 64 Patron Information Response says about a card."""

    valid_patron: bool  # BL
    valid_password: bool  # CQ
    status: dict[str, bool] = field(default_factory=dict)
    name: str = ""  # AE
    email: str | None = None  # BE
    phone: str | None = None  # BF
    language: str | None = None  # the fixed language code, or a configured extension field
    expires_on: dt.date | None = None  # PA (an Evergreen/3M extension: YYYYMMDD)
    screen_message: str = ""  # AF

    @property
    def blocked(self) -> bool:
        return self.status.get("charge_privileges_denied", False) or self.status.get("card_reported_lost", False)


def read_patron_information(message: Message, language_field: str | None = None) -> PatronInformation:
    if message.code != "64":
        raise Sip2Error(f"expected a 64 Patron Information Response, got {message.code}")
    flags = message.fixed[:_STATUS]
    status = {name: flags[i:i + 1] == "Y" for i, name in enumerate(PATRON_STATUS_FLAGS)}
    language = message.get(language_field) if language_field else ""
    language = language or LANGUAGES.get(message.fixed[_STATUS: _STATUS + _LANGUAGE], "")
    expires = None
    if raw := message.get("PA").strip():
        try:
            expires = dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
        except ValueError:
            expires = None
    return PatronInformation(
        valid_patron=message.get("BL", "N") == "Y", valid_password=message.get("CQ", "N") == "Y", status=status,
        name=message.get("AE").strip(), email=message.get("BE").strip() or None,
        phone=message.get("BF").strip() or None, language=language or None, expires_on=expires,
        screen_message=message.get("AF"),
    )


class Sip2Client:
    """One connection to the ILS, reused for every request and opened again when it breaks.

    SIP2 is one request, one answer, in order, on a connection: requests wait their turn (a lock). Every exchange is
    bounded by `timeout_s`; any failure drops the connection, so the next request starts clean.
    """

    def __init__(self, host: str, port: int, *, timeout_s: float = 5.0, login_user: str | None = None,
                 login_password: str | None = None, location: str = "", institution: str = "",
                 language_field: str | None = None) -> None:
        self.host, self.port, self.timeout_s = host, port, timeout_s
        self.login_user, self.login_password, self.location = login_user, login_password, location
        self.institution, self.language_field = institution, language_field
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._sequence = 0
        self._lock: asyncio.Lock | None = None

    async def patron(self, card: str, pin: str, now: dt.datetime) -> PatronInformation:
        self._lock = self._lock or asyncio.Lock()
        async with self._lock:
            try:
                return await asyncio.wait_for(self._patron(card, pin, now), self.timeout_s)
            except (OSError, TimeoutError, asyncio.IncompleteReadError, Sip2Error) as exc:
                await self.close()
                raise Sip2Error(type(exc).__name__ if not isinstance(exc, Sip2Error) else str(exc)) from None

    async def _patron(self, card: str, pin: str, now: dt.datetime) -> PatronInformation:
        if self._writer is None or self._writer.is_closing():
            await self._connect()
        answer = await self._exchange(patron_information(card, pin, self.institution, now))
        return read_patron_information(answer, self.language_field)

    async def _connect(self) -> None:
        self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        if self.login_user:
            answer = await self._exchange(login(self.login_user, self.login_password or "", self.location))
            if answer.code != "94" or answer.fixed[:1] != "1":
                raise Sip2Error("the ILS refused Lantern's SIP2 login (check sip2_login_user / password)")

    async def _exchange(self, body: str) -> Message:
        assert self._reader is not None and self._writer is not None
        self._sequence = (self._sequence + 1) % 10
        self._writer.write(with_checksum(body, self._sequence).encode(ENCODING) + TERMINATOR)
        await self._writer.drain()
        raw = await self._reader.readuntil(TERMINATOR)
        answer = parse(raw.decode(ENCODING, errors="replace"))
        if answer.code == "96":  # Request SC Resend: the ILS saw a garbled message
            raise Sip2Error("the ILS asked for a resend")
        if answer.sequence is not None and answer.sequence != self._sequence:
            raise Sip2Error("the ILS answered out of sequence")
        return answer

    async def close(self) -> None:
        writer, self._reader, self._writer = self._writer, None, None
        if writer is not None:
            writer.close()
            try:
                await asyncio.wait_for(writer.wait_closed(), 1)
            except (OSError, TimeoutError):
                pass
