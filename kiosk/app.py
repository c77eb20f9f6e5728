"""The kiosk program: the flow wired to the queue server, the printer, the scanner and a pygame window.

Threads: the Socket.IO client's, and supervised loops (kiosk.supervisor: none dies of an exception)
— a connector (first connection, retried until the server answers), a printer monitor, a health
reporter (`device_status`: printer state, scanner, failing loops) — and one worker per effect
(printer check → issue → print). None of them touch the flow: they `post()` callables that the
main loop runs, so the flow has one thread.

    >>> app = KioskApp(load_kiosk_config("kiosk.toml"))
    >>> app.run()                        # until the window is closed or stop() is called
"""
from __future__ import annotations

import logging
import os
import queue
import signal
import threading
import time

import pygame

from hw.printer import PrinterError, PrinterStatus, fault_for, open_printer
from hw.scanner import open_scanner
from queue_server.client import RealtimeClient
from queue_server.deploy.watchdog import notify_watchdog
from queue_server.engine import QueueError

from . import draw, screens
from .config import KioskConfig
from .flow import FlowSettings, IssueRequest, KioskFlow, Lookup, Message
from .supervisor import Supervisor
from .tickets import ticket_print

log = logging.getLogger("kiosk")
FPS = 20
PRINTER_POLL_S = 2.0
REPORT_S = 5.0                 # the health is re-sent at least this often when it did not reach the server
RETRY_S = 1.0


def fault_message(error: PrinterError) -> Message:
    """The printer fault screen's text: what happened and what the staff should do."""
    return Message("printer_title", error.message_vi, error.message_en, error.action_vi, error.action_en)


def status_fault(status: PrinterStatus) -> Message | None:
    """The fault to show for a polled printer status (None: it can print)."""
    fault = fault_for(status)
    return None if fault is None else fault_message(fault)


class KioskApp:
    """One running kiosk. Printer, scanner and client can be passed in (tests, `--demo`)."""

    def __init__(self, config: KioskConfig, printer=None, scanner=None, headless: bool = False,
                 clock=time.monotonic):
        self.config = config
        self.headless = headless
        self.inbox: queue.Queue = queue.Queue()
        self.client = RealtimeClient(config.server, "/kiosk", config.token, on_change=self._on_change)
        self.printer = printer or open_printer(config.printer.model_dump())
        self.scanner = scanner if scanner is not None else (
            open_scanner(config.scanner.model_dump(exclude_none=True)) if config.scanner else None)
        self.flow = KioskFlow(self.client.state, FlowSettings.from_config(config), clock=clock)
        self.stopping = threading.Event()
        self.printer_status: PrinterStatus | None = None
        self.health_changed = threading.Event()
        self.reported: dict | None = None
        self.loops = Supervisor(self.stopping, on_health=self.health_changed.set)
        self.surface: pygame.Surface | None = None
        self.widgets: list[screens.Widget] = []
        self.frames = 0

    # -- life cycle --------------------------------------------------------------------------------

    def start(self) -> None:
        """Open the screen and start the background threads (returns at once)."""
        pygame.init()
        size = (self.config.width, self.config.height)
        if self.headless:
            self.surface = pygame.Surface(size)
        else:
            flags = pygame.FULLSCREEN if self.config.fullscreen else 0
            self.surface = pygame.display.set_mode(size, flags)
            pygame.display.set_caption("Máy bốc số")
            pygame.mouse.set_visible(not self.config.fullscreen)
        self.loops.start("server_connect", self._connect_loop)
        self.loops.start("printer_monitor", self._poll_printer, every=PRINTER_POLL_S)
        self.loops.start("status_report", self._report_health)

    def stop(self) -> None:
        self.stopping.set()
        try:
            self.client.close()
        except Exception:                       # closing a client that never connected
            pass
        if self.scanner is not None:
            self.scanner.close()

    def run(self) -> None:
        """The main loop: until stop() or the window is closed."""
        self.start()
        if threading.current_thread() is threading.main_thread():
            # SDL turns SIGTERM into a QUIT event that a headless kiosk never reads: stop cleanly instead.
            signal.signal(signal.SIGTERM, lambda *_: self.stopping.set())
        frame = 1.0 / FPS
        try:
            while not self.stopping.is_set():
                began = time.monotonic()
                self.step()
                notify_watchdog()               # systemd: the loop is alive (rate-limited)
                time.sleep(max(0.0, frame - (time.monotonic() - began)))
        finally:
            self.stop()
            pygame.quit()

    def step(self) -> None:
        """One frame: answers from workers, scans, window events, timeouts, drawing."""
        while True:
            try:
                self.inbox.get_nowait()()
            except queue.Empty:
                break
        self._read_scanner()
        self._read_events()
        self.flow.tick()
        self.render()

    def post(self, fn) -> None:
        """Run `fn` on the main loop (the only thread that changes the flow)."""
        self.inbox.put(fn)

    # -- input ---------------------------------------------------------------------------------------

    def tap(self, x: float, y: float) -> None:
        """A touch at screen pixel (x, y)."""
        self.widgets = self._build()
        action = screens.hit(self.widgets, x, y)
        if action:
            self._run(self.flow.touch(action))

    def tap_action(self, action: str) -> bool:
        """Touch the centre of the widget with `action` (tests and the benchmark); False if not shown."""
        for widget in self._build():
            if widget.action == action:
                self.tap(*widget.box.center)
                return True
        return False

    def _read_scanner(self) -> None:
        while self.scanner is not None:
            scan = self.scanner.get(0)
            if scan is None:
                return
            self._run(self.flow.scan(scan))

    def _read_events(self) -> None:
        if self.headless:
            return
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                self.stopping.set()
            elif event.type == pygame.FINGERDOWN:
                self.tap(event.x * self.config.width, event.y * self.config.height)
            elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and not getattr(event, "touch", False):
                self.tap(*event.pos)         # a mouse; touches also arrive as FINGERDOWN, handled above
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE and not self.config.fullscreen:
                self.stopping.set()

    # -- drawing -------------------------------------------------------------------------------------

    def _build(self) -> list[screens.Widget]:
        return screens.build(self.flow, self.config.width, self.config.height, self.config.portrait)

    def render(self) -> None:
        self.widgets = self._build()
        if self.surface is None:
            return
        draw.paint(self.surface, self.widgets)
        self.frames += 1
        if not self.headless:
            pygame.display.flip()

    def screenshot(self, path: str) -> None:
        self.render()
        pygame.image.save(self.surface, path)

    # -- effects -------------------------------------------------------------------------------------

    def _run(self, effect) -> None:
        if isinstance(effect, IssueRequest):
            self._spawn(self._issue, effect, lambda: self.flow.issue_lost(effect))
        elif isinstance(effect, Lookup):
            self._spawn(self._lookup, effect, lambda: self.flow.lookup_failed(*LOOKUP_FAILED))

    def _spawn(self, work, effect, on_crash) -> None:
        """Carry out an effect in a worker; an unforeseen error still ends the wait on screen."""
        def run():
            try:
                work(effect)
            except Exception:
                log.exception("%s failed", work.__name__)
                self.post(on_crash)
        threading.Thread(target=run, daemon=True, name=f"kiosk{work.__name__}").start()

    def _issue(self, request: IssueRequest) -> None:
        """Printer first (no ticket that cannot be printed), then the server, then the paper."""
        try:
            self.printer.ensure_ready()
        except PrinterError as exc:
            self._printer_changed(exc.status)
            self.post(lambda e=exc: self.flow.printer_failed(fault_message(e), request))
            return
        try:
            result = self.client.call("issue_ticket", request.payload(), timeout=5)
        except QueueError as exc:
            self.post(lambda e=exc: self.flow.issue_refused(e.code, e.message_vi, e.message_en, request))
            return
        except Exception as exc:                 # no connection / no answer: retried with the same request_id
            log.warning("issue_ticket lost: %s", exc)
            self.post(lambda: self.flow.issue_lost(request))
            if self.client.connected:            # the answer was lost, not the link: retry soon
                self.stopping.wait(RETRY_S)
                self.post(lambda: self._run(self.flow.set_connected(self.client.connected)))
            return
        self.post(lambda: self.flow.printing(result, request))
        printed = self._print(result, request.dossier_code)
        self.post(lambda: self.flow.issued(result, printed, request))

    def _print(self, result: dict, dossier_code: str | None = None) -> bool:
        """Print an issued ticket; on failure the number stays on screen (docs/kiosk.md)."""
        centre = self.client.state.centre
        base = self.config.public_url or centre.get("public_url") or self.config.server
        counters = screens.counter_labels(self.flow, result["ticket"]["service_id"])
        try:
            self.printer.print_ticket(ticket_print(result, centre, base, counters, dossier_code))
            return True
        except PrinterError as exc:
            log.warning("ticket %s issued but not printed: %s", result["ticket"]["label"], exc)
            self._printer_changed(exc.status)
            return False

    def _lookup(self, lookup: Lookup) -> None:
        try:
            view = self.client.call("dossier_lookup", {"code": lookup.code}, timeout=5)["dossier"]
        except QueueError as exc:
            self.post(lambda e=exc: self.flow.lookup_failed(e.message_vi, e.message_en))
            return
        except Exception:
            self.post(lambda: self.flow.lookup_failed(*LOOKUP_FAILED))
            return
        self.post(lambda: self.flow.dossier_found(view))

    # -- server and printer health ------------------------------------------------------------------

    def _on_change(self, kind: str, payload) -> None:
        if kind == "snapshot":
            self.post(lambda: self._run(self.flow.set_connected(True)))
            self.reported = None                 # a new connection: tell the server again
            self.health_changed.set()
        elif kind == "disconnect":
            self.post(lambda: self.flow.set_connected(False))

    def _connect_loop(self) -> bool:
        """Connect once the server answers; afterwards the client reconnects by itself."""
        delay = 0.5
        while not self.stopping.is_set() and not self.client.connected:
            try:
                self.client.connect(timeout=5)
                return True
            except Exception as exc:
                log.info("server not reachable yet: %s", exc)
                self.stopping.wait(delay)
                delay = min(delay * 2, 5.0)
        return True

    def _poll_printer(self) -> None:
        self._printer_changed(self.printer.status())

    def _printer_changed(self, status: PrinterStatus) -> None:
        if status == self.printer_status:
            return
        log.info("printer: %s", status.value)
        self.printer_status = status
        fault = status_fault(status)
        self.post(lambda: self.flow.set_printer(fault))
        self.health_changed.set()

    def health(self) -> dict:
        """What `device_status` reports: the printer's state, the scanner's, and the app's loops."""
        status = {"printer": self.printer_status.value if self.printer_status else "unknown",
                  "app": self.loops.summary()}
        state = getattr(self.scanner, "state", None)
        if state is not None:
            status["scanner"] = getattr(state, "value", str(state))
        return status

    def _report_health(self) -> None:
        """Send the health when it changed (or was never received); the server stores an event
        only when it changed, so the admin dashboard sees each fault appear and clear."""
        self.health_changed.wait(REPORT_S)
        self.health_changed.clear()
        health = self.health()
        if health == self.reported or self.printer_status is None or not self.client.connected:
            return
        try:
            self.client.call("device_status", {"status": health}, timeout=5)
            self.reported = health
        except Exception as exc:
            log.info("device status not reported yet: %s", exc)
            if not self.stopping.wait(1.0):
                self.health_changed.set()            # try again soon


LOOKUP_FAILED = ("Không tra cứu được, vui lòng thử lại", "The lookup failed, please try again")


def main(args) -> int:
    """`motcua kiosk`: run a kiosk against a server."""
    from hw.printer import FakePrinter
    from hw.scanner import FakeScanner

    from .config import KioskConfigError, load_kiosk_config
    if args.headless:
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    overrides = {"server": args.server, "token": args.token, "width": args.width, "height": args.height}
    if args.windowed:
        overrides["fullscreen"] = False
    try:
        config = load_kiosk_config(args.config, **overrides)
    except KioskConfigError as exc:
        print(f"motcua kiosk: configuration error: {exc}")
        return 2
    if not config.token:
        print("motcua kiosk: a device token is needed (--token, or token in the config file)")
        return 2
    printer = FakePrinter() if args.demo else None
    scanner = FakeScanner() if args.demo else None
    app = KioskApp(config, printer=printer, scanner=scanner, headless=args.headless)
    print(f"motcua kiosk: {config.server} ({'headless' if args.headless else 'screen'}"
          f"{', fake printer and scanner' if args.demo else ''})", flush=True)
    try:
        app.run()
    except KeyboardInterrupt:
        app.stop()
    return 0
