"""After every end-to-end flow has run (this module sorts last), no service log holds a contact detail."""

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"\+\d[\d ()\-]{7,}\d|\(?\b\d{3}\)?[ \-]\d{3}[ \-]\d{4}\b")  # +1 206 555 0100, (206) 555-0100
NOT_PERSONAL = {"outreach-staff@library.invalid", "outreach@library.invalid"}  # the library's own addresses


def test_no_service_log_contains_an_email_address_or_phone_number(services):
    leaks = []
    for log in sorted(services.logs_dir.glob("*.log")):
        if log.stem == "mail-sink":
            continue  # the local SMTP sink's own log, standing in for a mail server
        for number, line in enumerate(log.read_text(errors="replace").splitlines(), 1):
            for found in EMAIL.findall(line):
                if found not in NOT_PERSONAL:
                    leaks.append(f"{log.name}:{number}: an email address")
            if PHONE.search(line):
                leaks.append(f"{log.name}:{number}: a phone number")
    assert not leaks, "\n".join(leaks[:20])
    assert list(services.logs_dir.glob("*.log")), "the e2e run wrote logs"


def test_the_scan_would_see_a_leak():
    assert EMAIL.search('"message": "sent to ana@example.org"') and PHONE.search("call +1 206 555 0100")
    assert not PHONE.search('"offset_s": 583199.940753, "time": "2026-11-22T09:41:43.294+00:00"')
