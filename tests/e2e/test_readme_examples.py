"""The README's shell examples (the "Try it" call and the short tour) run as written against the test stack: every
call succeeds and every id they capture is real, so the examples cannot rot (issue 13, item 8).

Only two things are substituted: the dev edge's address becomes the test stack's, and `uv run lantern-stack token`
mints with the test stack's secret. `curl` fails on any 4xx/5xx answer and `jq` on a null, so a call that is refused
or an id that is missing stops the script and names itself.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parents[2]
README = REPO / "README.md"
DEV_EDGE = "http://127.0.0.1:8000/api/v1"
TOKEN_COMMAND = "uv run lantern-stack token"
PREAMBLE = """set -euo pipefail
curl() { command curl --fail-with-body --show-error -s "$@"; echo; }
jq() { command jq -e "$@"; }
"""


def shell_example(after: str) -> str:
    """The first ```sh block after the line that starts with `after`."""
    text = README.read_text()
    start = text.index(after)
    block = re.search(r"```sh\n(.*?)```", text[start:], re.S)
    assert block, f"no shell example after {after!r}"
    return block.group(1)


def runnable(script: str, edge: str) -> str:
    assert DEV_EDGE in script and TOKEN_COMMAND in script
    return PREAMBLE + script.replace(DEV_EDGE, f"{edge}/api/v1").replace(
        TOKEN_COMMAND, f"{sys.executable} -m tests.e2e.readme_token")


def run(script: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=120, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)})


pytestmark = pytest.mark.skipif(not (shutil.which("curl") and shutil.which("jq")), reason="needs curl and jq")

UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def test_the_try_it_call_enrolls_a_patron(services):
    answer = run(runnable(shell_example("Try it:"), services.config.url("edge")))
    assert answer.returncode == 0, f"{answer.stdout}\n{answer.stderr}"
    assert re.search(rf'"id":\s*"{UUID}"', answer.stdout), answer.stdout


def test_the_short_tour_runs_call_by_call(services):
    tour = runnable(shell_example("### A short tour of the API"), services.config.url("edge"))
    answer = run(tour + '\necho "ids: P=$P S=$S LAN=$LAN"\n')
    assert answer.returncode == 0, f"a call in the tour failed:\n{answer.stdout}\n{answer.stderr}"
    ids = re.search(r"ids: P=(\S+) S=(\S+) LAN=(\S+)", answer.stdout)
    assert ids and all(re.fullmatch(UUID, value) for value in ids.groups()), answer.stdout
