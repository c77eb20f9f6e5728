"""The background thread that empties the outbox into the server whenever it can."""
from __future__ import annotations

import logging
import threading
import time
from typing import Callable

from .outbox import Outbox

log = logging.getLogger(__name__)


class OutboxSender:
    """Drains `outbox` through `send` while `connected()` says the server is reachable.

    >>> sender = OutboxSender(outbox, lambda p: client.call("submit_rating", p), lambda: client.connected)
    >>> sender.start(); sender.wake()     # after adding a rating or reconnecting
    """

    def __init__(self, outbox: Outbox, send: Callable[[dict], dict], connected: Callable[[], bool],
                 idle_wait: float = 5.0, after_pass: Callable[[], None] = lambda: None):
        self.outbox, self.send, self.connected = outbox, send, connected
        self.after_pass = after_pass        # e.g. report the tablet's health to the server
        self.idle_wait = idle_wait
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="outbox-sender", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._wake.wait(self._wait_time())
                self._wake.clear()
                if self._stop.is_set():
                    return
                if self.connected():
                    self._drain_once()
                    self.after_pass()
            except Exception:  # noqa: BLE001 - the sender must outlive a bad outbox read
                log.exception("outbox sender step failed; retrying")
                self._stop.wait(self.idle_wait)

    def _drain_once(self) -> None:
        try:
            result = self.outbox.drain(self.send, link_up=self.connected)
        except Exception:  # noqa: BLE001 - the thread must live on; the ratings stay in the outbox
            log.exception("outbox drain failed")
            return
        if result.sent or result.refused:
            log.info("outbox: %d sent (%d held in the server's quarantine), %d refused, %d waiting",
                     result.sent, result.held, result.refused, len(self.outbox))
            self._wake.set()                    # more may be due

    def _wait_time(self) -> float:
        due = self.outbox.next_due()
        if due is None:
            return self.idle_wait
        return max(0.05, min(self.idle_wait, due - time.time()))
