"""A stand-in for the library's catalogue system (ILS) that speaks SIP2 over TCP, for the local stack and the tests.

As the SMTP sink stands in for a mail server: it answers 93 Login, 63 Patron Information and 99 SC Status the way
an ILS's SIP2 server does, for a handful of demo cards. Run: `python -m lantern_devstack.ils_standin --port 6001`.
"""

import argparse
import asyncio
import datetime as dt
import logging
import os
from dataclasses import dataclass

from lantern_edge.sip2 import LANGUAGE_CODES, PATRON_STATUS_FLAGS, field_text, parse, sip_date, with_checksum

log = logging.getLogger("ils-standin")
LANGUAGE_FIELD = "XL"  # our extension: the patron's language tag (SIP2 2.00's codes have no Vietnamese)


@dataclass(frozen=True)
class DemoCard:
    card: str
    pin: str
    name: str
    language: str
    email: str | None = None
    phone: str | None = None
    status: frozenset[str] = frozenset()
    expires_on: dt.date = dt.date(2099, 12, 31)
    note: str = ""


DEMO_CARDS = {c.card: c for c in (
    DemoCard("21000000000001", "1234", "Ana Pérez", "es", "ana.perez@example.org", "+1 206 555 0101",
             note="valid, Spanish, email and phone"),
    DemoCard("21000000000002", "2345", "Nguyễn Thị Lan", "vi", "lan.nguyen@example.org", note="valid, Vietnamese"),
    DemoCard("21000000000003", "3456", "Zhang Wei", "zh", phone="+1 206 555 0103", note="valid, Chinese, no email"),
    DemoCard("21000000000004", "4567", "Olga Ivanova", "ru", "olga.ivanova@example.org", note="valid, Russian"),
    DemoCard("21000000000005", "5678", "Sam Taylor", "en", note="valid, English, neither email nor phone"),
    DemoCard("21000000000006", "6789", "Blake Morgan", "en", "blake@example.org",
             status=frozenset({"charge_privileges_denied", "excessive_outstanding_fines"}), note="blocked"),
    DemoCard("21000000000007", "7890", "Eve Expired", "en", "eve@example.org", expires_on=dt.date(2020, 1, 31),
             note="expired"),
    DemoCard("21000000000099", "9999", "Slow Response", "en", note="the ILS never answers for it (timeouts)"),
)}


class Standin:
    def __init__(self, cards: dict[str, DemoCard], login: tuple[str, str] | None) -> None:
        self.cards, self.login = cards, login

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        logged_in = self.login is None
        try:
            while raw := await reader.readuntil(b"\r"):
                message = parse(raw.decode("utf-8", errors="replace"))
                sequence = message.sequence or 0
                if message.code == "93":
                    logged_in = self.login == (message.get("CN"), message.get("CO"))
                    answer = "94" + ("1" if logged_in else "0")
                elif message.code == "99":
                    answer = f"98YYYNYN010003{sip_date(dt.datetime.now(dt.UTC))}2.00" + field_text("AO", "LANTERN")
                elif message.code == "63" and logged_in:
                    card = self.cards.get(message.get("AA"))
                    if card is not None and card.card.endswith("99"):
                        await asyncio.sleep(3600)
                    answer = self.patron_information(message.get("AA"), message.get("AD"), card)
                else:
                    answer = "96"  # not logged in, or a message we do not know: ask for a resend
                writer.write(with_checksum(answer, sequence).encode("utf-8") + b"\r")
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        except Exception:  # noqa: BLE001 - a garbled message ends that connection, never the stand-in
            log.exception("could not answer")
        finally:
            writer.close()

    @staticmethod
    def patron_information(card_number: str, pin: str, card: DemoCard | None) -> str:
        flags = "".join("Y" if card and name in card.status else " " for name in PATRON_STATUS_FLAGS)
        language = LANGUAGE_CODES.get(card.language, "000") if card else "000"
        now = sip_date(dt.datetime.now(dt.UTC))
        fixed = f"64{flags}{language}{now}" + "0000" * 6
        if card is None:
            return fixed + field_text("AO", "LANTERN") + field_text("AA", card_number) + field_text("AE", "") \
                + field_text("BL", "N") + field_text("CQ", "N")
        fields = [("AO", "LANTERN"), ("AA", card.card), ("AE", card.name), ("BL", "Y"),
                  ("CQ", "Y" if pin == card.pin else "N"), ("PA", card.expires_on.strftime("%Y%m%d")),
                  (LANGUAGE_FIELD, card.language)]
        fields += [("BE", card.email)] if card.email else []
        fields += [("BF", card.phone)] if card.phone else []
        if card.status:
            fields.append(("AF", "Please see a librarian about your account."))
        return fixed + "".join(field_text(code, value) for code, value in fields)


async def main(host: str, port: int, login: tuple[str, str] | None) -> None:
    standin = Standin(DEMO_CARDS, login)
    server = await asyncio.start_server(standin.serve, host, port)
    log.info("ILS stand-in speaking SIP2 on %s:%s (%d demo cards)", host, port, len(DEMO_CARDS))
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=6001)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    # USER:PASSWORD a 93 Login must send first, from the environment (never on a command line); unset: no login.
    login = os.environ.get("LANTERN_ILS_STANDIN_LOGIN", "")
    user, _, password = login.partition(":")
    asyncio.run(main(args.host, args.port, (user, password) if login else None))
