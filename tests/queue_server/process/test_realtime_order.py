"""Order and completeness with many clients and concurrent actions, and nothing before the
snapshot for clients that connect while calls are being made (issues 12 and 15)."""
import sqlite3
import threading
import time

import pytest

from queue_server.client import RealtimeClient, close_all
from queue_server.config import load_config
from queue_server.engine import QueueError
from queue_server.setup import add_device, add_user

from .conftest import http
from .test_realtime_limits import RawSocketIO

pytestmark = pytest.mark.slow
COUNTERS = (1, 2, 3, 4)


def connected(url, namespace, token, n, **kwargs):
    clients = [RealtimeClient(url, namespace, token, reconnect=False, **kwargs) for _ in range(n)]
    for c in clients:
        c.connect()
        assert c.wait_ready()
    return clients


def open_counters(url) -> dict[int, str]:
    tokens = {}
    for number in COUNTERS:
        _, body = http("POST", url + "/api/login", {"username": f"cb{number}", "password": "matkhau-dai-1"})
        tokens[number] = body["token"]
        assert http("POST", f"{url}/api/counters/{number}/open", {}, tokens[number])[0] == 200
    return tokens


@pytest.fixture
def busy(server_process):
    """A served centre with a kiosk token and four officers' open counters."""
    config = load_config(server_process.config)
    kiosk = add_device(config, server_process.db, "kiosk-1", "kiosk")
    display = add_device(config, server_process.db, "display-1", "display")
    for number in COUNTERS:
        add_user(config, server_process.db, f"cb{number}", f"Cán bộ {number}", "officer", "matkhau-dai-1")
    server_process.start()
    return server_process, kiosk, display, open_counters(server_process.url)


def stored_calls(db) -> list[tuple[int, str]]:
    con = sqlite3.connect(db)
    rows = con.execute("SELECT seq, ticket_id FROM events WHERE type = 'ticket.called' ORDER BY seq").fetchall()
    con.close()
    return rows


def issue(kiosk, n=40):
    """Issue n tickets as fast as the server lets one connection (50 events/s, bursts of 100):
    a refusal for the rate is waited out, as a well-behaved client does."""
    i = 0
    while i < n:
        try:
            kiosk.call("issue_ticket", {"service_id": ("stp-hotich", "stc-dkkd", "stp-lylich")[i % 3]})
            i += 1
        except QueueError as exc:
            if exc.code != "rate_limited":
                raise
            time.sleep(0.1)


def test_every_display_sees_every_call_in_order_under_concurrent_actions(busy):
    server, kiosk_token, display_token, officers = busy
    seen: dict[int, list] = {}
    lock = threading.Lock()

    def watcher(i):
        def on_change(kind, payload):
            if kind == "event" and payload["type"] == "ticket.called":
                with lock:
                    seen.setdefault(i, []).append((payload["seq"], payload["ticket"]["id"]))
        return on_change
    displays = [RealtimeClient(server.url, "/display", display_token, on_change=watcher(i), reconnect=False)
                for i in range(30)]
    for d in displays:
        d.connect()
        assert d.wait_ready()
    consoles = connected(server.url, "/counter", officers[1], 4)
    kiosks = connected(server.url, "/kiosk", kiosk_token, 2)
    issue(kiosks[0], 30)

    def call(number):
        for _ in range(12):
            http("POST", f"{server.url}/api/counters/{number}/call-next", {}, officers[number])
    threads = [threading.Thread(target=issue, args=(k,)) for k in kiosks]
    threads += [threading.Thread(target=call, args=(n,)) for n in COUNTERS]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    final = kiosks[0].sio.call("ping_server", {}, namespace="/kiosk", timeout=5)["seq"]
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(c.state.seq != final for c in displays + consoles):
        time.sleep(0.05)

    calls = stored_calls(server.db)
    assert len(calls) > 20
    for i, display in enumerate(displays):
        assert display.state.seq == final and display.resyncs == 0
        assert seen.get(i) == calls, f"display {i} missed or reordered calls"
    snapshot = http("GET", server.url + "/api/snapshot", token=officers[1])[1]
    for console in consoles:
        assert console.state.seq == final and console.resyncs == 0
        assert set(console.state.waiting) == {t["id"] for t in snapshot["waiting"]}
        assert {n: c["ticket_id"] for n, c in console.state.counters.items()} == \
               {c["number"]: c["ticket_id"] for c in snapshot["counters"]}
    close_all(displays + consoles + kiosks)


def test_nothing_reaches_a_client_before_its_snapshot_while_calls_go_on(busy):
    """Issue 12: with many waiting, displays connecting during calls every 20 ms got an event first."""
    server, kiosk_token, display_token, officers = busy
    kiosk = connected(server.url, "/kiosk", kiosk_token, 1)[0]
    issue(kiosk, 150)
    stop = threading.Event()

    def calls():
        i = 0
        while not stop.is_set():
            number = COUNTERS[i % len(COUNTERS)]
            http("POST", f"{server.url}/api/counters/{number}/call-next", {}, officers[number])
            i += 1
            time.sleep(0.02)
    caller = threading.Thread(target=calls)
    caller.start()
    firsts = []
    for _ in range(40):                 # a raw client reads the wire in order (python-socketio
        raw = RawSocketIO(server.url, "/display", display_token)    # may swap two messages)
        first = raw.read_until(lambda p: p.startswith("42/display,"))
        firsts.append(first[len("42/display,"):].split(",", 1)[0])
        raw.ws.close()
    stop.set()
    caller.join()
    assert firsts == ['["snapshot"'] * 40
    kiosk.close()
