"""The service's sense of 'now', in the library's time zone; tests set it instead of waiting for real time."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo


class Clock:
    def __init__(self, timezone: str) -> None:
        self.zone = ZoneInfo(timezone)
        self._fixed: datetime | None = None

    def now(self) -> datetime:
        return (self._fixed or datetime.now(UTC)).astimezone(self.zone)

    def today(self) -> date:
        return self.now().date()

    def set(self, moment: datetime | None) -> None:
        """Hold the clock at `moment` (timezone-aware), or let it run again with None."""
        self._fixed = moment
