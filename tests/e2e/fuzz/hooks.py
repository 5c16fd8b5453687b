"""Schemathesis hooks for the edge's fuzz run (loaded through `hooks` in schemathesis.toml)."""

import uuid

import schemathesis

HEADER = "Idempotency-Key"
MAX_LENGTH = 255


@schemathesis.hook
def before_call(context, case, kwargs):
    # An Idempotency-Key means "this is the same request as the first one under this key": a different request
    # under a used key is rightly refused (422, key reused). Generated keys repeat across cases ("0", "", the same
    # example, 255 zeros), so each schema-valid call gets its own: the generated key, cut to leave room for a
    # unique suffix, within the schema's 255 characters. Schema-violating cases are left exactly as generated
    # (they are refused either way, and editing them would blur what the case tests, e.g. a missing header).
    meta = getattr(case, "meta", None)
    if meta is None or not meta.generation.mode.is_positive:
        return
    headers = case.headers or {}
    for name, value in list(headers.items()):
        if name.lower() == HEADER.lower() and isinstance(value, str) and len(value) <= MAX_LENGTH:
            headers[name] = f"{value[:MAX_LENGTH - 33]}.{uuid.uuid4().hex}"
