"""Schemathesis against the edge's public OpenAPI, as an admin (every operation): no server error, no response
outside the documented schema, no undocumented status code.

Bounded (LANTERN_FUZZ_EXAMPLES per operation, fixed seed) to stay quick in the test command; raise it for a
deeper run: `LANTERN_FUZZ_EXAMPLES=100 make test PYTEST_ARGS="tests/e2e/test_fuzz.py"`.
"""

import os
import re
import shutil
import subprocess
import sys

EXAMPLES = os.environ.get("LANTERN_FUZZ_EXAMPLES", "5")
CHECKS = "not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance"


def test_the_edge_answers_generated_requests_without_server_errors_and_within_its_schema(services, caller, tmp_path):
    token = caller.headers("admin", ttl_s=3600)["Authorization"]
    command = [
        shutil.which("schemathesis") or sys.executable, *([] if shutil.which("schemathesis") else ["-m", "schemathesis.cli"]),
        "run", f"{services.config.url('edge')}/api/v1/openapi.json",
        "--header", f"Authorization: {token}", "--max-examples", EXAMPLES, "--seed", "20261122",
        "--phases", "examples,coverage,fuzzing", "--checks", CHECKS, "--request-timeout", "20",
        "--report", "junit", "--report-junit-path", str(tmp_path / "fuzz.xml"), "--no-color",
    ]
    run = subprocess.run(command, capture_output=True, text=True, timeout=900, env={**os.environ, "NO_COLOR": "1"})
    summary = re.search(r"(\d+) generated", run.stdout)
    assert run.returncode == 0, run.stdout[-6000:]
    assert summary and int(summary.group(1)) > 500, f"too few cases ran:\n{run.stdout[-2000:]}"
    print(f"schemathesis: {summary.group(0)} test cases, no failures")
