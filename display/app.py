"""The display app: a RealtimeClient on `/display`, the pure models, pygame and the voice.

Threads: the Socket.IO client thread only queues what it receives; the main (pygame) thread
applies it to the models, queues announcements and draws. A board fetch runs in a short worker
thread so a slow answer never freezes the screen.
"""
from __future__ import annotations

import logging
import queue
import threading
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from queue_server.client import RealtimeClient
from queue_server.deploy.watchdog import notify_watchdog

from .announcer import Announcer
from .board import BoardModel
from .config import DisplayConfig
from .health import StatusReporter
from .model import HallModel, group_counters

log = logging.getLogger(__name__)
CONNECT_RETRY_SECONDS = 2.0


class DisplayApp:
    """One wall display.

    >>> app = DisplayApp(cfg, voice=open_display_voice(cfg.voice))
    >>> app.start()                 # connects in the background, retrying until the server answers
    >>> app.run()                   # pygame loop until Esc / window closed
    """

    def __init__(self, cfg: DisplayConfig, voice=None, surface=None, monotonic=time.monotonic):
        self.cfg = cfg
        self.voice = voice
        self.surface = surface
        self.monotonic = monotonic
        self.client = RealtimeClient(cfg.server, "/display", cfg.token, on_change=self._received)
        self.reporter = StatusReporter(self._send_status)    # device_status for the dashboard
        self.changes: queue.Queue = queue.Queue()
        self.model = HallModel(cfg.flash_seconds, cfg.notice, cfg.recent_calls)
        self.announcer = Announcer(enabled=cfg.voice.enabled, quiet_hours=cfg.voice.quiet_hours,
                                   digit_by_digit=cfg.voice.digit_by_digit)
        self.board = BoardModel(cfg.board.rows_per_page, cfg.board.page_seconds)
        self.listeners: list = []        # e.g. the LED service: on_change(kind, payload, state)
        self.after_render = None         # hook(seqs drawn in this frame) for the benchmark
        self.frames = 0
        self.failures: dict[tuple[str, str], int] = {}
        self._pending_seqs: list[int] = []
        self._stop = threading.Event()
        self._wake = threading.Event()          # set when something arrives: draw now, not next tick
        self._fetching = threading.Lock()
        self._painter = None
        self._last_second = None
        self._was_connected = False
        self._fetch_not_before = 0.0

    # -- connection ----------------------------------------------------------------------------

    def start(self) -> None:
        """Connect in the background; python-socketio reconnects by itself after the first success."""
        threading.Thread(target=self._connect_loop, name="display-connect", daemon=True).start()
        self.reporter.start()

    def _send_status(self, status: dict) -> None:
        self.client.call("device_status", {"status": status}, timeout=5)

    def _connect_loop(self) -> None:
        while not self._stop.is_set() and not self.client.sio.connected:
            try:
                self.client.connect()
            except Exception as exc:      # server down or refused: say so on screen, retry
                log.warning("display: cannot connect to %s: %s", self.cfg.server, exc)
                self._stop.wait(CONNECT_RETRY_SECONDS)

    def close(self) -> None:
        self._stop.set()
        self.reporter.close()
        try:
            self.client.close()
        except Exception:
            pass

    def _received(self, kind: str, payload) -> None:
        """Socket.IO thread: hand over to the main thread (and to listeners, which keep their own pace)."""
        self.changes.put((kind, payload))
        self._wake.set()
        for listener in self.listeners:
            try:
                listener.on_change(kind, payload, self.client.state)
            except Exception:
                self._failed("listener", f"{kind} to {type(listener).__name__}")

    # -- applying changes (main thread) ----------------------------------------------------------

    def local_now(self) -> datetime:
        tz = self.client.state.centre.get("timezone") or "Asia/Ho_Chi_Minh"
        return datetime.now(ZoneInfo(tz))

    def process(self) -> bool:
        """Apply everything received since the last frame; True when the screen must change."""
        changed = False
        while True:
            try:
                kind, payload = self.changes.get_nowait()
            except queue.Empty:
                return changed
            changed = True
            try:
                self._apply(kind, payload)
            except Exception:
                self._failed("apply", kind)

    def _apply(self, kind: str, payload) -> None:
        now_mono = self.monotonic()
        if kind == "snapshot":
            self.model.on_snapshot(payload["centre"], payload.get("me", {}))
            numbers = {c["number"] for c in group_counters(payload["centre"], self.model.group)}
            self.announcer.on_snapshot(payload, self.local_now(), numbers)
            self.board.stale = True
        elif kind == "event":
            if payload.get("type") == "config.changed":
                with self.client._lock:
                    self.model.on_config(self.client.state.centre)
            self.model.on_event(payload, now_mono)
            self.board.on_event(payload)
            self._pending_seqs.append(payload["seq"])
            for announcement in self.announcer.on_event(payload, self.local_now()):
                if self.voice is not None:
                    self.voice.announce(announcement)
        elif kind == "board":
            self.board.load(payload, now_mono)

    def _fetch_board(self) -> None:
        """Worker: ask the server for the board; the answer goes through the change queue."""
        try:
            params = {"department": self.cfg.board.department} if self.cfg.board.department else {}
            self.changes.put(("board", self.client.call("dossier_board", params)))
        except Exception as exc:
            log.warning("display: board fetch failed: %s", exc)
        finally:
            self._fetching.release()

    def _maybe_fetch_board(self, now_mono: float) -> None:
        if (self.cfg.mode == "board" and self.client.connected and now_mono >= self._fetch_not_before
                and self.board.needs_fetch(now_mono, self.cfg.board.refresh_seconds)
                and self._fetching.acquire(blocking=False)):
            self._fetch_not_before = now_mono + self.board.min_refetch     # no storm when fetches fail
            threading.Thread(target=self._fetch_board, daemon=True).start()

    # -- drawing ---------------------------------------------------------------------------------

    def views(self, now_mono: float):
        """The view of this frame (hall or board), built under the client's state lock."""
        connected = self.client.connected
        with self.client._lock:              # LiveState is written by the Socket.IO thread
            if self.cfg.mode == "board":
                return self.board.view(self.client.state.centre.get("name", ""), self.local_now(), now_mono,
                                       connected)
            return self.model.view(self.client.state, self.local_now(), now_mono, connected)

    def needs_frame(self, changed: bool, now_mono: float) -> bool:
        """Draw when something changed, the connection flipped, each second (clock, pages), and
        continuously while a call flashes or the notice scrolls."""
        connected = self.client.connected
        second = int(now_mono)
        due = (changed or connected != self._was_connected or second != self._last_second
               or (self.cfg.mode == "hall" and (self._has_notice() or self.model.fresh_calls(now_mono))))
        self._was_connected, self._last_second = connected, second
        return bool(due)

    def _has_notice(self) -> bool:
        """A notice line scrolls (this display's own, or the centre's from the admin settings)."""
        return bool(self.cfg.notice or self.client.state.centre.get("notices"))

    def render(self, now_mono: float) -> None:
        from .draw import draw_board, draw_hall
        from .paint import Painter
        self._painter = self._painter or Painter()
        view = self.views(now_mono)
        if self.cfg.mode == "board":
            draw_board(self.surface, view, self._painter, now_mono)
        else:
            draw_hall(self.surface, view, self._painter, now_mono)
        self.frames += 1
        seqs, self._pending_seqs = self._pending_seqs, []
        if self.after_render is not None:
            self.after_render(seqs)

    def step(self) -> bool:
        """One frame's work without a window: apply changes, fetch, draw if needed."""
        now_mono = self.monotonic()
        changed = self.process()
        self._maybe_fetch_board(now_mono)
        if self.surface is not None and self.needs_frame(changed, now_mono):
            self.render(now_mono)
            return True
        return False

    def safe_step(self) -> bool:
        """``step`` that never ends the loop: a failing frame is logged and the next one tried."""
        try:
            return self.step()
        except Exception:
            self._failed("frame", "step")
            self._stop.wait(0.2)
            return False

    def _failed(self, where: str, what: str) -> None:
        """Log a failure once per kind (then count it): the loop goes on."""
        key = (where, what)
        self.failures[key] = self.failures.get(key, 0) + 1
        if self.failures[key] == 1:
            log.exception("display: %s failed (%s); going on", where, what)

    def wait_for_change(self, timeout: float) -> None:
        """Sleep until the next frame is due or something arrives, whichever is first."""
        self._wake.wait(timeout)
        self._wake.clear()

    def run(self, fullscreen: bool | None = None, max_seconds: float | None = None) -> None:
        """The pygame loop: Esc or closing the window ends it."""
        import pygame
        pygame.display.init()
        pygame.font.init()
        pygame.mouse.set_visible(False)
        full = self.cfg.fullscreen if fullscreen is None else fullscreen
        flags = pygame.FULLSCREEN if full else 0
        self.surface = pygame.display.set_mode((self.cfg.width, self.cfg.height), flags)
        pygame.display.set_caption("motcua — màn hình gọi số")
        end = time.monotonic() + max_seconds if max_seconds else None
        try:
            while not self._stop.is_set() and (end is None or time.monotonic() < end):
                if _quit_requested(pygame):
                    break
                if self.safe_step():
                    pygame.display.flip()
                notify_watchdog()               # systemd: the loop is alive (rate-limited)
                self.wait_for_change(1 / self.cfg.fps)
        finally:
            pygame.quit()


def _quit_requested(pygame) -> bool:
    for event in pygame.event.get():
        if event.type == pygame.QUIT or (event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE):
            return True
    return False
