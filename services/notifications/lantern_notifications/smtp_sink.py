"""A local SMTP server that keeps every message it receives as a readable .eml file (for `make run`, never production).

    python -m lantern_notifications.smtp_sink --host 127.0.0.1 --port 1025 --maildir .state/dev/mail

Each message lands in the folder as `<UTC time>-<first recipient>-<n>.eml`; open it with any mail program, or read
the plain-text part with `python -m lantern_notifications.smtp_sink --show <file>`.
"""

import argparse
import asyncio
import email
import hashlib
import itertools
import logging
import signal
from datetime import UTC, datetime
from email.policy import default as default_policy
from pathlib import Path

from aiosmtpd.controller import Controller

log = logging.getLogger(__name__)


class Maildir:
    """aiosmtpd handler: writes each accepted message to a file, atomically (a reader never sees half a message)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self._counter = itertools.count(1)

    async def handle_DATA(self, _server, _session, envelope) -> str:  # noqa: N802 - aiosmtpd's hook name
        first = envelope.rcpt_tos[0] if envelope.rcpt_tos else "nobody"
        # Never the address itself in a file name or log line (docs/privacy.md): a hash finds one person's mail.
        safe = recipient_tag(first)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        path = self.folder / f"{stamp}-{safe}-{next(self._counter)}.eml"
        partial = path.with_suffix(".tmp")
        partial.write_bytes(envelope.original_content or envelope.content)
        partial.rename(path)
        log.info("stored %s", path.name)
        return "250 Message accepted for delivery"


def recipient_tag(address: str) -> str:
    """What names a recipient's stored mail: a short hash of the lower-cased address, never the address."""
    return hashlib.sha256(address.strip().lower().encode()).hexdigest()[:16]


def start(host: str, port: int, folder: Path) -> Controller:
    controller = Controller(Maildir(folder), hostname=host, port=port)
    controller.start()
    return controller


def show(path: Path) -> str:
    message = email.message_from_bytes(path.read_bytes(), policy=default_policy)
    body = message.get_body(("plain", "html"))
    return f"To: {message['To']}\nSubject: {message['Subject']}\n\n{body.get_content() if body else ''}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=1025)
    parser.add_argument("--maildir", type=Path, default=Path(".state/dev/mail"))
    parser.add_argument("--show", type=Path, help="print the subject and plain text of one stored message, then exit")
    args = parser.parse_args()
    if args.show:
        print(show(args.show))
        return
    logging.basicConfig(level=logging.INFO, format="%(asctime)s smtp-sink %(message)s")
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd narrates every connection at INFO
    controller = start(args.host, args.port, args.maildir)
    print(f"SMTP sink listening on {args.host}:{args.port}; mail is kept in {args.maildir.resolve()}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        loop.run_until_complete(stop.wait())
    finally:
        controller.stop()
        loop.close()


if __name__ == "__main__":
    main()
