"""Server-side sessions: an HttpOnly, SameSite=Lax cookie names a row in the web app's own database.

The cookie carries only a random token; the database keeps its SHA-256, so a copy of the table signs no one in.
Tokens the edge and the identity provider issue stay here, never in the browser.
"""

import hashlib
import json
import secrets
import time
from pathlib import Path
from typing import Any, Protocol

import asyncpg
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "lantern_session"
MIGRATIONS = Path(__file__).parent / "migrations"


class Store(Protocol):
    async def load(self, token: str) -> dict[str, Any] | None: ...
    async def save(self, token: str, data: dict[str, Any], ttl_s: int) -> None: ...
    async def delete(self, token: str) -> None: ...


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class PostgresStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    @staticmethod
    async def migrate(pool: asyncpg.Pool) -> None:
        async with pool.acquire() as conn:
            for path in sorted(MIGRATIONS.glob("*.sql")):
                await conn.execute(path.read_text())

    async def load(self, token: str) -> dict[str, Any] | None:
        row = await self.pool.fetchval(
            "SELECT data FROM web_sessions WHERE token_hash = $1 AND expires_at > now()", _hash(token))
        return json.loads(row) if row else None

    async def save(self, token: str, data: dict[str, Any], ttl_s: int) -> None:
        await self.pool.execute(
            "INSERT INTO web_sessions (token_hash, data, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))"
            " ON CONFLICT (token_hash) DO UPDATE SET data = EXCLUDED.data, expires_at = EXCLUDED.expires_at",
            _hash(token), json.dumps(data), float(ttl_s))

    async def delete(self, token: str) -> None:
        await self.pool.execute("DELETE FROM web_sessions WHERE token_hash = $1", _hash(token))

    async def purge(self) -> None:
        await self.pool.execute("DELETE FROM web_sessions WHERE expires_at < now()")


class MemoryStore:
    """For unit tests and a database-less try-out: sessions end with the process."""

    def __init__(self) -> None:
        self.rows: dict[str, tuple[float, dict[str, Any]]] = {}

    async def load(self, token: str) -> dict[str, Any] | None:
        expires, data = self.rows.get(_hash(token), (0.0, {}))
        return json.loads(json.dumps(data)) if expires > time.time() else None

    async def save(self, token: str, data: dict[str, Any], ttl_s: int) -> None:
        self.rows[_hash(token)] = (time.time() + ttl_s, json.loads(json.dumps(data)))

    async def delete(self, token: str) -> None:
        self.rows.pop(_hash(token), None)


class SessionMiddleware:
    """Loads `scope["session"]` (what Starlette's `request.session` reads), saves it when it changed.

    `session["_rotate"] = True` (set on sign-in and sign-out) issues a new token, so a token seen before signing in
    is worth nothing after.
    """

    def __init__(self, app: ASGIApp, store: Store, ttl_s: int, secure: bool) -> None:
        self.app, self.store, self.ttl_s, self.secure = app, store, ttl_s, secure

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)
            return
        token = HTTPConnection(scope).cookies.get(COOKIE)
        data = await self.store.load(token) if token else None
        scope["session"] = dict(data or {})
        before = json.dumps(data or {}, sort_keys=True)

        async def send_with_cookie(message: Message) -> None:
            nonlocal token
            if message["type"] == "http.response.start":
                session = scope["session"]
                rotate = session.pop("_rotate", False)
                if json.dumps(session, sort_keys=True) != before or rotate:
                    if token and rotate:
                        await self.store.delete(token)
                    if not token or rotate:
                        token = secrets.token_urlsafe(32)
                    await self.store.save(token, session, self.ttl_s)
                    headers = list(message.get("headers", []))
                    headers.append((b"set-cookie", self.cookie(token).encode()))
                    message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_cookie)

    def cookie(self, token: str) -> str:
        parts = [f"{COOKIE}={token}", "Path=/", "HttpOnly", "SameSite=Lax", f"Max-Age={self.ttl_s}"]
        return "; ".join([*parts, "Secure"] if self.secure else parts)
