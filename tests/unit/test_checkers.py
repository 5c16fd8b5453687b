"""The checkers run with the tests: ruff's rules and mypy's types hold over shared/, services/ and the dev stack.

Configured in pyproject.toml ([tool.ruff], [tool.mypy]); a `noqa` or `type: ignore` says why on its line."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *argv], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing():
    result = run("ruff", "check", "shared", "services", "deploy/local", "frontends/web", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing():
    result = run("mypy")
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr


def test_every_suppression_says_why():
    silent = []
    for path in [*ROOT.glob("shared/**/*.py"), *ROOT.glob("services/**/*.py"), *ROOT.glob("frontends/web/lantern_web/*.py"),
                 *ROOT.glob("frontends/web/lantern_web/areas/*.py")]:
        for number, line in enumerate(path.read_text().splitlines(), 1):
            marker = re.search(r"#\s*(noqa(: *[A-Z0-9, ]+)?|type: *ignore(\[[^\]]*\])?)(.*)$", line)
            if marker and not re.search(r"[A-Za-z]{3,}", marker.group(4) or ""):
                silent.append(f"{path.relative_to(ROOT)}:{number}")
    assert silent == []
