"""One way to paginate every list: `?limit=&cursor=` in, `{"items": [...], "next_cursor": ...}` out.

Cursors are opaque to callers (base64url of the sort key of the last item), so lists stay stable while rows
are added, unlike offsets.
"""

import base64
import json
from datetime import datetime
from typing import Any, Generic, TypeVar
from uuid import UUID

from fastapi import Query
from pydantic import BaseModel

from .refusals import invalid

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
CURSOR_PATTERN = r"^[A-Za-z0-9_-]*$"  # base64url without padding, which is all a cursor ever is
MAX_CURSOR_LENGTH = 512


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


class PageRequest(BaseModel):
    limit: int
    after: list[Any] | None  # the decoded sort key of the last item already seen


def encode_cursor(sort_key: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(sort_key, default=str).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[Any]:
    try:
        decoded = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, UnicodeDecodeError) as exc:
        raise invalid("cursor", "cursor is not one this API issued") from exc
    if not isinstance(decoded, list):
        raise invalid("cursor", "cursor is not one this API issued")
    return decoded


async def page_request(
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Items per page"),
    cursor: str | None = Query(None, description="`next_cursor` of the previous page, as it came (opaque: only a "
                                                 "cursor this list issued is accepted)",
                               pattern=CURSOR_PATTERN, max_length=MAX_CURSOR_LENGTH),
) -> PageRequest:
    """FastAPI dependency: `page: PageRequest = Depends(page_request)`."""
    return PageRequest(limit=limit, after=decode_cursor(cursor) if cursor else None)


def make_page(rows: list[T], limit: int, sort_key: Any) -> Page[T]:
    """Fetch `limit + 1` rows; this trims the extra one and turns its predecessor's key into the next cursor."""
    if len(rows) <= limit:
        return Page(items=rows, next_cursor=None)
    kept = rows[:limit]
    return Page(items=kept, next_cursor=encode_cursor(list(sort_key(kept[-1]))))


def keyset(page: PageRequest) -> tuple[datetime, UUID] | None:
    """The (time, id) a list ordered by a time and the id resumes after."""
    if not page.after:
        return None
    try:
        moment, ident = page.after
        return datetime.fromisoformat(moment), UUID(ident)
    except (ValueError, TypeError) as exc:
        raise invalid("cursor", "cursor is not one this API issued") from exc


def time_and_id(moment: datetime, ident: UUID) -> list[str]:
    """The sort key `keyset` reads back."""
    return [moment.isoformat(), str(ident)]
