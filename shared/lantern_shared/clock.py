"""The one clock of a service: real time by default, moved by tests and demos (never by production settings)."""

from datetime import UTC, datetime, timedelta


def utc_now() -> datetime:
    return datetime.now(UTC)


class Clock:
    """`clock()` is now, in UTC. Tests set it (`clock.set(moment)`) or move it (`clock.advance(delta)`); time then
    runs on from there, so code that waits still sees time pass."""

    def __init__(self, offset: timedelta = timedelta(0)) -> None:
        self._offset = offset

    def __call__(self) -> datetime:
        return utc_now() + self._offset

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("a clock is set to an aware moment")
        self._offset = moment - utc_now()

    def advance(self, delta: timedelta) -> None:
        self._offset += delta

    def reset(self) -> None:
        self._offset = timedelta(0)

    @property
    def offset(self) -> timedelta:
        return self._offset
