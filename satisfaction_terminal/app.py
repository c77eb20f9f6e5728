"""The running tablet: the server link, the flow, the outbox and its sender, and the pygame loop.

Threads: the Socket.IO client and the outbox sender run in the background; the flow is touched
only by the main loop, which takes server changes from a queue. A rating goes to the outbox in
the same step that moves the flow to the thank-you screen, before that screen is drawn.

Settings changed by an administrator (`config.changed`, or a snapshot after a reconnect) reach
the flow at once and apply between citizens; the idle screen's counter facts follow them. The
main loop survives any error in a step (logged once per kind, then retried on the next frame).
"""
from __future__ import annotations

import logging
import os
import queue
import threading
import time
from datetime import datetime
from typing import Callable

from queue_server.client import RealtimeClient
from queue_server.deploy.watchdog import notify_watchdog

from .config import TerminalSettings
from .flow import Flow, Rating, Timing
from .info import CounterInfo, counter_info, setup_of
from .layout import buttons_for, hit
from .outbox import Outbox
from .sender import OutboxSender

log = logging.getLogger(__name__)
NAMESPACE = "/terminal"


class TerminalApp:
    """One rating tablet.

    >>> app = TerminalApp(settings); app.start()
    >>> app.run()                      # pygame window until closed; app.run(headless=True) without one
    """

    def __init__(self, settings: TerminalSettings, clock: Callable[[], float] = time.monotonic):
        self.settings = settings
        self.clock = clock
        self.outbox = Outbox(settings.outbox)
        self.client = RealtimeClient(settings.server, NAMESPACE, settings.token, on_change=self._on_change)
        timing = Timing(settings.rating_timeout, settings.comment_timeout, settings.thanks_seconds)
        self.centre: dict = self.outbox.recall("centre", {})      # last known: a tablet may start offline
        self.latest_centre: dict = self.centre                   # newest from the server, shown between citizens
        self.flow = Flow(settings.counter, [], clock(), timing, telex_modern=settings.telex_modern)
        self.flow.configure(setup_of(self.centre, settings.counter, settings.phrases))
        self._failing: set[str] = set()
        self.unsaved: list[dict] = []      # ratings the outbox file could not take yet
        self.sender = OutboxSender(self.outbox, self._send, lambda: self.client.connected,
                                   after_pass=self.report_health)
        self._reported: dict | None = None
        self.changes: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        self._connector = threading.Thread(target=self._connect_loop, name="terminal-connect", daemon=True)

    # -- lifecycle --------------------------------------------------------------------------------

    def start(self) -> None:
        self.sender.start()
        self._connector.start()

    def stop(self) -> None:
        """Close the link (also while it is reconnecting: RealtimeClient.close would not stop that), then the outbox."""
        self._stop.set()
        try:
            self.client.sio.shutdown()
        except Exception:  # noqa: BLE001 - closing a link that never opened
            pass
        self.sender.stop()
        self.outbox.close()

    def _connect_loop(self) -> None:
        """Connect the first time, however long the server is away; the client reconnects by itself after."""
        while not self._stop.is_set():
            try:
                self.client.connect(timeout=5)
                return
            except Exception as exc:  # noqa: BLE001 - server not there yet
                log.info("server %s not reachable yet: %s", self.settings.server, exc)
                self._stop.wait(2)

    # -- server -----------------------------------------------------------------------------------

    def _on_change(self, kind: str, payload) -> None:
        if self._stop.is_set():
            return
        self.changes.put((kind, payload))
        if kind == "snapshot":
            self.outbox.retry_now()
            self.sender.wake()

    def _send(self, payload: dict) -> dict:
        return self.client.call("submit_rating", payload, timeout=10)

    def health(self) -> dict:
        """What the admin dashboard shows for this tablet (anything not 'ok' is a problem to act on)."""
        refused, stuck = len(self.outbox.refused()), self.outbox.stuck()
        failing = ", ".join(sorted(tuple(self._failing)))
        return {"ratings_outbox": f"{stuck} đánh giá chưa gửi được / not sent" if stuck else "ok",
                "ratings_refused": f"{refused} đánh giá bị từ chối, lưu trên máy / refused, kept" if refused else "ok",
                "ratings_storage": "bộ nhớ đầy / storage full" if self.unsaved else "ok",
                "screen": f"lỗi / failing: {failing}" if failing else "ok"}

    def report_health(self) -> None:
        """Send the health to the server when it changed (from the sender thread, link up)."""
        status = self.health()
        if status != self._reported:
            self.client.call("device_status", {"status": status}, timeout=5)
            self._reported = status

    def apply_changes(self, now: float) -> None:
        """Feed what the server said since the last step into the flow (main thread only)."""
        while True:
            try:
                kind, payload = self.changes.get_nowait()
            except queue.Empty:
                return
            if kind == "snapshot":
                self._new_settings(payload["centre"], (payload.get("me") or {}).get("counter"))
            elif kind == "event" and payload.get("type") == "config.changed" and payload.get("data", {}).get("centre"):
                self._new_settings(payload["data"]["centre"], None)
            elif kind == "event" and payload.get("type") == "ticket.finished" and payload.get("ticket"):
                self.flow.ticket_finished(payload["ticket"], now)

    def _new_settings(self, centre: dict, counter: int | None) -> None:
        """The centre as the server now describes it (and the counter it knows this tablet by)."""
        self.latest_centre = centre
        self.outbox.remember("centre", centre)
        counter = counter or (self.flow.pending or self.flow.setup).counter
        self.flow.configure(setup_of(centre, counter, self.settings.phrases))

    # -- the citizen ------------------------------------------------------------------------------

    def step(self, now: float | None = None) -> None:
        now = self.clock() if now is None else now
        self._guarded("server changes", lambda: self.apply_changes(now))
        notify_watchdog()                   # systemd: the loop is alive (rate-limited)
        self._guarded("screen", lambda: self.submit(self.flow.tick(now)))
        if self.unsaved:
            self._guarded("outbox", lambda: self.submit(None))
        if self.flow.pending is None:       # settings applied: the idle screen shows them too
            self.centre = self.latest_centre

    def _guarded(self, part: str, work: Callable[[], None]) -> None:
        """Run one part of a step; an error is logged (once until it clears) and the loop goes on."""
        try:
            work()
        except Exception:  # noqa: BLE001 - the tablet's loop must survive anything
            if part not in self._failing:
                log.exception("tablet %s failed; retrying every frame", part)
            self._failing.add(part)
        else:
            self._failing.discard(part)

    def press(self, action: str, arg=None, now: float | None = None) -> None:
        now = self.clock() if now is None else now
        self._guarded("touch", lambda: self.submit(self.flow.press(action, arg, now)))

    def touch(self, x: float, y: float, size: tuple[int, int], now: float | None = None) -> None:
        button = hit(self.buttons(size), x, y)
        if button is not None:
            self.press(button.action, button.arg, now)

    def submit(self, rating: Rating | None) -> None:
        """Write a finished rating to the outbox (durably) and nudge the sender. Should the outbox
        file refuse it (a full card), the rating stays in memory and is written on a later step."""
        if rating is not None:
            # The tablet's time goes with the rating, so one sent late keeps its reporting period.
            self.unsaved.append(rating.payload() | {"rated_at": datetime.now().astimezone().isoformat()})
            log.info("rating %s (%s, ticket %s) made", rating.id, rating.value, rating.ticket_label or "-")
        while self.unsaved:
            self.outbox.add(self.unsaved[0])          # raises (kept in memory) until the file takes it
            self.unsaved.pop(0)
            self.sender.wake()

    # -- what the screen shows --------------------------------------------------------------------

    def info(self) -> CounterInfo:
        counters = dict(self.client.state.counters)
        return counter_info(self.centre, counters.get(self.flow.counter), self.flow.counter,
                            self.settings.officer_titles, self.settings.photos_dir)

    def buttons(self, size: tuple[int, int]):
        s = self.flow.state
        return buttons_for(s.phase, self.flow.options, self.flow.phrases, s.phrases, size)

    def scene(self, size: tuple[int, int]):
        from .draw import Scene
        return Scene(self.flow.state, self.info(), self.buttons(size), self.flow.style or "",
                     self.client.connected, len(self.outbox), self.flow.phrases)

    # -- loops ------------------------------------------------------------------------------------

    def run(self, headless: bool = False, until: Callable[[], bool] = lambda: False) -> None:
        if headless:
            while not self._stop.is_set() and not until():
                self.step()
                self._stop.wait(0.2)
            return
        from .window import run_window
        run_window(self, until)


def has_display() -> bool:
    """Is there a screen to open a window on (X11 / Wayland / framebuffer driver chosen)?"""
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("SDL_VIDEODRIVER"))
