"""Kill -9 the server during a burst of tickets: every acknowledged ticket survives, numbers go on."""
import sqlite3
import threading
import time

import pytest

from queue_server.config import load_config
from queue_server.setup import add_device, add_user

from .conftest import http

pytestmark = pytest.mark.slow


def burst(url, token, acked, stop, errors):
    """Issue tickets until told to stop; keep every acknowledged one."""
    services = ["stp-hotich", "stc-dkkd", "cat-xnc"]
    i = 0
    while not stop.is_set():
        try:
            status, body = http("POST", url + "/api/tickets", {"service_id": services[i % 3]}, token, timeout=2)
        except OSError:
            continue            # the server is gone mid-request: not acknowledged
        if status == 200:
            acked.append(body["ticket"])
        else:
            errors.append(body)
        i += 1


def test_kill_9_loses_no_acknowledged_ticket(server_process):
    config = load_config(server_process.config)
    token = add_device(config, server_process.db, "kiosk-1", "kiosk")
    server_process.start()
    acked, errors, stop = [], [], threading.Event()
    threads = [threading.Thread(target=burst, args=(server_process.url, token, acked, stop, errors)) for _ in range(4)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 30
    while len(acked) < 150 and time.monotonic() < deadline:
        time.sleep(0.01)
    server_process.kill()                      # no chance to flush or close anything
    stop.set()
    for t in threads:
        t.join()
    assert len(acked) >= 150 and not errors

    db = sqlite3.connect(server_process.db)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = dict(db.execute("SELECT id, label FROM tickets"))
    db.close()
    for ticket in acked:
        assert stored.get(ticket["id"]) == ticket["label"], ticket

    server_process.start()
    status, body = http("POST", server_process.url + "/api/tickets", {"service_id": "stp-hotich"}, token)
    assert status == 200
    issued_before = [int(t["label"]) for t in acked if t["service_id"] == "stp-hotich"]
    assert int(body["ticket"]["label"]) > max(issued_before)      # numbering continues, no reuse
    add_user(config, server_process.db, "giamsat", "Giám sát", "supervisor", "matkhau-giam-sat")
    _, login = http("POST", server_process.url + "/api/login", {"username": "giamsat", "password": "matkhau-giam-sat"})
    status, snapshot = http("GET", server_process.url + "/api/snapshot", token=login["token"])   # a kiosk sees no tickets
    labels = [t["label"] for t in snapshot["waiting"]]
    assert len(labels) == len(set(labels)) >= len(acked)
