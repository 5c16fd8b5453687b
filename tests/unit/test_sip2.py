"""The SIP2 codec against the 3M SIP2 2.00 developer's guide examples, and the client against a SIP2 server on TCP."""

import asyncio
import datetime as dt

import pytest

from lantern_devstack.ils_standin import DEMO_CARDS, Standin
from lantern_edge import sip2

NOW = dt.datetime(2026, 12, 4, 17, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize("message", [
    "990 402.00AY1AZFCB4",  # SC Status, the guide's worked checksum example
    "9900401.00AY1AZFCA5",
])
def test_published_messages_carry_the_checksum_we_compute(message):
    assert sip2.checksum_ok(message)
    assert sip2.with_checksum(message[:-9], int(message[-7])) == message


def test_a_changed_character_fails_the_checksum():
    assert not sip2.checksum_ok("990 402.01AY1AZFCB4")
    with pytest.raises(sip2.Sip2Error):
        sip2.parse("990 402.01AY1AZFCB4")


def test_a_login_message_has_the_fields_in_the_order_the_protocol_gives():
    assert sip2.login("LoginUserID", "LoginPassword", "LocationCode") == \
        "9300CNLoginUserID|COLoginPassword|CPLocationCode|"


def test_a_patron_information_request_carries_language_date_summary_and_the_pin():
    message = sip2.patron_information("21000000000001", "1234", "LIB", NOW)
    assert message.startswith("63001" + "20261204   Z170000" + " " * 10)
    parsed = sip2.parse(sip2.with_checksum(message, 3))
    assert parsed.get("AA") == "21000000000001" and parsed.get("AD") == "1234" and parsed.get("AO") == "LIB"
    assert parsed.sequence == 3


def test_a_field_cannot_smuggle_a_delimiter():
    with pytest.raises(ValueError):
        sip2.patron_information("2100|AD0000", "1234", "LIB", NOW)


def test_a_patron_information_response_is_read_field_by_field():
    status = "Y   Y         "  # charge privileges denied, card reported lost
    raw = (f"64{status}008{'20261204    170000'}{'0001' * 6}AOLIB|AA21000000000009|AEAna Pérez|BLY|CQY|"
           "BEana@example.org|BF+1 206 555 0101|PA20270131|AFSee a librarian|ASitem-1|ASitem-2|")
    info = sip2.read_patron_information(sip2.parse(sip2.with_checksum(raw, 1)))
    assert info.valid_patron and info.valid_password and info.blocked
    assert info.status["charge_privileges_denied"] and info.status["card_reported_lost"]
    assert not info.status["renewal_privileges_denied"]
    assert (info.name, info.email, info.phone, info.language) == ("Ana Pérez", "ana@example.org", "+1 206 555 0101", "es")
    assert info.expires_on == dt.date(2027, 1, 31) and info.screen_message == "See a librarian"


def test_an_unknown_card_is_not_a_valid_patron():
    raw = f"64{' ' * 14}000{'20261204    170000'}{'0000' * 6}AOLIB|AA1|AE|BLN|"
    info = sip2.read_patron_information(sip2.parse(raw))
    assert not info.valid_patron and not info.valid_password and info.language is None


@pytest.fixture
async def ils():
    standin = Standin(DEMO_CARDS, ("lantern", "secret"))
    connections = []

    async def serve(reader, writer):
        connections.append(writer)
        await standin.serve(reader, writer)

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    yield port, connections
    server.close()


async def test_the_client_logs_in_once_and_reuses_its_connection(ils):
    port, connections = ils
    client = sip2.Sip2Client("127.0.0.1", port, login_user="lantern", login_password="secret", language_field="XL")
    ana = await client.patron("21000000000001", "1234", NOW)
    lan = await client.patron("21000000000002", "0000", NOW)
    assert ana.valid_patron and ana.valid_password and ana.name == "Ana Pérez" and ana.language == "es"
    assert lan.valid_patron and not lan.valid_password and lan.language == "vi"
    assert len(connections) == 1
    await client.close()


async def test_a_refused_login_is_an_error_not_a_wrong_pin(ils):
    port, _ = ils
    client = sip2.Sip2Client("127.0.0.1", port, login_user="lantern", login_password="wrong")
    with pytest.raises(sip2.Sip2Error, match="login"):
        await client.patron("21000000000001", "1234", NOW)


async def test_a_silent_ils_is_an_error_within_the_timeout(ils):
    port, _ = ils
    client = sip2.Sip2Client("127.0.0.1", port, timeout_s=0.3, login_user="lantern", login_password="secret")
    started = asyncio.get_running_loop().time()
    with pytest.raises(sip2.Sip2Error):
        await client.patron("21000000000099", "9999", NOW)
    assert asyncio.get_running_loop().time() - started < 1
    assert (await client.patron("21000000000001", "1234", NOW)).valid_password  # a fresh connection afterwards


async def test_an_unreachable_ils_is_an_error():
    client = sip2.Sip2Client("127.0.0.1", 9, timeout_s=0.5)
    with pytest.raises(sip2.Sip2Error):
        await client.patron("21000000000001", "1234", NOW)
