"""Every Kafka service keeps the one agreed shape, so a newcomer who has read one service knows them all."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ["registration", "devices", "partners", "notifications"]
MODULES = ["app.py", "settings.py", "deps.py", "events.py", "consumers.py", "metrics.py", "errors.py"]
PACKAGES = ["domain", "store", "handlers", "api"]
LARGEST_LINES = 300


def package(service: str) -> Path:
    return ROOT / "services" / service / f"lantern_{service}"


@pytest.mark.parametrize("service", SERVICES)
def test_a_service_has_the_agreed_modules_and_packages(service):
    root = package(service)
    assert [m for m in MODULES if not (root / m).is_file()] == []
    assert [p for p in PACKAGES if not (root / p / "__init__.py").is_file()] == []
    assert (root / "migrations").is_dir()
    for name in PACKAGES:
        assert len(list((root / name).glob("*.py"))) >= 2, f"{service}/{name} holds its aggregates' modules"


@pytest.mark.parametrize("service", SERVICES)
def test_package_inits_are_not_re_export_facades(service):
    """`__init__.py` of domain/store/handlers may hold nothing but a docstring; api's holds the list of routers."""
    for name in ["domain", "store", "handlers"]:
        tree = ast.parse((package(service) / name / "__init__.py").read_text())
        body = [n for n in tree.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
        assert body == [], f"{service}/{name}/__init__.py re-exports or defines things"


@pytest.mark.parametrize("service", SERVICES)
def test_nothing_below_the_api_layer_speaks_http(service):
    root = package(service)
    offenders = []
    for name in ["domain", "store", "handlers"]:
        for path in (root / name).glob("*.py"):
            tree = ast.parse(path.read_text())
            for node in ast.walk(tree):
                module = node.module if isinstance(node, ast.ImportFrom) else None
                names = [a.name for a in node.names] if isinstance(node, (ast.Import, ast.ImportFrom)) else []
                if (module or "").split(".")[0] in {"fastapi", "starlette"} or \
                        any(n.split(".")[0] in {"fastapi", "starlette"} for n in names if isinstance(node, ast.Import)) or \
                        (module == "lantern_shared.problems"):
                    offenders.append(f"{path.relative_to(root)}:{node.lineno}")
    assert offenders == []


@pytest.mark.parametrize("service", SERVICES)
def test_no_module_is_too_big_to_hold_in_mind(service):
    sizes = {str(p.relative_to(package(service))): len(p.read_text().splitlines())
             for p in package(service).rglob("*.py")}
    assert {p: n for p, n in sizes.items() if n > LARGEST_LINES} == {}


@pytest.mark.parametrize("service", SERVICES)
def test_routes_reach_their_dependencies_one_way(service):
    """Routes take the one Deps object (`deps: Needs`); no route reads app.state or the runtime itself."""
    for path in (package(service) / "api").glob("*.py"):
        text = path.read_text()
        assert "app.state" not in text and "request.app" not in text, path.name
