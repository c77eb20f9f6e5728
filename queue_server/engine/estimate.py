"""Waiting-time estimates from recent service times and open counters."""
from __future__ import annotations

import math
from collections import deque
from statistics import fmean


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
