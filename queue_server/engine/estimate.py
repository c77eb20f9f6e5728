"""Waiting-time estimates from recent service times and open counters."""
from __future__ import annotations

import math
from collections import deque
from datetime import datetime, timedelta
from statistics import fmean

from ..centre_calendar import CentreCalendar


class ServiceTimes:
    """Recent service durations (seconds) per service, for estimates."""

    def __init__(self, window: int):
        self._window = window
        self._times: dict[str, deque[float]] = {}

    def add(self, service_id: str, seconds: float) -> None:
        if seconds > 0:
            self._times.setdefault(service_id, deque(maxlen=self._window)).append(seconds)

    def average(self, service_id: str, default: float) -> float:
        times = self._times.get(service_id)
        return fmean(times) if times else default


def estimated_wait_minutes(ahead: int, average_seconds: float, open_counters: int) -> int:
    """Minutes until a ticket with `ahead` people before it is called.

    Counters work in parallel, so the queue drains `open_counters` times faster; with no counter
    open we still estimate as if one were, since someone usually opens one.
    """
    parallel = max(open_counters, 1)
    return math.ceil(ahead * average_seconds / parallel / 60)


def wall_clock_minutes(calendar: CentreCalendar, now: datetime, working_minutes: int) -> int:
    """Minutes on the clock until `working_minutes` of the centre's working time have passed from
    `now`: a wait that runs into the lunch break or past closing grows by the time the centre is
    shut. Outside working time (a centre that issues at any hour) the working minutes are kept."""
    if working_minutes <= 0 or not calendar.is_open(now):
        return working_minutes
    until = calendar.add_working_time(now, timedelta(minutes=working_minutes))
    return math.ceil((until - now).total_seconds() / 60)
