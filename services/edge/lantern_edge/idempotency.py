"""Idempotency-Key on POST: a retried request gets the first response and creates nothing new.

The key is scoped to the caller. The same key with a different request is refused; a retry that arrives while
the first is still being handled is told to wait. A first attempt that the service answered with a server error
(its transaction rolled back) is forgotten, so the retry can try again; one whose outcome is unknown (sent, then a
timeout or a lost connection) is kept and replayed, because trying again could apply it twice.
"""

import hashlib
import json

import asyncpg
from fastapi import Response

from lantern_shared.problems import Problem

MAX_KEY_LENGTH = 255


class IdempotencyKeys:
    def __init__(self, pool: asyncpg.Pool, ttl_s: int) -> None:
        self.pool = pool
        self.ttl_s = ttl_s

    @staticmethod
    def fingerprint(method: str, path: str, query: str, body: bytes) -> str:
        return hashlib.sha256(b"\0".join([method.encode(), path.encode(), query.encode(), body])).hexdigest()

    async def claim(self, principal: str, key: str, method: str, path: str, fingerprint: str) -> Response | None:
        """None: this request is the first with the key and goes ahead. A Response: the first one's, replayed."""
        if not key or len(key) > MAX_KEY_LENGTH:
            raise Problem(422, "Invalid request", f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} characters.",
                          type="urn:lantern:problem:validation",
                          errors=[{"field": "Idempotency-Key", "message": "invalid length"}])
        async with self.pool.acquire() as conn:
            claimed = await conn.fetchval(
                """INSERT INTO idempotency_keys (principal, key, method, path, body_hash, state)
                   VALUES ($1, $2, $3, $4, $5, 'in_progress')
                   ON CONFLICT (principal, key) DO UPDATE SET state = 'in_progress', body_hash = EXCLUDED.body_hash,
                       method = EXCLUDED.method, path = EXCLUDED.path, created_at = now(), status = NULL,
                       headers = NULL, body = NULL
                   WHERE idempotency_keys.created_at < now() - make_interval(secs => $6)
                   RETURNING true""",
                principal, key, method, path, fingerprint, self.ttl_s,
            )
            if claimed:
                return None
            first = await conn.fetchrow(
                "SELECT body_hash, state, status, headers, body FROM idempotency_keys WHERE principal = $1 AND key = $2",
                principal, key,
            )
        if first is None:  # released between our insert and read: a rare race; ask for a retry
            raise Problem(409, "Conflict", "Retry the request.", type="urn:lantern:problem:idempotency-in-progress")
        if first["body_hash"] != fingerprint:
            raise Problem(
                422, "Idempotency-Key reused",
                "This Idempotency-Key was already used for a different request; use a new key for a new request.",
                type="urn:lantern:problem:idempotency-key-reused",
            )
        if first["state"] == "in_progress":
            raise Problem(409, "Request in progress", "A request with this Idempotency-Key is still being handled.",
                          type="urn:lantern:problem:idempotency-in-progress")
        headers = json.loads(first["headers"]) if first["headers"] else {}
        headers["Idempotent-Replayed"] = "true"
        return Response(first["body"], status_code=first["status"], headers=headers)

    async def complete(self, principal: str, key: str, response: Response, *, outcome_unknown: bool = False) -> None:
        if response.status_code >= 500 and not outcome_unknown:
            await self.release(principal, key)
            return
        headers = {k: v for k, v in response.headers.items() if k.lower() in {"content-type", "location"}}
        async with self.pool.acquire() as conn:
            await conn.execute(
                """UPDATE idempotency_keys SET state = 'completed', status = $3, headers = $4, body = $5
                   WHERE principal = $1 AND key = $2""",
                principal, key, response.status_code, json.dumps(headers), bytes(response.body),
            )

    async def release(self, principal: str, key: str) -> None:
        async with self.pool.acquire() as conn:
            await conn.execute("DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2", principal, key)

    async def purge(self) -> int:
        async with self.pool.acquire() as conn:
            deleted = await conn.execute(
                "DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(secs => $1)", self.ttl_s
            )
        return int(deleted.split()[-1])
