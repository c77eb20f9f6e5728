"""Time in the centre's zone; injectable so tests and simulations control it."""
from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo


class SystemClock:
    """The wall clock in the centre's time zone."""

    def __init__(self, timezone: str = "Asia/Ho_Chi_Minh"):
        self.zone = ZoneInfo(timezone)

    def __call__(self) -> datetime:
        return datetime.now(self.zone)


class FakeClock:
    """A clock that moves only when told.

    >>> clock = FakeClock(datetime(2026, 11, 23, 8, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")))
    >>> clock.advance(minutes=5)
    """

    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> datetime:
        self.now += timedelta(**delta)
        return self.now
