"""No client can stall the others (issues 13 and 15), against `motcua server` as a real process.

The faults are real: a second Socket.IO client that floods, a raw websocket client that asks for
data and reads none of it, a raw Engine.IO packet of deeply nested JSON. Bounds are generous (the
machine is shared); exact figures are the benchmark's job (bench/bench_realtime.py).
"""
import json
import socket
import threading
import time
from pathlib import Path

import pytest
import socketio
import websocket

from queue_server.client import RealtimeClient, close_all
from queue_server.config import load_config
from queue_server.setup import add_device

pytestmark = pytest.mark.slow

ANSWER_BOUND_S = 1.0      # a kiosk's ticket while another client misbehaves (quiet machine: ~10 ms)


def proc_status(pid: int) -> dict:
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
    return {"threads": int(fields["Threads"]), "rss_mib": int(fields["VmRSS"].split()[0]) / 1024}


class RawSocketIO:
    """Engine.IO v4 over a bare websocket: sends what we say, reads only when asked."""

    def __init__(self, url: str, namespace: str, token: str, rcvbuf: int | None = None):
        opts = ((socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf),) if rcvbuf else ()
        self.ws = websocket.create_connection(url.replace("http", "ws") + "/socket.io/?EIO=4&transport=websocket",
                                              sockopt=opts, timeout=10)
        self.namespace = namespace
        assert self.ws.recv().startswith("0")                      # Engine.IO open
        self.ws.send(f"40{namespace}," + json.dumps({"token": token}))

    def send_event(self, ack: int | None, text: str) -> None:
        self.ws.send(f"42{self.namespace},{'' if ack is None else ack}{text}")

    def read_until(self, predicate, timeout: float = 10.0) -> str:
        """Read packets (answering pings) until one satisfies `predicate`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            packet = self.ws.recv()
            if packet == "2":
                self.ws.send("3")
            elif predicate(packet):
                return packet
        raise TimeoutError("no such packet")


SERVICES = ("stp-hotich", "stc-dkkd", "cat-xnc")


def ticket_round_trips(kiosk: RealtimeClient, n: int, pause: float = 0.0) -> list[float]:
    times = []
    for i in range(n):
        t0 = time.perf_counter()
        kiosk.call("issue_ticket", {"service_id": SERVICES[i % len(SERVICES)]})
        times.append(time.perf_counter() - t0)
        time.sleep(pause)
    return times


@pytest.fixture
def served(server_process):
    config = load_config(server_process.config)
    tokens = {name: add_device(config, server_process.db, name, role)
              for name, role in (("kiosk-1", "kiosk"), ("kiosk-2", "kiosk"), ("display-1", "display"))}
    server_process.start()
    return server_process, tokens


def test_flooding_client_cannot_stall_another_kiosk(served):
    server, tokens = served
    kiosk = RealtimeClient(server.url, "/kiosk", tokens["kiosk-1"], reconnect=False)
    flooder = socketio.Client(reconnection=False)
    kiosk.connect()
    assert kiosk.wait_ready()
    flooder.connect(server.url, namespaces=["/kiosk"], transports=["websocket"],
                    auth={"token": tokens["kiosk-2"]}, wait_timeout=5)
    ticket_round_trips(kiosk, 10)
    before = proc_status(server.proc.pid)

    def flood():
        for i in range(3000):              # as observed: 3,000 snapshot/resync events in ~0.1 s
            flooder.emit("snapshot" if i % 2 else "resync", {}, namespace="/kiosk")
    thread = threading.Thread(target=flood)
    thread.start()
    during = ticket_round_trips(kiosk, 40)
    thread.join()
    after = proc_status(server.proc.pid)
    kiosk.close()
    flooder.shutdown()

    assert max(during) < ANSWER_BOUND_S, sorted(during)[-5:]
    assert after["threads"] <= before["threads"] + 20, (before, after)
    assert after["rss_mib"] <= before["rss_mib"] + 40, (before, after)


def test_answer_arrives_while_a_client_reads_nothing(served):
    """A client that requests big answers and reads none is dropped; nobody else waits for it."""
    server, tokens = served
    kiosk = RealtimeClient(server.url, "/kiosk", tokens["kiosk-1"], reconnect=False)
    display = RealtimeClient(server.url, "/display", tokens["display-1"], reconnect=False)
    for client in (kiosk, display):
        client.connect()
        assert client.wait_ready()
    sink = RawSocketIO(server.url, "/kiosk", tokens["kiosk-2"], rcvbuf=4096)
    stop, dropped = threading.Event(), threading.Event()

    def demand():                           # within the rate limit, for ever: ~50 snapshots/s unread
        ack = 0
        while not stop.is_set():
            try:
                sink.send_event(ack, '["snapshot",{}]')
            except (OSError, websocket.WebSocketException):
                dropped.set()               # the server shut the connection
                return
            ack += 1
            time.sleep(0.02)
    threading.Thread(target=demand, daemon=True).start()
    times, deadline = [], time.monotonic() + 90
    while time.monotonic() < deadline and not dropped.is_set():
        times += ticket_round_trips(kiosk, 3, pause=0.1)
    stop.set()
    assert dropped.is_set(), "the client that reads nothing was never dropped"
    times += ticket_round_trips(kiosk, 5)
    assert max(times) < ANSWER_BOUND_S, sorted(times)[-5:]
    seq = server_seq(kiosk)
    assert wait_for(lambda: display.state.seq == seq) and display.resyncs == 0
    close_all([kiosk, display])


def server_seq(client: RealtimeClient) -> int:
    return client.sio.call("ping_server", {}, namespace=client.namespace, timeout=5)["seq"]


def wait_for(predicate, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def test_deep_json_is_answered_with_a_clear_error_and_the_connection_lives(served):
    server, tokens = served
    raw = RawSocketIO(server.url, "/kiosk", tokens["kiosk-1"])
    raw.read_until(lambda p: p.startswith("42/kiosk,") and '"snapshot"' in p)
    depth = 200_000
    raw.send_event(7, '["issue_ticket",' + "[" * depth + "]" * depth + "]")
    answer = raw.read_until(lambda p: p.startswith("43/kiosk,7"))
    error = json.loads(answer[len("43/kiosk,7"):])[0]["error"]
    assert error["code"] == "invalid" and "JSON" in error["message_en"]
    raw.send_event(8, '["issue_ticket",{"service_id":"stp-hotich"}]')
    answer = raw.read_until(lambda p: p.startswith("43/kiosk,8"))
    assert json.loads(answer[len("43/kiosk,8"):])[0]["ok"] is True
    raw.ws.close()
    server.stop()
    log = server.proc.stderr.read().decode(errors="replace")
    assert "Traceback" not in log and "RecursionError" not in log, log[-2000:]
