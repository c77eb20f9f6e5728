"""Queue server benchmarks: durable tickets per second, and call-to-display latency.

    .venv/bin/python bench/bench_queue.py [--calls 600] [--displays 50] [--counters 40]

Targets (issue 2): >= 500 durable tickets/s; p99 call -> display <= 20 ms with 40 counters and 50
display clients. The server runs in its own process (`motcua server`), the 50 display clients in
another, the officers' consoles in this one; timestamps are wall-clock times on the same machine.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import statistics
import sys
import tempfile
import threading
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from queue_server.client import RealtimeClient, close_all  # noqa: E402
from queue_server.config import DEMO_CONFIG, load_config, parse_config  # noqa: E402
from queue_server.service import QueueService  # noqa: E402
from queue_server.setup import add_device, add_user  # noqa: E402
from queue_server.storage import Store  # noqa: E402
from tests.queue_server.process.conftest import ServerProcess, http  # noqa: E402


def bench_config(counters: int) -> str:
    """The demo centre grown to `counters` counters, hours not enforced, as TOML text."""
    text = DEMO_CONFIG.read_text(encoding="utf-8").replace("enforce = true", "enforce = false")
    data = tomllib.loads(text)
    services = [s["id"] for d in data["departments"] for s in d["services"]]
    extra = []
    for number in range(len(data["counters"]) + 1, counters + 1):
        extra.append(f'\n[[counters]]\nnumber = {number}\nroom = "E"\nfloor = 3\n'
                     f'services = ["{services[number % len(services)]}"]\n')
    text += "".join(extra)
    parse_config(tomllib.loads(text))
    return text


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def bench_service_tickets(workdir: Path, n: int = 3000) -> float:
    """Tickets/s through QueueService (engine + SQLite commit with synchronous=FULL), no network."""
    config = load_config(workdir / "centre.toml")
    service = QueueService(config, Store(workdir / "service.db"))
    services = [s.id for d in config.departments for s in d.services]
    start = time.perf_counter()
    for i in range(n):
        sid = services[i % len(services)]
        service.execute(lambda now, sid=sid: service.engine.issue(sid, now))
    elapsed = time.perf_counter() - start
    service.store.close()
    return n / elapsed


def kiosk_worker(url: str, token: str, services: list[str], offset: int, seconds: float, results) -> None:
    """One kiosk process issuing tickets back to back; reports how many were acknowledged."""
    kiosk = RealtimeClient(url, "/kiosk", token, reconnect=False)
    kiosk.connect()
    kiosk.wait_ready()
    count, stop = 0, time.monotonic() + seconds
    while time.monotonic() < stop:
        kiosk.call("issue_ticket", {"service_id": services[(offset + count) % len(services)]})
        count += 1
    results.put(count)
    kiosk.close()


def bench_socketio_tickets(url: str, token: str, config, clients: int = 4, seconds: float = 5.0) -> float:
    """Acknowledged tickets/s from `clients` kiosk processes over Socket.IO against the server process."""
    services = [s.id for d in config.departments for s in d.services]
    ctx = mp.get_context("spawn")
    results = ctx.Queue()
    workers = [ctx.Process(target=kiosk_worker, args=(url, token, services, i * 7, seconds, results))
               for i in range(clients)]
    for w in workers:
        w.start()
    total = sum(results.get(timeout=120) for _ in workers)
    for w in workers:
        w.join(30)
    return total / seconds


def display_worker(ready, stop, url: str, token: str, n: int, results) -> None:
    """Connect n display clients; record when each sees each call."""
    seen: list[tuple[str, float]] = []
    lock = threading.Lock()

    def on_change(kind, payload):
        if kind == "event" and payload["type"] == "ticket.called":
            t = time.time()
            with lock:
                seen.append((payload["ticket"]["id"], t))
    displays = [RealtimeClient(url, "/display", token, on_change=on_change, reconnect=False) for _ in range(n)]
    for d in displays:
        d.connect()
        d.wait_ready()
    ready.set()
    stop.wait()
    results.put(seen)
    close_all(displays)


def fill_queues(url: str, kiosk_token: str, config, calls: int) -> None:
    """Enough waiting tickets for every counter to call its share."""
    kiosk = RealtimeClient(url, "/kiosk", kiosk_token, reconnect=False)
    kiosk.connect()
    kiosk.wait_ready()
    per_counter = 3 * (calls // len(config.counters) + 2)   # shared services drain faster
    for counter in config.counters:
        for _ in range(per_counter):
            kiosk.call("issue_ticket", {"service_id": counter.services[0]})
    kiosk.close()


def console_worker(ready, stop, url: str, tokens: list[str]) -> None:
    """The officers' consoles: connected and receiving every broadcast, as 40 counter PCs would."""
    consoles = [RealtimeClient(url, "/counter", token, reconnect=False) for token in tokens]
    for console in consoles:
        console.connect()
        console.wait_ready()
    ready.set()
    stop.wait()
    close_all(consoles)


def bench_call_latency(server: ServerProcess, config, kiosk: str, displays: int, calls: int, rate: float,
                       processes: int = 5) -> dict:
    """Officers call next at `rate`/s; `displays` clients spread over `processes` processes, and the
    40 consoles in one more (real displays and consoles are separate machines: sharing one process
    would measure its GIL); time each delivery from the moment the call is sent."""
    fill_queues(server.url, kiosk, config, calls)
    store = Store(server.db)
    display_token = add_device(config, None, "bench-display", "display", store=store)
    store.close()
    tokens = _open_counters(server, config)
    ctx = mp.get_context("spawn")
    stop, results = ctx.Event(), ctx.Queue()
    workers = [_start(ctx, console_worker, stop, server.url, list(tokens.values()))]
    for i in range(processes):
        share = displays // processes + (1 if i < displays % processes else 0)
        workers.append(_start(ctx, display_worker, stop, server.url, display_token, share, results))
    for _, ready in workers:
        ready.wait(120)
    cpu_before = process_cpu_seconds(server.proc.pid)
    sent, round_trips = _call_at_rate(server.url, tokens, calls, rate)
    time.sleep(1.0)
    server_cpu_ms = (process_cpu_seconds(server.proc.pid) - cpu_before) * 1000 / max(len(sent), 1)
    stop.set()
    seen = [item for _ in workers[1:] for item in results.get(timeout=60)]
    for worker, _ in workers:
        worker.join(60)
    latencies = [(t - sent[tid]) * 1000 for tid, t in seen if tid in sent]
    return {"calls": len(sent), "deliveries": len(latencies), "expected": len(sent) * displays,
            "p50": statistics.median(latencies), "p99": percentile(latencies, 99), "max": max(latencies),
            "call_p50": statistics.median(round_trips), "call_p99": percentile(round_trips, 99),
            "server_cpu_ms": server_cpu_ms}


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _start(ctx, target, stop, *args):
    """Start `target(ready, stop, *args)` in a process; returns (process, its ready event)."""
    ready = ctx.Event()
    process = ctx.Process(target=target, args=(ready, stop, *args))
    process.start()
    return process, ready


def _call_at_rate(url: str, tokens: dict[int, str], calls: int, rate: float):
    """Call next round the counters at `rate` calls/s over REST; when each call was sent, and how
    long each took to be acknowledged."""
    sent: dict[str, float] = {}
    round_trips = []
    numbers = sorted(tokens)
    for i in range(calls):
        number = numbers[i % len(numbers)]
        t0 = time.time()
        status, body = http("POST", f"{url}/api/counters/{number}/call-next", {}, tokens[number])
        round_trips.append((time.time() - t0) * 1000)
        if status == 200:
            sent[body["counter"]["ticket"]["id"]] = t0
        time.sleep(max(0.0, 1 / rate - (time.time() - t0)))
    return sent, round_trips


def _open_counters(server: ServerProcess, config) -> dict[int, str]:
    """Log every officer in and open their counter; their tokens by counter."""
    tokens = {}
    for counter in config.counters:
        _, body = http("POST", server.url + "/api/login", {"username": f"bench{counter.number}", "password": "benchmark1"})
        http("POST", f"{server.url}/api/counters/{counter.number}/open", {}, body["token"])
        tokens[counter.number] = body["token"]
    return tokens


def _prepare(workdir: Path, name: str):
    """A server process of its own, with a kiosk token and one officer account per counter."""
    config = load_config(workdir / "centre.toml")
    server = ServerProcess(workdir / "centre.toml", workdir / f"{name}.db")
    store = Store(server.db)
    kiosk = add_device(config, None, "bench-kiosk", "kiosk", store=store)
    for counter in config.counters:
        add_user(config, None, f"bench{counter.number}", f"Cán bộ {counter.number}", "officer", "benchmark1", store=store)
    store.close()
    return config, server, kiosk


def run_on_server(workdir: Path, name: str, bench):
    """Start a fresh server, run `bench(config, server, kiosk_token)`, stop the server."""
    config, server, kiosk = _prepare(workdir, name)
    server.start()
    try:
        return bench(config, server, kiosk)
    finally:
        server.stop()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=600)
    parser.add_argument("--displays", type=int, default=50)
    parser.add_argument("--counters", type=int, default=40)
    parser.add_argument("--rate", type=float, default=20.0, help="calls per second from all counters together")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        (workdir / "centre.toml").write_text(bench_config(args.counters), encoding="utf-8")
        print(f"durable tickets/s, in process (engine + SQLite FULL sync): {bench_service_tickets(workdir):,.0f}")
        rate = run_on_server(workdir, "tickets", lambda c, server, kiosk: bench_socketio_tickets(server.url, kiosk, c))
        print(f"durable tickets/s, 4 kiosk processes over Socket.IO to the server process: {rate:,.0f}")
        r = run_on_server(workdir, "calls", lambda c, server, kiosk: bench_call_latency(
            server, c, kiosk, args.displays, args.calls, args.rate))
    print(f"call -> display latency, {args.counters} counters, {args.displays} displays, {r['calls']} calls at "
          f"{args.rate:g}/s: p50 {r['p50']:.1f} ms, p99 {r['p99']:.1f} ms, max {r['max']:.1f} ms "
          f"({r['deliveries']}/{r['expected']} deliveries); the call's own round trip p50 {r['call_p50']:.1f} ms, "
          f"p99 {r['call_p99']:.1f} ms; server CPU per call (with its broadcast to "
          f"{args.displays + args.counters} clients) "
          f"{r['server_cpu_ms']:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
