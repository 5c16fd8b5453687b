"""The WHERE clause of the list queries (devices, loans, holds, reservations) and their keyset page."""

from datetime import datetime
from typing import Any
from uuid import UUID


class Filter:
    """Builds a WHERE clause from optional conditions, numbering parameters as it goes."""

    def __init__(self) -> None:
        self.conditions: list[str] = []
        self.args: list[Any] = []

    def add(self, condition: str, *values: Any) -> None:
        # `condition` uses {} for each value's placeholder.
        placeholders = []
        for value in values:
            self.args.append(value)
            placeholders.append(f"${len(self.args)}")
        self.conditions.append(condition.format(*placeholders))

    def after(self, cursor: list[Any] | None, table: str = "") -> None:
        if cursor:
            prefix = f"{table}." if table else ""
            self.add(f"({prefix}created_at, {prefix}id) > ({{}}::timestamptz, {{}}::uuid)",
                     datetime.fromisoformat(cursor[0]), UUID(cursor[1]))

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.conditions)) if self.conditions else ""

    def limit(self, limit: int) -> str:
        self.args.append(limit + 1)
        return f"LIMIT ${len(self.args)}"
