"""Feeding systemd's watchdog: from a device app's main loop, or from a health-checking thread.

A device app calls `notify_watchdog()` once per frame; it is rate-limited, so the call costs a
clock read. The first call also tells systemd the app is ready (units are `Type=notify`). If the
loop hangs, the pings stop and systemd restarts the unit after `WatchdogSec`.

>>> dog = Watchdog(interval=5)       # outside systemd: every tick is a no-op
>>> dog.tick()
False
"""
from __future__ import annotations

import os
import socket
import threading
import time
from typing import Callable

from . import sdnotify


class Watchdog:
    """Rate-limited `READY=1` / `WATCHDOG=1` sender.

    >>> dog = Watchdog()             # interval: half of WatchdogSec from the environment
    >>> while running: draw(); dog.tick()
    """

    def __init__(self, interval: float | None = None, environ=None, clock: Callable[[], float] = time.monotonic):
        self.environ = environ if environ is not None else os.environ
        self.interval = interval if interval is not None else sdnotify.watchdog_interval(self.environ)
        self.enabled = bool(self.environ.get("NOTIFY_SOCKET"))
        self.clock = clock
        self.ready = False
        self._last = float("-inf")

    def tick(self, status: str | None = None, force: bool = False) -> bool:
        """Ping systemd if the interval has passed (ready on the first call); True if a ping went out.

        `force` pings whatever the time (the server's checker pings after each passed check)."""
        if not self.enabled:
            return False
        now = self.clock()
        if self.ready and not force and (self.interval is None or now - self._last < self.interval):
            return False
        message = "WATCHDOG=1" if self.ready else "READY=1\nWATCHDOG=1"
        if status:
            message += f"\nSTATUS={status}"
        self.ready = True
        self._last = now
        return sdnotify.notify(message, self.environ)

    def stopping(self) -> bool:
        """Tell systemd a clean stop has begun (so a slow shutdown is not mistaken for a hang)."""
        return self.enabled and sdnotify.notify("STOPPING=1", self.environ)


_default: Watchdog | None = None


def notify_watchdog() -> bool:
    """The device apps' one call per main-loop turn (a process-wide Watchdog made on first use)."""
    global _default
    if _default is None:
        _default = Watchdog()
    return _default.tick()


class ServerWatchdog:
    """The queue server's feeder: a thread that pings only while the server is healthy.

    Healthy means: the HTTP port accepts connections, the queue service's lock can be taken within
    `lock_timeout` (no action is stuck holding it) and the database answers `SELECT 1`. READY=1 is
    sent after the first healthy check, i.e. once the server really listens.
    """

    def __init__(self, service, host: str, port: int, watchdog: Watchdog | None = None,
                 lock_timeout: float = 5.0):
        self.service, self.host, self.port = service, host, port
        self.watchdog = watchdog or Watchdog()
        self.lock_timeout = lock_timeout
        self._stop = threading.Event()
        self.thread: threading.Thread | None = None

    def healthy(self) -> str | None:
        """None when healthy, else the reason (shown in `systemctl status`)."""
        try:
            with socket.create_connection((_connect_host(self.host), self.port), timeout=2):
                pass
        except OSError as exc:
            return f"port {self.port} not accepting: {exc}"
        if not self.service.lock.acquire(timeout=self.lock_timeout):
            return f"queue lock held for more than {self.lock_timeout:g} s"
        try:
            self.service.store.query("SELECT 1")
        except Exception as exc:
            return f"database not answering: {exc}"
        finally:
            self.service.lock.release()
        return None

    def check_once(self) -> bool:
        """One health check; pings (or reports the problem as STATUS) and returns health."""
        problem = self.healthy()
        if problem is None:
            self.watchdog.tick(status=None if self.watchdog.ready else "đang phục vụ / serving", force=True)
            return True
        if self.watchdog.enabled and self.watchdog.ready:      # before READY=1 it is still starting
            sdnotify.notify(f"STATUS=lỗi / unhealthy: {problem}", self.watchdog.environ)
        return False

    def start(self, period: float | None = None) -> "ServerWatchdog":
        """Check every `period` seconds (default: a third of WatchdogSec, else 5 s)."""
        if not self.watchdog.enabled:
            return self
        every = period or (self.watchdog.interval * 2 / 3 if self.watchdog.interval else 5.0)

        def loop():
            while True:
                self.check_once()
                if self._stop.wait(every if self.watchdog.ready else 0.2):
                    return
        self.thread = threading.Thread(target=loop, name="sd-watchdog", daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self.watchdog.stopping()


def _connect_host(host: str) -> str:
    """Where to connect to check our own listening socket ('0.0.0.0' means any: use loopback)."""
    return {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)
