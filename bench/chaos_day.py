"""Chaos day: the demo centre runs a day against a real server process while faults are injected.

A kiosk (fake printer), the LED service (fake RS-485 panel), a hall display and a rating tablet
serve citizens; officers call and finish tickets. Meanwhile faults come one after another at
random: the printer unplugged, out of paper, near its end, silent (and its cover opened when the
fake printer has `open_cover`), the whole LED bus dead or one display silent, the server stopped
and started again (with a device fault beginning while it is down, which must show once it is
back). Each device fault must appear on the admin dashboard (a `device.status` event)
and clear when its cause is removed; the server's outage ends when every device is back. At the
end no screen is stuck, every ticket the kiosk showed was issued once, every rating made reached
the server exactly once.

    .venv/bin/python bench/chaos_day.py [--faults 20] [--server-down 30] [--seed 7]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pygame  # noqa: E402

from display.app import DisplayApp  # noqa: E402
from display.config import DisplayConfig, LedServiceConfig  # noqa: E402
from display.health import StatusReporter  # noqa: E402
from display.leds import LedService, run_led_client  # noqa: E402
from hw.printer import FakePrinter  # noqa: E402
from hw.scanner import FakeScanner  # noqa: E402
from kiosk import app as kiosk_app  # noqa: E402
from kiosk.app import KioskApp  # noqa: E402
from kiosk.config import load_kiosk_config  # noqa: E402
from kiosk.flow import Screen  # noqa: E402
from queue_server.config import DEMO_CONFIG, load_config  # noqa: E402
from queue_server.setup import add_device, add_user  # noqa: E402
from satisfaction_terminal.app import TerminalApp  # noqa: E402
from satisfaction_terminal.config import TerminalSettings  # noqa: E402
from satisfaction_terminal.flow import Phase  # noqa: E402
from tests.queue_server.process.conftest import ServerProcess, http  # noqa: E402

KIOSK, LEDS, TABLET = "may-boc-so-1", "bang-led-a", "danh-gia-1"
LED_ADDRESSES = {1: 11, 2: 12, 3: 13}
CITIZEN_PATH = {Screen.ATTRACT: "start", Screen.DEPARTMENTS: "dept:stp",
                Screen.SERVICES: "service:stp-hotich", Screen.PRIORITY: "priority:no",
                Screen.CONFIRMATION: "done"}


@dataclass
class Fault:
    """One injected fault and when it was seen and cleared (monotonic seconds)."""

    kind: str
    device: str = ""
    injected: float = 0.0
    seen: float | None = None           # the dashboard showed it
    removed: float | None = None        # its cause was taken away
    recovered: float | None = None      # the dashboard (or every device, for the server) shows it cleared

    @property
    def to_see(self) -> float | None:
        return None if self.seen is None else self.seen - self.injected

    @property
    def to_recover(self) -> float | None:
        return None if self.recovered is None or self.removed is None else self.recovered - self.removed


@dataclass
class Tally:
    """What the simulated people did."""

    shown: dict[str, str] = field(default_factory=dict)      # ticket id → label the kiosk showed
    ratings: list[str] = field(default_factory=list)         # rating ids the tablet made
    kiosk_screens: set[str] = field(default_factory=set)


class Looper:
    """Calls ``body()`` every ``period`` seconds in a thread; an exception is kept, not raised."""

    def __init__(self, name: str, body, period: float):
        self.body, self.period, self.errors = body, period, []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> "Looper":
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.period):
            try:
                self.body()
            except Exception as exc:                       # a driver bug must not end the day
                self.errors.append(repr(exc))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)


class ChaosDay:
    """One simulated day with faults; ``run()`` returns the faults, ``check()`` the problems."""

    def __init__(self, workdir: Path, faults: int = 8, server_down_s: float = 3.0, hold_s=(0.5, 1.5),
                 seed: int = 7, printer_poll_s: float = 2.0, led_retry_s: float = 2.0, progress=None):
        self.workdir, self.n_faults, self.server_down_s, self.hold_s = workdir, faults, server_down_s, hold_s
        self.rng = random.Random(seed)
        self.printer_poll_s, self.led_retry_s = printer_poll_s, led_retry_s
        self.progress = progress or (lambda text: None)
        self.faults: list[Fault] = []
        self.tally = Tally()
        self.loops: list[Looper] = []
        self._seen_seq = 0
        self._statuses: list[tuple[float, str, dict]] = []      # (when read, device name, status)

    # -- the centre and its devices ----------------------------------------------------------------

    def setup(self) -> None:
        """The server process with its devices and an officer; every device started."""
        config_path = self.workdir / "centre.toml"
        config_path.write_text(DEMO_CONFIG.read_text(encoding="utf-8").replace("enforce = true", "enforce = false"),
                               encoding="utf-8")
        self.server = ServerProcess(config_path, self.workdir / "data" / "centre.db")
        self.server.db.parent.mkdir(parents=True, exist_ok=True)
        config = load_config(config_path)
        tokens = {name: add_device(config, self.server.db, name, role, counter=counter, display_group=group)
                  for name, role, counter, group in [(KIOSK, "kiosk", None, None), (LEDS, "display", None, "A"),
                                                     ("man-hinh-a", "display", None, "A"),
                                                     (TABLET, "terminal", 1, None)]}
        add_user(config, self.server.db, "hoa", "Lê Thị Hoa", "officer", "matkhau1")
        self.server.start()
        self.officer = http("POST", self.server.url + "/api/login", {"username": "hoa", "password": "matkhau1"})[1]["token"]
        http("POST", self.server.url + "/api/counters/1/open", {}, self.officer)
        self._start_kiosk(tokens[KIOSK])
        self._start_leds(tokens[LEDS])
        self._start_hall(tokens["man-hinh-a"])
        self._start_tablet(tokens[TABLET])
        self.loops.append(Looper("officer", self._officer_step, 0.7).start())

    def _start_kiosk(self, token: str) -> None:
        kiosk_app.PRINTER_POLL_S = self.printer_poll_s
        self.printer = FakePrinter()
        self.kiosk = KioskApp(load_kiosk_config(server=self.server.url, token=token), printer=self.printer,
                              scanner=FakeScanner(), headless=True)
        self.kiosk.start()
        self.loops.append(Looper("kiosk", self._kiosk_step, 0.02).start())

    def _start_leds(self, token: str) -> None:
        cfg = LedServiceConfig.model_validate({"bus": {"backend": "fake", "retries": 1}, "displays": {
            str(n): {"address": a, "blink_seconds": 0} for n, a in LED_ADDRESSES.items()}})
        holder: dict = {}
        self.led_reporter = StatusReporter(lambda s: holder["c"].call("device_status", {"status": s}, timeout=5))
        self.leds = LedService(cfg, retry_seconds=self.led_retry_s, report=self.led_reporter.part("leds")).start()
        self.panel = self.leds.bus.fake_port.panel
        self.led_client = holder["c"] = run_led_client(self.server.url, token, self.leds)
        self.led_client.connect()
        self.led_reporter.start()

    def _start_hall(self, token: str) -> None:
        pygame.font.init()
        cfg = DisplayConfig(server=self.server.url, token=token, width=640, height=360, fullscreen=False)
        self.hall = DisplayApp(cfg, surface=pygame.Surface((640, 360)))
        self.hall.start()
        self.loops.append(Looper("hall", self.hall.safe_step, 0.1).start())

    def _start_tablet(self, token: str) -> None:
        self.tablet_clock = [1000.0]
        settings = TerminalSettings(server=self.server.url, token=token, counter=1,
                                    outbox=str(self.workdir / "tablet" / "outbox.db"))
        self.tablet = TerminalApp(settings, clock=lambda: self.tablet_clock[0])
        add = self.tablet.outbox.add
        self.tablet.outbox.add = lambda payload: (self.tally.ratings.append(payload["id"]), add(payload))[1]
        self.tablet.start()
        self.loops.append(Looper("tablet", self._tablet_step, 0.05).start())

    # -- the people --------------------------------------------------------------------------------

    def _kiosk_step(self) -> None:
        """The kiosk's main loop, and a citizen taking a number whenever it can."""
        app = self.kiosk
        app.step()
        screen = app.flow.screen
        self.tally.kiosk_screens.add(screen.value)
        if screen is Screen.CONFIRMATION and app.flow.session.result:
            ticket = app.flow.session.result["ticket"]
            self.tally.shown.setdefault(ticket["id"], ticket["label"])
        action = CITIZEN_PATH.get(screen)
        if action and app.flow.clock() - app.flow.changed_at > app.flow.settings.touch_guard_s + 0.1:
            app.tap_action(action)

    def _tablet_step(self) -> None:
        """The tablet's loop; the citizen at counter 1 rates, then the thanks screen times out."""
        self.tablet_clock[0] += 0.05
        self.tablet.step()
        phase = self.tablet.flow.phase
        if phase is Phase.RATING:
            size = (1280, 800)
            button = next((b for b in self.tablet.buttons(size) if b.action == "choose"), None)
            if button is not None:
                self.tablet_clock[0] += 1.0
                self.tablet.touch(button.rect.x + button.rect.w / 2, button.rect.y + button.rect.h / 2, size)
        elif phase is not Phase.IDLE:
            self.tablet_clock[0] += 2.0

    def _officer_step(self) -> None:
        """Counter 1 calls the next citizen and finishes (so the tablet asks for a rating)."""
        url = self.server.url + "/api/counters/1/"
        try:
            if http("POST", url + "finish", {}, self.officer, timeout=2)[0] != 200:
                http("POST", url + "call-next", {}, self.officer, timeout=2)
        except OSError:
            pass                                        # the server is down: the officer waits

    # -- faults --------------------------------------------------------------------------------------

    def fault_kinds(self) -> dict:
        """Fault name → (device whose status shows it, inject, remove)."""
        p, panel = self.printer, self.panel
        kinds = {
            "printer.unplug": (KIOSK, p.unplug, p.plug),
            "printer.paper_out": (KIOSK, lambda: p.set_paper_out(True), lambda: p.set_paper_out(False)),
            "printer.near_end": (KIOSK, lambda: p.set_paper_near_end(True), lambda: p.set_paper_near_end(False)),
            "printer.silent": (KIOSK, lambda: p.set_answering(False), lambda: p.set_answering(True)),
            "leds.bus_dead": (LEDS, lambda: panel.stop_answering(None), panel.resume),
            "leds.one_silent": (LEDS, lambda: panel.stop_answering(12), panel.resume),
        }
        if hasattr(p, "open_cover"):
            kinds["printer.cover_open"] = (KIOSK, p.open_cover, p.close_cover)
        return kinds

    def run(self) -> list[Fault]:
        """Inject the faults one after another (the server outage half-way); the day goes on."""
        kinds = self.fault_kinds()
        plan = [self.rng.choice(sorted(kinds)) for _ in range(self.n_faults)]
        plan.insert(len(plan) // 2, "server.down")
        self._wait_all_ok(20)
        self.progress(f"devices ready: kiosk {self.current(KIOSK)}, LEDs {self.current(LEDS)}")
        for kind in plan:
            done = self._server_down() if kind == "server.down" else [self._device_fault(kind, *kinds[kind])]
            for fault in done:
                self.faults.append(fault)
                self.progress(f"{fault.kind:<30} seen {_s(fault.to_see)}  recovered {_s(fault.to_recover)}")
        return self.faults

    def _device_fault(self, kind: str, device: str, inject, remove) -> Fault:
        fault = Fault(kind, device, injected=time.monotonic())
        inject()
        fault.seen = self._wait_status(device, lambda s: not _healthy(s), since=fault.injected)
        time.sleep(self.rng.uniform(*self.hold_s))
        fault.removed = time.monotonic()
        remove()
        fault.recovered = self._wait_status(device, _healthy, since=fault.removed)
        return fault

    def _server_down(self) -> list[Fault]:
        """The server stops; meanwhile a device fault begins, which must show once it is back."""
        fault = Fault("server.down", "server", injected=time.monotonic())
        kind = self.rng.choice(sorted(self.fault_kinds()))
        device, inject, remove = self.fault_kinds()[kind]
        self.server.stop()
        inject()
        time.sleep(self.server_down_s)
        self.server.start(timeout=60)                     # a loaded machine starts Python slowly
        fault.removed = time.monotonic()                  # the server answers again
        fault.recovered = self._until(self._all_connected, 30)
        fault.seen = fault.injected
        during = Fault(f"{kind} (in outage)", device, injected=fault.removed)
        during.seen = self._wait_status(device, lambda s: not _healthy(s), since=during.injected)
        during.removed = time.monotonic()
        remove()
        during.recovered = self._wait_status(device, _healthy, since=during.removed)
        return [fault, during]

    def _all_connected(self) -> bool:
        return (self.kiosk.client.connected and self.led_client.connected and self.hall.client.connected
                and self.tablet.client.connected and self.kiosk.flow.screen is not Screen.OFFLINE)

    # -- watching the dashboard ------------------------------------------------------------------------

    def _read_statuses(self) -> None:
        """New device.status events from the server's database (what the dashboard shows)."""
        with sqlite3.connect(f"file:{self.server.db}?mode=ro", uri=True, timeout=5) as con:
            rows = con.execute("SELECT seq, data FROM events WHERE type = 'device.status' AND seq > ? ORDER BY seq",
                               (self._seen_seq,)).fetchall()
        now = time.monotonic()
        for seq, data in rows:
            self._seen_seq = seq
            event = json.loads(data)
            self._statuses.append((now, event["name"], event["status"]))

    def _wait_status(self, device: str, wanted, since: float, timeout: float = 15.0) -> float | None:
        """When a status of ``device`` read after ``since`` satisfied ``wanted`` (None: never)."""
        def found():
            self._read_statuses()
            return any(t >= since and name == device and wanted(status) for t, name, status in self._statuses)
        return self._until(found, timeout)

    def current(self, device: str) -> dict:
        self._read_statuses()
        return next((s for _, name, s in reversed(self._statuses) if name == device), {})

    def _wait_all_ok(self, timeout: float) -> None:
        self._until(lambda: _healthy(self.current(KIOSK)) and _healthy(self.current(LEDS)), timeout)

    @staticmethod
    def _until(condition, timeout: float) -> float | None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if condition():
                return time.monotonic()
            time.sleep(0.1)
        return None

    # -- the end of the day ------------------------------------------------------------------------------

    def check(self) -> list[str]:
        """Everything that went wrong (empty: a good day)."""
        problems = [f"{f.kind}: never seen on the dashboard" for f in self.faults if f.seen is None]
        problems += [f"{f.kind}: never cleared" for f in self.faults if f.recovered is None]
        problems += self._stuck_screens() + self._ticket_problems() + self._rating_problems()
        problems += [f"driver {loop._thread.name}: {e}" for loop in self.loops for e in loop.errors[:3]]
        return problems

    def _stuck_screens(self) -> list[str]:
        out = []
        if self._until(lambda: self.kiosk.flow.screen in (Screen.ATTRACT, *CITIZEN_PATH), 20) is None:
            out.append(f"kiosk stuck on {self.kiosk.flow.screen.value}")
        if not self.hall.views(self.hall.monotonic()).connected:
            out.append("hall display shows offline")
        if self._until(lambda: not self.leds.failed, 10) is None:
            out.append(f"LED displays still failing: {sorted(self.leds.failed)}")
        if self._until(lambda: len(self.tablet.outbox) == 0, 20) is None:
            out.append(f"tablet outbox still holds {len(self.tablet.outbox)} ratings")
        return out

    def _db(self, sql: str) -> list[tuple]:
        with sqlite3.connect(f"file:{self.server.db}?mode=ro", uri=True, timeout=5) as con:
            return con.execute(sql).fetchall()

    def _ticket_problems(self) -> list[str]:
        issued = dict(self._db("SELECT id, label FROM tickets WHERE source = 'kiosk'"))
        out = [f"ticket {label} shown but not issued" for tid, label in self.tally.shown.items() if tid not in issued]
        out += [f"ticket {label} issued but never shown" for tid, label in issued.items() if tid not in self.tally.shown]
        labels = [label for _, label in self._db("SELECT id, label FROM tickets")]
        out += [f"label {label} issued twice" for label in set(labels) if labels.count(label) > 1]
        return out

    def _rating_problems(self) -> list[str]:
        stored = [row[0] for row in self._db("SELECT id FROM ratings")]
        out = [f"rating {r} made but not stored" for r in self.tally.ratings if r not in stored]
        out += [f"rating {r} stored {stored.count(r)} times" for r in set(stored) if stored.count(r) > 1]
        out += [f"rating {r} stored but never made" for r in stored if r not in self.tally.ratings]
        return out

    def close(self) -> None:
        for loop in self.loops:
            loop.stop()
        for closer in (self.kiosk.stop, self.hall.close, self.tablet.stop, self.led_reporter.close,
                       self.led_client.close, self.leds.close, self.server.stop):
            try:
                closer()
            except Exception:
                pass

    # -- figures ---------------------------------------------------------------------------------------

    def figures(self) -> str:
        device = [f for f in self.faults if f.kind != "server.down"]
        see = [f.to_see for f in device if f.to_see is not None]
        recover = [f.to_recover for f in self.faults if f.to_recover is not None]
        lines = [f"faults injected: {len(self.faults)}  recovered: {len(recover)}  "
                 f"({', '.join(f'{k} {n}' for k, n in _counts(f.kind for f in self.faults))})",
                 _spread("seconds to appear on the dashboard", see),
                 _spread("seconds to recover (cause removed → cleared / devices back)", recover),
                 f"tickets shown by the kiosk: {len(self.tally.shown)}  ratings made: {len(self.tally.ratings)}",
                 f"kiosk screens seen: {', '.join(sorted(self.tally.kiosk_screens))}"]
        for f in self.faults:
            lines.append(f"  {f.kind:<30} seen {_s(f.to_see)}  recovered {_s(f.to_recover)}")
        return "\n".join(lines)


def _healthy(status: dict) -> bool:
    """A device status with no fault: printer online (or near end cleared), LEDs ok."""
    return bool(status) and status.get("printer", "online") == "online" and status.get("leds", "ok") == "ok"


def _counts(kinds) -> list[tuple[str, int]]:
    out: dict[str, int] = {}
    for kind in kinds:
        out[kind] = out.get(kind, 0) + 1
    return sorted(out.items())


def _spread(title: str, values: list[float]) -> str:
    if not values:
        return f"{title}: none"
    return f"{title}: p50 {statistics.median(values):.2f} s  max {max(values):.2f} s  (n={len(values)})"


def _s(value: float | None) -> str:
    return "never" if value is None else f"{value:5.2f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faults", type=int, default=20, help="device faults (the server outage comes on top)")
    parser.add_argument("--server-down", type=float, default=30.0, help="seconds the server stays down")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    began = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        day = ChaosDay(Path(tmp), faults=args.faults, server_down_s=args.server_down, seed=args.seed,
                       hold_s=(1.0, 5.0), progress=lambda text: print(f"{time.monotonic() - began:6.1f}  {text}",
                                                                         flush=True))
        try:
            day.setup()
            day.run()
            problems = day.check()
        finally:
            day.close()
        print(day.figures())
        print(f"day length: {time.monotonic() - began:.0f} s   load average: "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print("problems: " + ("none" if not problems else "\n  " + "\n  ".join(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
