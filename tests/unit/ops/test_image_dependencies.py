"""Each service's container image holds only what uv.lock resolves for that service's own package
(`uv sync --package lantern-<service>` in the Dockerfile), not the whole workspace the tests run in. A library a
service imports but does not declare works in the workspace (another service brings it) and crashes the image at
start. This checks every third-party import of a service against `uv export --package lantern-<service>`."""

import ast
import importlib.metadata
import re
import shutil
import subprocess
import sys

import pytest

from ._ops import REPO, SERVICES

UV = shutil.which("uv")


def _locked_distributions(service: str) -> set[str]:
    done = subprocess.run([UV, "export", "--package", f"lantern-{service}", "--no-dev", "--frozen", "--no-hashes",
                           "--no-emit-workspace"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    names = set()
    for line in done.stdout.splitlines():
        m = re.match(r"^([A-Za-z0-9_.\-]+)(\[[^\]]*\])?==", line)
        if m:
            names.add(_normal(m.group(1)))
    return names


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _sources(service: str):
    roots = [REPO / "services" / service / f"lantern_{service}", REPO / "shared" / "lantern_shared"]
    for root in roots:
        yield from root.rglob("*.py")


def _needed_distributions(service: str) -> dict[str, str]:
    """distribution -> a file that needs it (third-party imports, and pydantic's optional email-validator)."""
    module_to_dist = importlib.metadata.packages_distributions()
    stdlib = set(sys.stdlib_module_names)
    needed: dict[str, str] = {}
    for path in _sources(service):
        text = path.read_text()
        tree = ast.parse(text)
        modules = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
        for module in modules - stdlib:
            if module.startswith("lantern_") or module == "__future__":
                continue
            for dist in module_to_dist.get(module, []):
                needed.setdefault(_normal(dist), str(path.relative_to(REPO)))
        if re.search(r"\bEmailStr\b|\bNameEmail\b", text):
            needed.setdefault("email-validator", str(path.relative_to(REPO)))
    return needed


@pytest.mark.skipif(UV is None, reason="uv not on PATH")
@pytest.mark.parametrize("service", SERVICES)
def test_every_import_of_a_service_is_in_its_locked_dependencies(service):
    locked = _locked_distributions(service)
    missing = {dist: where for dist, where in _needed_distributions(service).items() if dist not in locked}
    assert not missing, (f"lantern-{service}'s image would lack {sorted(missing)} (needed by {missing}); "
                         f"declare them in services/{service}/pyproject.toml and run uv lock")
