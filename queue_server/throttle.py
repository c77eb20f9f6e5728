"""Login and pairing-code throttling: exponential backoff per (username, client address) and per address.

Why not lock an account: a lockout by username alone is a weapon: anyone on the LAN could type an
officer's username wrong ten times at 7:25 and keep them out of their counter all morning. Here the
failures count per (username, address) and per address, so guesses from the attacker's machine slow
down only that machine; the officer's own counter PC (another address) logs in as usual, and even
the attacker's machine gets in with the right password once its delay has passed (no permanent lock).
While a key is delayed, no password is checked at all: a guess made during the delay tells nothing.
"""
from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

from .engine import QueueError

FREE_PER_USER = 5         # wrong passwords for one (username, address) before delays start
FREE_PER_ADDRESS = 20     # wrong answers from one address, over every username, before delays start
MAX_DELAY = 15 * 60       # seconds: the longest wait, reached after about ten more failures
FORGET_AFTER = 60 * 60    # seconds without a failure after which a key starts afresh
MAX_KEYS = 50_000         # bounded memory under a flood of made-up usernames


@dataclass
class _Failures:
    count: int
    last: datetime


def delay_after(failures: int, free: int) -> float:
    """Seconds to wait after `failures` failures: none for the first `free`, then 1, 2, 4 … MAX_DELAY."""
    if failures < free:
        return 0.0
    return float(min(MAX_DELAY, 2 ** min(failures - free, 20)))


def too_many(wait: float) -> QueueError:
    seconds = max(1, math.ceil(wait))
    error = QueueError("too_many_attempts",
                       f"Nhập sai quá nhiều lần, vui lòng thử lại sau {seconds} giây",
                       f"Too many failed attempts: try again in {seconds} s", 429)
    error.retry_after = seconds
    return error


class Throttle:
    """Counts failures per key and refuses a key while its delay runs.

    >>> throttle.check(("login", "hoa", "10.0.0.7"), ("address", "10.0.0.7"))   # raises 429 if delayed
    """

    def __init__(self, clock: Callable[[], datetime]):
        self.clock = clock
        self._lock = threading.Lock()
        self._failures: dict[tuple, _Failures] = {}

    def check(self, *keys: tuple) -> None:
        """Raise `too_many_attempts` if any key is still inside its delay."""
        now = self.clock()
        with self._lock:
            wait = max((self._wait(key, now) for key in keys), default=0.0)
        if wait > 0:
            raise too_many(wait)

    def failed(self, *keys: tuple) -> None:
        now = self.clock()
        with self._lock:
            if len(self._failures) >= MAX_KEYS:
                self._forget_old(now)
            for key in keys:
                entry = self._live(key, now)
                self._failures[key] = _Failures((entry.count if entry else 0) + 1, now)

    def succeeded(self, key: tuple) -> None:
        with self._lock:
            self._failures.pop(key, None)

    def _wait(self, key: tuple, now: datetime) -> float:
        entry = self._live(key, now)
        if entry is None:
            return 0.0
        free = FREE_PER_ADDRESS if key[0] == "address" else FREE_PER_USER
        until = entry.last + timedelta(seconds=delay_after(entry.count, free))
        return max(0.0, (until - now).total_seconds())

    def _live(self, key: tuple, now: datetime) -> _Failures | None:
        entry = self._failures.get(key)
        if entry is not None and (now - entry.last).total_seconds() > FORGET_AFTER + MAX_DELAY:
            del self._failures[key]
            return None
        return entry

    def _forget_old(self, now: datetime) -> None:
        for key in [k for k, e in self._failures.items() if (now - e.last).total_seconds() > MAX_DELAY]:
            del self._failures[key]
        if len(self._failures) >= MAX_KEYS:          # a flood of fresh keys: drop the oldest half
            for key in sorted(self._failures, key=lambda k: self._failures[k].last)[:MAX_KEYS // 2]:
                del self._failures[key]


def login_keys(username: str, address: str) -> tuple[tuple, tuple]:
    """The keys one login attempt counts against."""
    return ("login", username.casefold()[:64], address[:64]), ("address", address[:64])   # bounded keys


def pairing_keys(address: str) -> tuple[tuple, tuple]:
    return ("pair", address[:64]), ("address", address[:64])
