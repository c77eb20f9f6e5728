"""The LED service: drives each counter's RS-485 number display from the queue's live events.

`plan_event` / `plan_snapshot` (pure) say what each display should show; `LedService` sends it
through `hw.led` from its own worker thread, so a slow or silent bus never holds up the screen.
A display that does not answer keeps its wanted state and is retried every `retry_seconds`; a
snapshot (connect, reconnect, resync) sets every display again, steady (no blinking for old calls).
"""
from __future__ import annotations

import logging
import queue
import threading
import time
from dataclasses import dataclass

from collections.abc import Callable

from hw.led import LedBusNotFound, open_led_bus, open_led_display
from queue_server.client import RealtimeClient

from .config import LedServiceConfig

log = logging.getLogger(__name__)

CLEARING = ("ticket.absent", "ticket.transferred", "ticket.expired", "counter.cleared")


@dataclass(frozen=True)
class LedOp:
    """What one counter's display should do: "call" (blink), "show" (steady), "pause", "clear"."""

    counter: int
    op: str
    text: str = ""


def _current_label(counter: dict) -> str:
    ticket = counter.get("ticket") or {}
    return ticket.get("label", "") if ticket.get("status") in ("called", "serving") else ""


def plan_counter(counter: dict) -> LedOp:
    """The steady state of a counter's display from its live state."""
    number = counter["number"]
    if counter.get("status") == "paused":
        return LedOp(number, "pause")
    label = _current_label(counter)
    return LedOp(number, "show", label) if label else LedOp(number, "clear")


def plan_snapshot(counters: dict) -> list[LedOp]:
    return [plan_counter(c) for _, c in sorted(counters.items())]


def plan_event(event: dict, counters: dict) -> list[LedOp]:
    """The display changes one event asks for (`counters` is the LiveState after the event)."""
    kind, ticket, counter = event.get("type"), event.get("ticket") or {}, event.get("counter") or {}
    if kind in ("ticket.called", "ticket.recalled") and ticket.get("counter") is not None:
        return [LedOp(ticket["counter"], "call", ticket["label"])]
    if kind in ("counter.paused", "counter.resumed") and counter:
        return [plan_counter(counters.get(counter["number"], counter))]
    if kind in ("counter.opened", "counter.closed") and counter:
        return [LedOp(counter["number"], "clear")]
    if kind in CLEARING and counter and not counter.get("ticket_id"):
        return [LedOp(counter["number"], "clear")]
    if kind == "day.ended":
        return [LedOp(n, "clear") for n in sorted(counters)]
    return []           # ticket.finished: the last number stays until the next call


class LedService:
    """Counter LED displays on one bus, following the queue; supervised, and reports its health.

    Every display's wanted state is re-sent when it has not answered for ``retry_seconds``, so
    a display that died is noticed (and one that came back is set again) without any call.
    ``report(health)`` hears every change of ``health()``, e.g. to send it as ``device_status``.

    >>> service = LedService(cfg.leds, report=reporter.part("leds"))   # LedServiceConfig
    >>> client = RealtimeClient(url, "/display", token, on_change=service.on_change_from(client))
    >>> service.start(); client.connect()
    """

    def __init__(self, cfg: LedServiceConfig, bus=None, retry_seconds: float = 5.0,
                 report: Callable[[dict], None] | None = None, monotonic=time.monotonic):
        self.cfg = cfg
        self.bus = bus or open_led_bus(cfg.bus.model_dump(exclude_none=True))
        self.displays = {n: open_led_display(self.bus, d.model_dump()) for n, d in cfg.displays.items()}
        self.retry_seconds = retry_seconds
        self.report = report
        self.monotonic = monotonic
        self.wanted: dict[int, LedOp] = {}      # counter → what its display shows when steady
        self.failed: dict[int, LedOp] = {}      # counter → the op its display still owes
        self.errors: dict[int, str] = {}        # counter → why its display failed ("not_found", ...)
        self.answered_at: dict[int, float] = {}
        self.sent = 0
        self.loop_errors = 0
        self._reported: dict | None = None
        self._ops: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="led-service", daemon=True)

    def start(self) -> "LedService":
        self._thread.start()
        return self

    def on_change(self, kind: str, payload, state) -> None:
        """From the Socket.IO thread: plan and queue (never touches the bus here, never raises)."""
        try:
            ops = self._plan(kind, payload, state)
        except Exception:
            self.loop_errors += 1
            log.exception("LED service: cannot plan %s; going on", kind)
            return
        for op in ops:
            if op.counter in self.displays:
                self._ops.put(op)

    @staticmethod
    def _plan(kind: str, payload, state) -> list[LedOp]:
        if kind == "snapshot":
            return plan_snapshot(state.counters)
        return plan_event(payload, state.counters) if kind == "event" else []

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Block until every queued op has been tried (tests, shutdown)."""
        done = threading.Event()
        self._ops.put(done)
        return done.wait(timeout)

    def health(self) -> dict:
        """``{"leds": "ok"}``, or which bus addresses do not answer (or that the adapter is gone).

        The addresses are one text ("11, 12") so the admin dashboard lists them as they are."""
        if not self.errors:
            return {"leds": "ok"}
        silent = ", ".join(str(a) for a in sorted(self.displays[n].address for n in self.errors))
        state = "bus_not_found" if set(self.errors.values()) == {"bus_not_found"} else "not_answering"
        return {"leds": state, "leds_silent": silent}

    def close(self) -> None:
        self._stop.set()
        self._ops.put(None)
        if self._thread.is_alive():
            self._thread.join(5)
        for display in self.displays.values():
            display.close()
        try:
            self.bus.close()
        except Exception:
            pass

    def _run(self) -> None:
        """The service thread: never dies; a failing step is logged once and the loop goes on."""
        next_check = self.monotonic() + self.retry_seconds
        while not self._stop.is_set():
            try:
                next_check = self._step(next_check)
            except Exception:
                self.loop_errors += 1
                if self.loop_errors == 1:
                    log.exception("LED service step failed; going on")
                self._stop.wait(0.5)

    def _step(self, next_check: float) -> float:
        """Send one queued op (or none); every ``retry_seconds`` look at each display again."""
        try:
            item = self._ops.get(timeout=max(0.05, next_check - self.monotonic()))
        except queue.Empty:
            item = None if self._stop.is_set() else "check"
        if item is None:
            return next_check
        if isinstance(item, threading.Event):
            item.set()
        elif isinstance(item, LedOp):
            self._send(item)
        if self.monotonic() >= next_check:
            self._check()
            next_check = self.monotonic() + self.retry_seconds
        self._report()
        return next_check

    def _check(self) -> None:
        """Retry failed displays and re-send the wanted state of any not heard from lately."""
        quiet_since = self.monotonic() - self.retry_seconds
        for counter in self.displays:
            op = self.failed.get(counter) or self.wanted.get(counter, LedOp(counter, "clear"))
            if counter in self.failed or self.answered_at.get(counter, -1e9) < quiet_since:
                self._send(op if op.op != "call" else LedOp(op.counter, "show", op.text))

    def _send(self, op: LedOp) -> None:
        """Send one op to one display; any failure marks that display only."""
        display = self.displays[op.counter]
        self.wanted[op.counter] = op if op.op != "call" else LedOp(op.counter, "show", op.text)
        try:
            {"call": lambda: display.call(op.text), "show": lambda: display.show(op.text),
             "pause": display.pause, "clear": display.clear}[op.op]()
        except Exception as exc:
            if op.counter not in self.failed:
                log.warning("LED of counter %s (address %s): %s", op.counter, display.address, exc)
            self.failed[op.counter] = op
            self.errors[op.counter] = "bus_not_found" if isinstance(exc, LedBusNotFound) else "not_answering"
            return
        self.failed.pop(op.counter, None)
        self.errors.pop(op.counter, None)
        self.answered_at[op.counter] = self.monotonic()
        self.sent += 1

    def _report(self) -> None:
        """Tell ``report`` when the health changed."""
        health = self.health()
        if self.report is not None and health != self._reported:
            self._reported = health
            try:
                self.report(health)
            except Exception:
                log.exception("LED service: health report failed")


def run_led_client(url: str, token: str, service: LedService) -> RealtimeClient:
    """A /display connection feeding `service`; reconnects by itself once connected."""
    holder: dict = {}
    client = RealtimeClient(url, "/display", token,
                            on_change=lambda kind, payload: service.on_change(kind, payload, holder["c"].state))
    holder["c"] = client
    return client
