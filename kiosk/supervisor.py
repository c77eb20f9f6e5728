"""Supervised device loops: no thread of the kiosk dies of an exception.

A loop's body runs again and again; when it raises, the failure is logged once (with its
traceback), the loop backs off (1 s, 2 s, 4 s … up to 30 s) and retries, and ``health`` says which
part is failing until the body succeeds again. The kiosk reports ``health`` to the server.

    >>> loops = Supervisor(stopping)
    >>> loops.start("printer_monitor", poll_printer, every=2.0)     # doctest: +SKIP
    >>> loops.health                                                # {"printer_monitor": "ok"}
"""
from __future__ import annotations

import logging
import threading
from typing import Callable

log = logging.getLogger("kiosk.supervisor")
BACKOFF = (1.0, 30.0)


class Supervisor:
    """Runs named loops in daemon threads until ``stopping`` is set; ``health`` maps each name to
    "ok" or "failing: <error>"; ``on_health`` hears every change."""

    def __init__(self, stopping: threading.Event, on_health: Callable[[], None] = lambda: None,
                 backoff: tuple[float, float] = BACKOFF):
        self.stopping = stopping
        self.on_health = on_health
        self.backoff = backoff
        self.health: dict[str, str] = {}

    def start(self, name: str, body: Callable[[], object], every: float = 0.0) -> threading.Thread:
        """Run ``body`` every ``every`` seconds (a body that blocks by itself may use 0); a body
        returning True ends the loop (its job is done)."""
        self._set(name, "ok")
        thread = threading.Thread(target=self.run, args=(name, body, every), daemon=True,
                                  name=f"kiosk-{name}")
        thread.start()
        return thread

    def run(self, name: str, body: Callable[[], object], every: float) -> None:
        """The loop itself (public so a test can run it in its own thread)."""
        delay = self.backoff[0]
        while not self.stopping.is_set():
            try:
                if body() is True:
                    return
            except Exception as exc:
                if self.health.get(name) == "ok":
                    log.exception("%s failed; retrying with backoff", name)
                self._set(name, f"failing: {type(exc).__name__}")
                self.stopping.wait(delay)
                delay = min(delay * 2, self.backoff[1])
                continue
            if self.health.get(name) != "ok":
                log.info("%s works again", name)
            self._set(name, "ok")
            delay = self.backoff[0]
            self.stopping.wait(every)

    def summary(self) -> str:
        """"ok", or the failing parts, e.g. "printer_monitor failing: OSError"."""
        failing = [f"{name} {state}" for name, state in sorted(self.health.items()) if state != "ok"]
        return "; ".join(failing) or "ok"

    def _set(self, name: str, state: str) -> None:
        if self.health.get(name) != state:
            self.health[name] = state
            self.on_health()
