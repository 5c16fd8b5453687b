"""Crypto-shredding: the personal fields of an event are sealed with a per-patron data key (AES-256-GCM) before the
event is written to the outbox, so every copy of it (outbox row, Kafka record on every topic, DLQ record, backup)
holds ciphertext. Erasure destroys the key: every copy becomes unreadable at once, wherever it is.

The keys live in one small database every service reaches (`keys_dsn`); see docs/privacy.md for the bound.
A contract names its personal fields (`EventContract.personal`, dotted paths into the data) and the field that names
whose data it is (`EventContract.data_subject`). A sealed value is the string `lantern-sealed:v1:<subject>:<b64>`;
readers open every such string they find, so consumers need no declaration of their own.
"""

import base64
import binascii
import os
from pathlib import Path
from typing import Any

import asyncpg
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .contracts import EventContract

PREFIX = "lantern-sealed:v1:"
KEYS_DATABASE = "datakeys"
KEYS_MIGRATIONS = Path(__file__).parent / "keys_migrations"
KEYS_OWNER = "registration"  # destroys keys at erasure, and migrates the store (`migrate`)

_GET = "SELECT key, destroyed_at FROM data_keys WHERE subject = $1"
_CREATE = "INSERT INTO data_keys (subject, key) VALUES ($1, $2) ON CONFLICT (subject) DO NOTHING"
_DESTROY = """
    INSERT INTO data_keys (subject, key, destroyed_at) VALUES ($1, NULL, now())
    ON CONFLICT (subject) DO UPDATE SET key = NULL, destroyed_at = coalesce(data_keys.destroyed_at, now())
"""


class Shredded(Exception):
    """The event carries personal data whose key was destroyed: its subject has been erased."""

    def __init__(self, subject: str) -> None:
        super().__init__(f"the data key of {subject} was destroyed (erased)")
        self.subject = subject


class KeyStore:
    """Per-subject data keys: created on first use, destroyed (the row keeps only `destroyed_at`) on erasure.

    No key is cached: a destroyed key cannot be used again by any process from the moment `destroy` commits."""

    def __init__(self, dsn: str | None) -> None:
        self.dsn = dsn
        self._pool: asyncpg.Pool | None = None

    async def _connection_pool(self) -> asyncpg.Pool:
        if self.dsn is None:
            raise RuntimeError("no key store configured (keys_dsn)")
        if self._pool is None:
            self._pool = await asyncpg.create_pool(self.dsn, min_size=0, max_size=4, command_timeout=30)
        return self._pool

    async def close(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await pool.close()

    async def key_for_sealing(self, subject: str) -> bytes:
        """The subject's key, made if it has none; `Shredded` if it was destroyed (nothing new is sealed then)."""
        pool = await self._connection_pool()
        async with pool.acquire() as conn:
            row = await conn.fetchrow(_GET, subject)
            if row is None:
                await conn.execute(_CREATE, subject, AESGCM.generate_key(bit_length=256))
                row = await conn.fetchrow(_GET, subject)
        if row["key"] is None:
            raise Shredded(subject)
        return bytes(row["key"])

    async def key_for_opening(self, subject: str) -> bytes:
        pool = await self._connection_pool()
        async with pool.acquire() as conn:
            row = await conn.fetchrow(_GET, subject)
        if row is None or row["key"] is None:
            raise Shredded(subject)
        return bytes(row["key"])

    async def destroy(self, subject: str) -> None:
        """Erasure: the key is gone for good (idempotent; a later sealing for this subject is refused)."""
        if self.dsn is None:
            return  # no store: nothing was sealed (unit tests), so nothing to destroy
        pool = await self._connection_pool()
        async with pool.acquire() as conn:
            await conn.execute(_DESTROY, subject)


def patron_subject(patron_id: object) -> str:
    return f"patron:{patron_id}"


def _seal_value(key: bytes, subject: str, value: str) -> str:
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, value.encode(), subject.encode())
    return f"{PREFIX}{subject}:{base64.b64encode(nonce + sealed).decode()}"


def _open_value(key: bytes, subject: str, token: str) -> str:
    raw = base64.b64decode(token)
    return AESGCM(key).decrypt(raw[:12], raw[12:], subject.encode()).decode()


def _paths(data: Any, path: list[str]) -> list[tuple[dict[str, Any], str]]:
    """The (container, name) pairs a dotted path reaches; a list on the way is entered element by element."""
    if isinstance(data, list):
        return [hit for item in data for hit in _paths(item, path)]
    if not isinstance(data, dict) or not path:
        return []
    head, rest = path[0], path[1:]
    if not rest:
        return [(data, head)] if head in data else []
    return _paths(data.get(head), rest)


async def seal(keys: KeyStore, contract: EventContract[Any], data: dict[str, Any]) -> dict[str, Any]:
    """The event data with its declared personal fields sealed under its subject's key (a copy; nulls stay null)."""
    if not contract.personal:
        return data
    subject_id = data.get(contract.data_subject)
    if subject_id is None:
        return data
    subject = patron_subject(subject_id)
    key = await keys.key_for_sealing(subject)
    sealed = _deep_copy(data)
    for dotted in contract.personal:
        for container, name in _paths(sealed, dotted.split(".")):
            value = container.get(name)
            if isinstance(value, str):
                container[name] = _seal_value(key, subject, value)
    return sealed


async def open_sealed(keys: KeyStore, data: Any) -> Any:
    """The data with every sealed value opened; `Shredded` if a key was destroyed."""
    found: dict[str, bytes] = {}

    async def walk(value: Any) -> Any:
        if isinstance(value, str) and value.startswith(PREFIX):
            subject, _, token = value[len(PREFIX):].rpartition(":")
            if subject not in found:
                found[subject] = await keys.key_for_opening(subject)
            try:
                return _open_value(found[subject], subject, token)
            except (InvalidTag, ValueError, binascii.Error) as exc:
                raise ValueError(f"a sealed value of {subject} does not open") from exc
        if isinstance(value, dict):
            return {k: await walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [await walk(v) for v in value]
        return value

    return await walk(data)


def is_sealed(data: Any) -> bool:
    if isinstance(data, str):
        return data.startswith(PREFIX)
    if isinstance(data, dict):
        return any(is_sealed(v) for v in data.values())
    if isinstance(data, list):
        return any(is_sealed(v) for v in data)
    return False


def _deep_copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _deep_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep_copy(v) for v in value]
    return value
