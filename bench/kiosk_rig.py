"""What the kiosk benchmarks share: a real `motcua server` process (the production server, as a
centre runs it), a headless kiosk app against it, and honest percentiles.

Not a benchmark itself (no `bench_` prefix, so run_all.py skips it).
"""
from __future__ import annotations

import math
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.app import KioskApp  # noqa: E402
from kiosk.config import load_kiosk_config  # noqa: E402
from kiosk.flow import Screen  # noqa: E402
from queue_server.config import DEMO_CONFIG, load_config  # noqa: E402
from queue_server.setup import add_device  # noqa: E402
from queue_server.storage import Store  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server_process():
    """`motcua server` in its own process (demo centre, hours not enforced): yields (url, token)."""
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "centre.toml"
        config.write_text(DEMO_CONFIG.read_text(encoding="utf-8").replace("enforce = true", "enforce = false"),
                          encoding="utf-8")
        db = Path(tmp) / "centre.db"
        store = Store(db)
        token = add_device(load_config(config), None, "bench-kiosk", "kiosk", store=store)
        store.close()
        port = _free_port()
        proc = subprocess.Popen([sys.executable, "-m", "queue_server.cli", "server", "--config", str(config),
                                 "--db", str(db), "--port", str(port)], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(url, proc)
            yield url, token
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _wait_healthy(url: str, proc: subprocess.Popen, limit: float = 30) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("the server process exited at start")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the server did not start")


def kiosk(url: str, token: str, printer) -> KioskApp:
    """A headless kiosk with `printer`, on the attract screen."""
    config = load_kiosk_config(server=url, token=token, require_open_counter=False)
    app = KioskApp(config, printer=printer, scanner=None, headless=True)
    app.start()
    until(app, lambda: app.flow.screen is Screen.ATTRACT, 30)
    return app


def until(app: KioskApp, condition, timeout: float = 30) -> None:
    """Step the kiosk's main loop until `condition()` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"stuck on {app.flow.screen.value}")
        app.step()
        time.sleep(0.0005)


def walk_to_last_touch(app: KioskApp) -> None:
    """Start → department → service, skipping the double-tap guard (a benchmark, not a person)."""
    for action in ("start", "dept:stp", "service:stp-hotich"):
        app.flow.changed_at -= 1
        app.tap_action(action)
    app.flow.changed_at -= 1


def back_home(app: KioskApp) -> None:
    until(app, lambda: app.flow.screen is Screen.CONFIRMATION)
    app.flow.changed_at -= 1
    app.tap_action("done")


def figures(label: str, seconds: list[float]) -> str:
    """p50, p90, p99 (only with >= 1000 samples: below that the top percentile is just the
    maximum) and max, in ms."""
    ms = sorted(s * 1000 for s in seconds)
    rank = lambda q: ms[max(0, math.ceil(q * len(ms)) - 1)]          # nearest-rank percentile
    parts = [f"p50 {statistics.median(ms):.1f} ms", f"p90 {rank(0.9):.1f} ms"]
    if len(ms) >= 1000:
        parts.append(f"p99 {rank(0.99):.1f} ms")
    parts.append(f"max {ms[-1]:.1f} ms")
    return f"{label} ({len(ms)} samples): " + ", ".join(parts)


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"machine load {one:.2f} / {five:.2f} (1 / 5 min) on {os.cpu_count()} cores"
