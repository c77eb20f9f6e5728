"""`motcua demo`: the server with the demo centre and a simulated centre day."""
from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

from ..app import create_app, run_server
from ..config import Hours, load_config, DEMO_CONFIG
from .devices import device_commands, device_environment
from .people import DEMO_PASSWORD, officer_username, seed_accounts
from .simulator import CentreSimulator


def demo_config():
    """The demo centre, open at any hour so the demo runs whenever it is started."""
    return load_config(DEMO_CONFIG).model_copy(update={"hours": Hours(enforce=False)})


def fresh_database(db_path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)


def run_demo(db_path: str = "var/demo.db", host: str = "127.0.0.1", port: int = 5000, speed: float = 1.0,
             fresh: bool = True) -> int:
    db_path = Path(db_path)
    if fresh:
        fresh_database(db_path)
    config = demo_config()
    app = create_app(config, db_path)
    service = app.extensions["motcua"]
    seeded = seed_accounts(config, service.store) if not service.accounts.user_by_name("admin") else None
    if seeded is None:
        print("motcua demo: reusing the accounts of the kept database (officers are not simulated)")
        simulator = None
    else:
        simulator = CentreSimulator(service, seeded["officers"], speed=speed)
        simulator.start()
    _print_welcome(config, host, port, seeded)
    devices = DeviceProcesses(device_commands(f"http://{host}:{port}", seeded) if seeded else [])
    # SIGTERM (systemd, kill) and SIGHUP (the terminal closed) run the same clean-up as Ctrl+C.
    previous = {sig: signal.signal(sig, _exit_on_signal) for sig in STOP_SIGNALS}
    try:
        devices.start_when_ready(f"http://{host}:{port}/healthz")
        run_server(app, host, port)
    finally:
        devices.stop()
        if simulator:
            simulator.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0


STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def _exit_on_signal(signum, frame) -> None:
    raise SystemExit(128 + signum)


class DeviceProcesses:
    """The demo's device apps, started once the server answers and stopped with it.

    Each runs in its own process group: Ctrl+C in the terminal reaches only the demo, which then
    stops every app it started (and anything an app started) itself, so none is left retrying.
    """

    STOP_SECONDS = 5

    def __init__(self, commands: list[list[str]]):
        self.commands = commands
        self.procs: list[subprocess.Popen] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()        # no app starts once stop() has begun

    def start_when_ready(self, health_url: str) -> None:
        if self.commands:
            threading.Thread(target=self._start, args=(health_url,), daemon=True, name="demo-devices").start()

    def _start(self, health_url: str) -> None:
        for _ in range(100):
            if self.stopping.is_set():
                return
            try:
                urllib.request.urlopen(health_url, timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        for argv in self.commands:
            with self._lock:
                if self.stopping.is_set():
                    return
                self.procs.append(subprocess.Popen(argv, env=device_environment(), start_new_session=True))

    def stop(self) -> None:
        with self._lock:
            self.stopping.set()
        for proc in self.procs:
            _signal_group(proc, signal.SIGTERM)
        deadline = time.monotonic() + self.STOP_SECONDS
        for proc in self.procs:
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            _signal_group(proc, signal.SIGKILL)       # the app's own children too, if any are left
            proc.wait()


def _signal_group(proc: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(proc.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def _print_welcome(config, host: str, port: int, seeded) -> None:
    base = f"http://{host}:{port}"
    print(f"""
motcua demo — {config.centre.name}
  Bàn làm việc cán bộ (counter console): {base}/console
      Quầy 1 dành cho bạn / counter 1 is yours: đăng nhập {officer_username(1)} / {DEMO_PASSWORD}
      (other counters are run by simulated officers: {officer_username(2)} … {officer_username(len(config.counters))})
  Quản trị (admin): {base}/admin/   đăng nhập admin / {DEMO_PASSWORD}
  API: {base}/api/openapi.json   ·   Health: {base}/healthz
  Ctrl+C to stop.""", flush=True)
    if seeded:
        print(f"  Device tokens (for `motcua kiosk/display --token`): kiosk {seeded['tokens']['kiosk']}\n"
              f"                                                      display {seeded['tokens']['display']}", flush=True)
