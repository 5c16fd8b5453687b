"""The web app as a process of the local stack: its own port (http_base_port + 50) and its own session database."""

import json
import secrets
import time
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from .stack import Stack

WEB = "web"
OIDC_CLIENT_SECRET = "lantern-web-local-only-secret"  # the local demo realm's (deploy/keycloak); never a real one


def web_port(stack: "Stack") -> int:
    return stack.config.http_base_port + 50


def web_url(stack: "Stack") -> str:
    return f"http://127.0.0.1:{web_port(stack)}"


def db_password(stack: "Stack") -> str:
    """Generated once beside the stack's other secrets (added to a secrets file written before the web app came)."""
    path = stack.config.state_dir / "secrets.json"
    known = stack.secrets
    if "web_db_password" not in known:
        known["web_db_password"] = secrets.token_urlsafe(18)
        path.write_text(json.dumps(known, indent=2))
    return str(known["web_db_password"])


def web_env(stack: "Stack") -> dict[str, str]:
    prefix = "LANTERN_WEB_"
    env = {
        f"{prefix}HTTP_HOST": "127.0.0.1", f"{prefix}HTTP_PORT": str(web_port(stack)),
        f"{prefix}PUBLIC_URL": web_url(stack), f"{prefix}EDGE_URL": stack.config.url("edge"),
        f"{prefix}DB_HOST": "127.0.0.1", f"{prefix}DB_PORT": str(stack.config.postgres_port),
        f"{prefix}DB_PASSWORD": db_password(stack),
        f"{prefix}SECURE_COOKIES": "false",  # plain HTTP on loopback; deployments keep the default (true)
        f"{prefix}OIDC_ISSUER": stack.keycloak.issuer, f"{prefix}OIDC_CLIENT_SECRET": OIDC_CLIENT_SECRET,
    }
    return env | {k: v for k, v in stack.config.extra_env.items() if k.startswith(prefix)}


def start_web(stack: "Stack", timeout: float = 60) -> int:
    """The web app, once its database exists; returns its pid when it answers."""
    stack.postgres.ensure_service_database(WEB, db_password(stack))
    pid = stack._spawn(WEB, ["-m", "lantern_web", "serve"], web_env(stack))
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(f"{web_url(stack)}/health/live", timeout=2).status_code == 200:
                return pid
        except httpx.HTTPError:
            pass
        if stack.service_pid(WEB) is None or time.monotonic() > deadline:
            raise RuntimeError(f"the web app did not start:\n{stack.log_tail(WEB)}")
        time.sleep(0.2)
