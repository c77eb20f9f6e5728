"""The realtime core's targets (issue 15), side by side in one run against `motcua server`.

    .venv/bin/python bench/bench_realtime.py [--calls 600] [--rate 20] [--quick]

1. "call next" round trip (an officer's console over Socket.IO) with 0 clients connected, with
   40 consoles × 50 displays (40-counter centre) and with 400 × 500 (400-counter centre).
   Targets: p99 ≤ 2 × p99(none) + 5 ms; ≤ 10 ms at 40 × 50, ≤ 15 ms at 400 × 500.
2. call → display delivered (the officer's send → a display client has the message), with
   completeness (deliveries / calls × displays). Targets: p99 ≤ 20 ms at 40 × 50, ≤ 60 ms at
   400 × 500, completeness 1.0.
3. Durable tickets/s over the network from 4 kiosk client processes (`synchronous=FULL`). Target
   ≥ 1,000.
4. Server RSS at a 40-counter centre with every device connected after 100 logins. Target ≤ 80 MiB.

The clients (bench/loadgen.py: raw Engine.IO websockets on asyncio) run in other processes on the
same machine; the load average is printed with every figure. p99 is printed only over ≥ 500
samples (over 100 it would be the maximum); the maximum is printed beside it.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_queue import bench_config, process_cpu_seconds  # noqa: E402
from bench.loadgen import worker as loadgen_worker  # noqa: E402
from queue_server.client import RealtimeClient  # noqa: E402
from queue_server.config import load_config  # noqa: E402
from queue_server.setup import add_device, add_user  # noqa: E402
from queue_server.storage import Store  # noqa: E402
from tests.queue_server.process.conftest import ServerProcess, http  # noqa: E402

PASSWORD = "bench-matkhau-1"
CALLERS = 8                      # counters whose officers call in turn


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f}/{five:.1f}"


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def p99_text(values: list[float]) -> str:
    if not values:
        return "no samples"
    tail = f"p99 {pct(values, 99):.1f} ms" if len(values) >= 500 else f"(p99 needs ≥ 500 samples, {len(values)})"
    return f"p50 {statistics.median(values):.1f} ms, {tail}, max {max(values):.1f} ms"


class Centre:
    """A fresh `motcua server` process for `counters` counters with its accounts."""

    def __init__(self, workdir: Path, name: str, counters: int, officers: int):
        (workdir / f"{name}.toml").write_text(bench_config(counters), encoding="utf-8")
        self.config = load_config(workdir / f"{name}.toml")
        self.server = ServerProcess(workdir / f"{name}.toml", workdir / f"{name}.db")
        store = Store(self.server.db)
        self.kiosk = add_device(self.config, None, "bench-kiosk", "kiosk", store=store)
        self.display = add_device(self.config, None, "bench-display", "display", store=store)
        self.officers = officers
        for number in range(1, officers + 1):
            add_user(self.config, None, f"bench{number}", f"Cán bộ {number}", "officer", PASSWORD, store=store)
        store.close()

    def __enter__(self):
        self.server.start(timeout=60)
        return self

    def __exit__(self, *exc):
        try:
            self.server.stop()
        except Exception:
            self.server.kill()

    @property
    def host_port(self):
        return "127.0.0.1", self.server.port

    def login(self, number: int) -> str:
        status, body = http("POST", self.server.url + "/api/login", {"username": f"bench{number}", "password": PASSWORD})
        assert status == 200, body
        return body["token"]

    def open_callers(self, n: int) -> dict[int, str]:
        tokens = {}
        for number in range(1, n + 1):
            tokens[number] = self.login(number)
            http("POST", f"{self.server.url}/api/counters/{number}/open", {}, tokens[number])
        return tokens

    def fill(self, tickets: int) -> None:
        """Waiting tickets for the calling counters' services (REST, before clients connect)."""
        services = [self.config.counter(n).services[0] for n in range(1, CALLERS + 1)]
        for i in range(tickets):
            http("POST", self.server.url + "/api/tickets", {"service_id": services[i % len(services)]}, self.kiosk)


def start_clients(centre: Centre, consoles: int, displays: int, console_token: str, processes: int):
    """Connect the clients in `processes` loadgen processes; returns (procs, stop, results)."""
    ctx = mp.get_context("spawn")
    stop, results, procs = ctx.Event(), ctx.Queue(), []
    for i in range(processes):
        share_c = consoles // processes + (1 if i < consoles % processes else 0)
        share_d = displays // processes + (1 if i < displays % processes else 0)
        groups = [("/counter", console_token, share_c, False), ("/display", centre.display, share_d, True)]
        ready = ctx.Event()
        proc = ctx.Process(target=loadgen_worker, args=(*centre.host_port, groups, ready, stop, results))
        proc.start()
        procs.append((proc, ready))
    for proc, ready in procs:
        if not ready.wait(600):
            raise RuntimeError("clients did not connect")
    return procs, stop, results


def collect(procs, stop, results) -> list:
    stop.set()
    out = [item for _ in procs for item in results.get(timeout=120)]
    for proc, _ in procs:
        proc.join(60)
    return out


def call_round(centre: Centre, callers: dict[int, str], calls: int, rate: float):
    """Officers call next over Socket.IO at `rate`/s in turn: (send times by ticket id, round trips ms)."""
    consoles = {}
    for number, token in callers.items():
        consoles[number] = RealtimeClient(centre.server.url, "/counter", token, reconnect=False)
        consoles[number].connect()
        consoles[number].wait_ready()
    sent, trips, numbers = {}, [], sorted(callers)
    try:
        for i in range(calls):
            number = numbers[i % len(numbers)]
            t0, p0 = time.time(), time.perf_counter()
            result = consoles[number].call("call_next", {"counter": number})
            trips.append((time.perf_counter() - p0) * 1000)
            sent[result["counter"]["ticket"]["id"]] = t0
            time.sleep(max(0.0, 1 / rate - (time.perf_counter() - p0)))
    finally:
        for console in consoles.values():
            console.close()
    return sent, trips


def scenario(workdir: Path, name: str, counters: int, consoles: int, displays: int, calls: int, rate: float) -> dict:
    with Centre(workdir, name, counters, CALLERS) as centre:
        callers = centre.open_callers(CALLERS)
        centre.fill(calls + 20 * CALLERS)
        clients = None
        if consoles or displays:
            processes = max(1, min(6, (consoles + displays) // 150))
            clients = start_clients(centre, consoles, displays, callers[1], processes)
        load_before = load()
        cpu0 = process_cpu_seconds(centre.server.proc.pid)
        try:
            sent, trips = call_round(centre, callers, calls, rate)
            time.sleep(5.0 if clients else 1.0)          # the last deliveries, on a busy machine
            cpu_ms = (process_cpu_seconds(centre.server.proc.pid) - cpu0) * 1000 / max(1, len(sent))
        finally:
            seen_by = collect(*clients) if clients else []
        delivered, firsts = [], []
        for first, seen in seen_by:
            firsts.append(first)
            delivered += [(at - sent[tid]) * 1000 for tid, at in seen if tid in sent]
        return {"trips": trips, "delivered": delivered, "expected": len(sent) * displays,
                "snapshot_first": sum(1 for f in firsts if f == "snapshot"), "clients": len(firsts),
                "cpu_ms": cpu_ms, "load": f"{load_before} → {load()}"}


def kiosk_process(url: str, token: str, services: list[str], connections: int, seconds: float, results) -> None:
    """One kiosk client process: `connections` connections issuing back to back in threads."""
    import threading
    counts = [0] * connections

    def run(i):
        kiosk = RealtimeClient(url, "/kiosk", token, reconnect=False)
        kiosk.connect()
        kiosk.wait_ready()
        stop = time.monotonic() + seconds
        while time.monotonic() < stop:
            kiosk.call("issue_ticket", {"service_id": services[(i + counts[i]) % len(services)]})
            counts[i] += 1
        kiosk.close()
    threads = [threading.Thread(target=run, args=(i,)) for i in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    results.put(sum(counts))


def tickets_per_second(workdir: Path, connections: int = 4, seconds: float = 5.0) -> tuple[float, str]:
    with Centre(workdir, "tickets", 40, 0) as centre:
        services = [s.id for d in centre.config.departments for s in d.services]
        ctx = mp.get_context("spawn")
        results = ctx.Queue()
        procs = [ctx.Process(target=kiosk_process, args=(centre.server.url, centre.kiosk, services[i:] + services[:i],
                                                         connections, seconds, results)) for i in range(4)]
        for p in procs:
            p.start()
        total = sum(results.get(timeout=180) for _ in procs)
        for p in procs:
            p.join(30)
        return total / seconds, load()


def rss_after_logins(workdir: Path) -> tuple[float, str]:
    """40-counter centre: 40 consoles, 50 displays, 40 tablets, 4 kiosks connected; 100 logins."""
    with Centre(workdir, "memory", 40, 40) as centre:
        tokens = [centre.login(1 + i % 40) for i in range(100)]
        store = Store(centre.server.db)
        tablet = add_device(centre.config, None, "bench-tablet", "terminal", counter=1, store=store)
        store.close()
        ctx = mp.get_context("spawn")
        stop, results = ctx.Event(), ctx.Queue()
        groups = [("/counter", tokens[0], 40, False), ("/display", centre.display, 50, False),
                  ("/terminal", tablet, 40, False), ("/kiosk", centre.kiosk, 4, False)]
        ready = ctx.Event()
        proc = ctx.Process(target=loadgen_worker, args=(*centre.host_port, groups, ready, stop, results))
        proc.start()
        ready.wait(300)
        time.sleep(2)
        rss = _rss_mib(centre.server.proc.pid)
        collect([(proc, ready)], stop, results)
        return rss, load()


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=600)
    parser.add_argument("--rate", type=float, default=20.0)
    parser.add_argument("--big-rate", type=float, default=5.0,
                        help="calls per second in the 400 × 500 scenario (20/s saturates 2 shared cores)")
    parser.add_argument("--big-calls", type=int, default=300)
    parser.add_argument("--quick", action="store_true", help="skip the 400 × 500 scenario")
    args = parser.parse_args(argv)
    print(f"bench_realtime: {os.cpu_count()} cores, {load()} at start")
    rows = [("none", 40, 0, 0), ("40 × 50", 40, 40, 50)] + ([] if args.quick else [("400 × 500", 400, 400, 500)])
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        results = {}
        for label, counters, consoles, displays in rows:
            calls, rate = (args.big_calls, args.big_rate) if counters > 40 else (args.calls, args.rate)
            try:
                results[label] = r = scenario(workdir, label.replace(" × ", "x"), counters, consoles, displays,
                                              calls, rate)
            except Exception as exc:          # an overloaded server is a result too
                print(f"- {label:9} clients ({counters} counters), {rate:g} calls/s: FAILED ({exc!r}; {load()})")
                continue
            print(f"- {label:9} clients ({counters} counters), {rate:g} calls/s: call next {p99_text(r['trips'])}; "
                  f"server CPU/call {r['cpu_ms']:.1f} ms; {r['load']}", flush=True)
            if r["expected"]:
                print(f"  call → display delivered {p99_text(r['delivered'])}; completeness "
                      f"{len(r['delivered'])}/{r['expected']} = {len(r['delivered']) / r['expected']:.4f}; "
                      f"snapshot first on {r['snapshot_first']}/{r['clients']} connections", flush=True)
        base = pct(results["none"]["trips"], 99)
        for label in list(results)[1:]:
            p99 = pct(results[label]["trips"], 99)
            print(f"  call next p99 at {label}: {p99:.1f} ms vs bound 2 × {base:.1f} + 5 = {2 * base + 5:.1f} ms")
        rate, when = tickets_per_second(workdir)
        print(f"- durable tickets/s over the network, 4 kiosk processes × 4 connections: {rate:,.0f} ({when})")
        rss, when = rss_after_logins(workdir)
        print(f"- server RSS, 40-counter centre, 134 devices connected, after 100 logins: {rss:.1f} MiB ({when})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
