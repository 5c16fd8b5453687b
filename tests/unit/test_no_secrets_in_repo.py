"""No secret in the repository: every tracked file is scanned for private keys, well-known token shapes and
passwords written into configuration or code. What looks like a secret and is not (a header's name, a demo realm's
local-only value) is excused in security/allowlist.toml with a reason and an end date. The running stack's logs
and error bodies are scanned for its generated secrets in tests/e2e/test_secrets_stay_secret.py."""

import datetime
import re
import subprocess
import tomllib

import pytest

from tests.support import REPO

PATTERNS = {
    "private key": re.compile(r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"),
    "AWS access key": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b|\bgithub_pat_[A-Za-z0-9_]{40,}\b"),
    "Slack token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
    "Google API key": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    "Stripe live key": re.compile(r"\b[sr]k_live_[0-9a-zA-Z]{20,}"),
    "Twilio key": re.compile(r"\bSK[0-9a-fA-F]{32}\b"),
    "signed JWT": re.compile(r"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}"),
}
# Broader rules, for everything but the tests (whose made-up credentials for fakes and scratch roles are not secrets;
# the shapes above still apply to them)
GENERIC = {
    "URL with a password": re.compile(r"\b[a-z][a-z0-9+.-]*://[^/\s:@'\"]+:(?!\$\{|\{|CHANGE-ME|\*+@)[^@/\s'\"]{6,}@"),
}
# key = "literal" (or key: literal) where the key names a secret and the value is not a reference or placeholder;
# in code only a quoted literal counts (an unquoted value there is a variable or a type)
_KEY = r"""["']?\b[a-z_.-]*(?:password|passwd|secret|token|api[_-]?key|private[_-]?key)\b["']?\s*[:=]\s*"""
_NOT_A_VALUE = r"""(?!\$\{|\$\(|\{\{|CHANGE-ME|<|%\()"""
CONFIG_ASSIGNMENT = re.compile(rf"""(?i){_KEY}["']?{_NOT_A_VALUE}[A-Za-z0-9+/_.~!@#%^&*-]{{8,}}["']?\s*(?:[#,}}]|$)""")
CODE_ASSIGNMENT = re.compile(rf"""(?i){_KEY}(?:[rbf]?)["']{_NOT_A_VALUE}[A-Za-z0-9+/_.~!@#%^&*-]{{8,}}["']""")
BINARY_SUFFIXES = {".png", ".jpg", ".gif", ".ico", ".woff", ".woff2", ".pdf", ".zip", ".gz"}


def _tracked() -> list[str]:
    done = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True, timeout=60)
    return [p for p in done.stdout.decode().split("\0") if p]


def _allowlist() -> list[dict]:
    entries = tomllib.loads((REPO / "security" / "allowlist.toml").read_text()).get("secret", [])
    for entry in entries:
        assert entry.get("reason") and entry.get("added"), entry
        assert entry["until"] >= datetime.date.today(), f"allowlist entry for {entry['path']} expired on {entry['until']}"
    return entries


def scan(path: str, text: str) -> list[tuple[str, int, str]]:
    assignment = CODE_ASSIGNMENT if path.endswith((".py", ".go", ".js", ".ts")) else CONFIG_ASSIGNMENT
    rules = list(PATTERNS.items())
    if not path.startswith("tests/"):
        rules += [*GENERIC.items(), ("password or token in config", assignment)]
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        for name, pattern in rules:
            if pattern.search(line):
                found.append((name, number, line.strip()))
    return found


def test_no_tracked_file_holds_a_secret():
    allowed = _allowlist()
    used = set()
    findings = []
    for path in _tracked():
        full = REPO / path
        if full.suffix in BINARY_SUFFIXES or not full.is_file():
            continue
        try:
            text = full.read_text()
        except UnicodeDecodeError:
            continue
        for name, number, line in scan(path, text):
            excuse = next((i for i, e in enumerate(allowed) if e["path"] == path and e["match"] in line), None)
            if excuse is None:
                findings.append(f"{path}:{number}: {name}: {line[:160]}")
            else:
                used.add(excuse)
    assert findings == [], "secrets in tracked files: remove them (or allowlist what is not a secret, with a reason)"
    stale = [allowed[i]["path"] for i in range(len(allowed)) if i not in used]
    assert stale == [], f"allowlist entries that match nothing any more (remove them): {stale}"


# the samples are assembled here so that this file does not hold what it looks for
KEY = "PRIVATE" + " KEY"


@pytest.mark.parametrize("line", [
    f"-----BEGIN EC {KEY}-----",
    f"-----BEGIN {KEY}-----",
    "aws_key = AKIA" + "IOSFODNN7EXAMPLE",
    "smtp_password: hunter2hunter2",
    'LANTERN_EDGE_JWT_SECRET="0123456789abcdef0123"',
    "dsn = postgresql://lantern:s3cretpass@db.example.org/lantern",
    '"client_secret": "f1b2c3d4e5f6a7b8"',
    "token=ghp_" + "a" * 36,
])
def test_the_scan_finds_what_it_is_for(line):
    assert scan("example", line), line


@pytest.mark.parametrize("line", [
    "LANTERN_EDGE_DB_PASSWORD: ${EDGE_DB_PASSWORD:?set EDGE_DB_PASSWORD in .env}",
    "  internal-token: CHANGE-ME   # the edge's credential",
    "password = self._password()",
    "dsn = f'postgresql://{user}:{password}@{host}/{db}'",
    "KAFKA_REGISTRATION_PASSWORD=",
])
def test_references_and_placeholders_are_not_secrets(line):
    assert scan("example", line) == [], line
    assert scan("example.py", line) == [], line


@pytest.mark.parametrize("line", ["db_password: SecretStr", "settings = S(db_password=password, token=token_value)"])
def test_in_code_only_literals_count(line):
    assert scan("example.py", line) == []
    assert scan("example.py", line.replace("password", "password='a-real-password'")), "a literal is found"
