"""Server memory under a burst of logins: 100 people log in at the same moment.

Starts `motcua server` as a real process (demo centre, a fresh database), fires N concurrent
POST /api/login (right passwords: wrong ones from one address would soon be throttled unhashed), and prints the server's peak RSS (VmHWM) and
its RSS afterwards, the logins' wall time and the machine load.

    .venv/bin/python bench/bench_login_memory.py [--logins 100]
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def memory(pid: int) -> dict:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            fields[key] = int(value.split()[0]) / 1024
    return fields


def login(url: str, username: str, password: str) -> int:
    req = urllib.request.Request(f"{url}/api/login", data=json.dumps({"username": username, "password": password}).encode(),
                                 headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logins", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "centre.db")
        cli = [sys.executable, "-m", "queue_server.cli"]
        users = min(args.logins, 10)
        for i in range(users):
            subprocess.run(cli + ["user", "add", f"canbo{i}", "--name", f"Cán bộ {i}", "--role", "officer",
                                  "--password", "matkhau-dung", "--db", db], check=True, capture_output=True, cwd=ROOT)
        port = free_port()
        server = subprocess.Popen(cli + ["server", "--db", db, "--port", str(port)], cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                try:
                    urllib.request.urlopen(f"{url}/healthz", timeout=1).read()
                    break
                except OSError:
                    time.sleep(0.1)
            before = memory(server.pid)
            codes: list[int] = []
            threads = [threading.Thread(target=lambda i=i: codes.append(
                login(url, f"canbo{i % users}", "matkhau-dung"))) for i in range(args.logins)]
            start = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - start
            after = memory(server.pid)
        finally:
            server.terminate()
            server.wait(10)
    print(f"logins: {args.logins} concurrent, answers {sorted(set(codes))}, wall {wall:.1f} s")
    print(f"server RSS before: {before['VmRSS']:.0f} MiB; peak during: {after['VmHWM']:.0f} MiB; "
          f"after: {after['VmRSS']:.0f} MiB")
    print(f"machine load (1/5/15 min): {' '.join(f'{x:.2f}' for x in os.getloadavg())}, cores {os.cpu_count()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
