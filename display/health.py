"""A device's health for the admin dashboard: parts set by its services, sent as ``device_status``.

Sending happens in its own thread, so a server that is down never holds up a display or the LED
bus; what could not be sent is sent again every ``interval`` seconds until the server takes it.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class StatusReporter:
    """Merges the health of a device's parts and sends it when it changed.

    >>> reporter = StatusReporter(lambda status: client.call("device_status", {"status": status}))
    >>> service = LedService(cfg, report=reporter.part("leds")); reporter.start()
    """

    def __init__(self, send: Callable[[dict], object], interval: float = 1.0):
        self.send = send
        self.interval = interval
        self.parts: dict[str, dict] = {}
        self.last_sent: dict | None = None
        self.failures = 0
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="status-reporter", daemon=True)

    def start(self) -> "StatusReporter":
        self._thread.start()
        return self

    def part(self, name: str) -> Callable[[dict], None]:
        """A callback that sets one part (its fields are merged into the status)."""
        return lambda fields: self.set(name, fields)

    def set(self, name: str, fields: dict) -> None:
        with self._lock:
            self.parts[name] = dict(fields)
        self._wake.set()

    def status(self) -> dict:
        """The merged status of every part."""
        with self._lock:
            return {k: v for fields in self.parts.values() for k, v in fields.items()}

    def flush(self) -> bool:
        """Send the status if it changed; False when the server could not be reached."""
        status = self.status()
        if not status or status == self.last_sent:
            return True
        try:
            self.send(status)
        except Exception as exc:
            self.failures += 1
            log.info("device status not sent (%s); will retry", exc)
            return False
        self.last_sent = status
        return True

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.interval)
            self._wake.clear()
            try:
                self.flush()
            except Exception:
                log.exception("status reporter")

    def close(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(2)
