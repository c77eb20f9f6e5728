"""Call display benchmarks: call → pixels updated (render done), and memory over an 8-hour day.

    .venv/bin/python bench/bench_display.py [--calls 200] [--counters 40] [--tickets 2400]

1. Latency (target p50/p99 ≤ 50 ms): the queue server runs in its own process (`motcua server`,
   the demo centre grown to `--counters` counters, all in one display group); an officer client
   calls a ticket over Socket.IO and the hall display in this process (DisplayApp, 1920×1080
   off-screen surface, SDL dummy driver) applies the event and draws the whole frame. Measured:
   the officer's send → the end of the first frame that contains that call.
2. Memory: a simulated 8-hour day (`--tickets` tickets, calls, recalls, pauses, finishes on every
   counter) is made over the network by another process against a real `motcua server`, and the
   same display app, connected with its own client, receives and draws it as fast as it comes;
   RSS after every simulated hour.
"""
from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pygame  # noqa: E402

from bench.bench_queue import bench_config  # noqa: E402
from bench.bench_realtime import load as load_text, p99_text  # noqa: E402
from display.app import DisplayApp  # noqa: E402
from display.config import DisplayConfig  # noqa: E402
from display.memory import limit_heap_growth  # noqa: E402
from display.voice import open_display_voice  # noqa: E402
from hw.voice import AudioOutput  # noqa: E402
from queue_server.client import RealtimeClient  # noqa: E402
from queue_server.config import load_config  # noqa: E402
from queue_server.setup import add_device, add_user  # noqa: E402
from tests.queue_server.process.conftest import ServerProcess, http  # noqa: E402

NOTICE = "Trung tâm làm việc từ 7h00 đến 11h30 và từ 13h30 đến 17h00, Thứ Hai đến Thứ Sáu."


class SilentAudio(AudioOutput):
    """Plays nothing and keeps nothing (FakeAudio keeps every WAV, which would be the growth we measure)."""

    def play(self, wav: bytes) -> None:
        self.count = getattr(self, "count", 0) + 1


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def display_app(url: str, token: str, monotonic=time.monotonic) -> DisplayApp:
    cfg = DisplayConfig(server=url, token=token, notice=NOTICE, fullscreen=False,
                        voice={"backend": "fake", "enabled": True})
    pygame.display.init()
    pygame.font.init()
    return DisplayApp(cfg, voice=open_display_voice(cfg.voice, output=SilentAudio()),
                      surface=pygame.Surface((cfg.width, cfg.height)), monotonic=monotonic)


# -- 1. latency ------------------------------------------------------------------------------------

def bench_latency(workdir: Path, counters: int, calls: int) -> tuple[list[float], list[float]]:
    config_text = bench_config(counters)
    (workdir / "centre.toml").write_text(config_text, encoding="utf-8")
    config = load_config(workdir / "centre.toml")
    db = workdir / "data" / "centre.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    display_token = add_device(config, db, "bench-hall", "display")
    add_user(config, db, "benchofficer", "Cán bộ đo", "admin", "matkhau1")
    for c in config.counters:
        add_user(config, db, f"canbo{c.number:02d}", f"Cán bộ {c.number}", "officer", "matkhau1")
    server = ServerProcess(workdir / "centre.toml", db)
    server.start()
    rendered: dict[int, float] = {}
    render_ms: list[float] = []
    app = display_app(server.url, display_token)

    def after(seqs):
        now = time.perf_counter()
        for s in seqs:
            rendered[s] = now
    app.after_render = after
    stop = threading.Event()

    def loop():                         # DisplayApp.run's loop, without a window
        while not stop.is_set():
            start = time.perf_counter()
            if app.step():
                render_ms.append((time.perf_counter() - start) * 1000)
            app.wait_for_change(1 / app.cfg.fps)
    try:
        app.start()
        threading.Thread(target=loop, daemon=True).start()
        _open_counters(server.url, config)
        officer = _officer(server.url, workdir, config)
        services = [s.id for d in config.departments for s in d.services]
        latencies = _calls(officer, config, services, calls, rendered)
        officer.close()
        return latencies, render_ms
    finally:
        stop.set()
        app.close()
        server.stop()


def _open_counters(url: str, config) -> None:
    """One officer logs in at each counter (an officer holds one counter at a time)."""
    for c in config.counters:
        status, body = http("POST", url + "/api/login", {"username": f"canbo{c.number:02d}", "password": "matkhau1"})
        http("POST", url + f"/api/counters/{c.number}/open", {}, token=body["token"])


def _officer(url: str, workdir: Path, config) -> RealtimeClient:
    """An administrator's console: may call at any open counter."""
    status, body = http("POST", url + "/api/login", {"username": "benchofficer", "password": "matkhau1"})
    client = RealtimeClient(url, "/counter", body["token"], reconnect=False)
    client.connect()
    client.wait_ready()
    return client


def _calls(officer, config, services, calls: int, rendered: dict) -> list[float]:
    latencies = []
    numbers = [c.number for c in config.counters]
    for i in range(calls):
        counter = config.counter(numbers[i % len(numbers)])
        officer.call("issue_ticket", {"service_id": counter.services[0]})
        time.sleep(0.02)                       # let the display draw the "issued" change first
        start = time.perf_counter()
        result = officer.call("call_next", {"counter": counter.number})
        seq = next(e["seq"] for e in result["events"] if e["type"] == "ticket.called")
        deadline = time.monotonic() + 5
        while seq not in rendered and time.monotonic() < deadline:
            time.sleep(0.0005)
        if seq in rendered:
            latencies.append((rendered[seq] - start) * 1000)
    return latencies


# -- 2. memory over a simulated day ----------------------------------------------------------------

def drive_day(url: str, kiosk: str, officers: dict[int, str], services: dict[int, list[str]], tickets: int,
              hours) -> None:
    """A simulated 8-hour day made over the network against the real server (its own process):
    tickets every minute, and each officer's minute (call, recall, finish, pause, resume); after
    each simulated hour, the hour is put on `hours`."""
    rng = random.Random(7)
    for n, token in officers.items():
        http("POST", f"{url}/api/counters/{n}/open", {}, token)
    per_minute = tickets / 480
    paths = {"call_next": "call-next", "recall": "recall", "finish": "finish", "pause": "pause", "resume": "resume"}
    for minute in range(1, 481):
        for _ in range(int(per_minute) + (rng.random() < per_minute % 1)):
            n = rng.choice(sorted(services))
            http("POST", url + "/api/tickets", {"service_id": rng.choice(services[n])}, kiosk)
        for n, token in officers.items():
            roll = rng.random()
            action = ("call_next" if roll < 0.25 else "recall" if roll < 0.28 else "finish" if roll < 0.35
                      else "pause" if roll < 0.36 else "resume" if roll < 0.40 else None)
            if action:                  # a refusal (nobody waiting, not paused) is a quiet minute
                http("POST", f"{url}/api/counters/{n}/{paths[action]}", {}, token)
        if minute % 60 == 0:
            hours.put(minute // 60)


def bench_memory(workdir: Path, counters: int, tickets: int) -> dict:
    """The hall display (this process, its real client) connected to `motcua server` while another
    process makes a whole day's changes over the network; RSS after each simulated hour."""
    import multiprocessing as mp
    limit_heap_growth()                 # as `motcua display` does at start (display/memory.py)
    config = load_config(workdir / "centre.toml")
    db = workdir / "data" / "day.db"
    display_token = add_device(config, db, "bench-hall-day", "display")
    kiosk = add_device(config, db, "bench-kiosk-day", "kiosk")
    for c in config.counters:
        add_user(config, db, f"canbo{c.number:02d}", f"Cán bộ {c.number}", "officer", "matkhau1")
    server = ServerProcess(workdir / "centre.toml", db)
    server.start()
    officers = {c.number: http("POST", server.url + "/api/login",
                               {"username": f"canbo{c.number:02d}", "password": "matkhau1"})[1]["token"]
                for c in config.counters}
    app = display_app(server.url, display_token)
    events = [0]
    frames = [0]
    app.after_render = lambda seqs: events.__setitem__(0, events[0] + len(seqs))
    stop = threading.Event()

    def loop():
        while not stop.is_set():
            frames[0] += app.step()
            app.wait_for_change(1 / app.cfg.fps)
    marks: dict[int, tuple[int, int]] = {}
    started = time.perf_counter()
    ctx = mp.get_context("spawn")
    hours = ctx.Queue()
    driver = ctx.Process(target=drive_day, args=(server.url, kiosk, officers,
                                                 {c.number: list(c.services) for c in config.counters}, tickets, hours))
    try:
        app.start()
        threading.Thread(target=loop, daemon=True).start()
        driver.start()
        for _ in range(8):
            hour = hours.get(timeout=3600)
            time.sleep(0.5)             # the hour's last changes drawn
            gc.collect()
            marks[hour] = (rss_kib(), app._painter.cached_bytes)
        driver.join(60)
        app.voice.wait_idle(30)
    finally:
        stop.set()
        app.close()
        server.stop()
    return {"events": events[0], "frames": frames[0], "marks": marks,
            "seconds": time.perf_counter() - started, "spoken": app.voice.output.inner.__dict__.get("count", 0)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--counters", type=int, default=40)
    parser.add_argument("--tickets", type=int, default=2400, help="tickets in the simulated 8-hour day")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        latencies, render_ms = bench_latency(workdir, args.counters, args.calls)
        print(f"call → display rendered (1920×1080, {args.counters} counters, {len(latencies)}/{args.calls} calls, "
              f"{load_text()}): {p99_text(latencies)}  (target p99 ≤ 50 ms)")
        print(f"one frame (apply + draw): {p99_text(render_ms)}")
        mem = bench_memory(workdir, args.counters, args.tickets)
        marks = mem["marks"]
        print(f"8-hour day over the network: {mem['events']} events drawn, {mem['frames']} frames, "
              f"{mem['spoken']} announcements in {mem['seconds']:.0f} s ({load_text()})")
        for hour, (rss, cache) in sorted(marks.items()):
            print(f"  RSS after hour {hour}: {rss / 1024:.1f} MiB (text cache {cache / 2**20:.1f} MiB)")
        print(f"  growth hour 1 → 8: {(marks[8][0] - marks[1][0]) / 1024:+.1f} MiB, "
              f"hour 4 → 8: {(marks[8][0] - marks[4][0]) / 1024:+.1f} MiB, "
              f"hour 6 → 8: {(marks[8][0] - marks[6][0]) / 1024:+.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
