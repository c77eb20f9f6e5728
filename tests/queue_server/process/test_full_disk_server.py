"""A real server process on a real small file system: kiosks issue until the disk is full (503),
space is freed without a restart, issuing resumes; after a restart the state is exactly what was
acknowledged (no refused ticket ever appears, served counts do not drop)."""
import sqlite3
import threading

import pytest

from queue_server.config import load_config
from queue_server.setup import add_device, add_user

from .conftest import ServerProcess, http

pytestmark = pytest.mark.slow


def issue_until_refused(url, token, acked, refusals, stop):
    """One kiosk: issue tickets until the server refuses (or another kiosk was refused)."""
    while not stop.is_set():
        status, body = http("POST", url + "/api/tickets", {"service_id": "stp-hotich"}, token, timeout=10)
        if status == 200:
            acked.append(body["ticket"])
        else:
            refusals.append((status, body))
            stop.set()


def state(server, token) -> dict:
    """What the server shows: every ticket of the day by id with its status, and served counts."""
    status, snap = http("GET", server.url + "/api/snapshot", token=token)
    assert status == 200
    tickets = {t["id"]: t["status"] for t in snap["waiting"]}
    for counter in snap["counters"]:
        if counter["ticket"]:
            tickets[counter["ticket"]["id"]] = counter["ticket"]["status"]
    return {"tickets": tickets, "served": {c["number"]: c["served"] for c in snap["counters"]}}


def test_server_full_disk_refuses_then_recovers_and_restart_shows_only_acknowledged(server_process, disk):
    server = ServerProcess(server_process.config, disk.path / "data" / "centre.db")
    config = load_config(server.config)
    kiosk = add_device(config, server.db, "kiosk-1", "kiosk")
    add_user(config, server.db, "quantri", "Quản trị viên", "admin", "matkhau-quantri")
    server.start()
    try:
        admin = http("POST", server.url + "/api/login", {"username": "quantri", "password": "matkhau-quantri"})[1]
        admin = admin["token"]
        assert http("POST", server.url + "/api/counters/1/open", {}, admin)[0] == 200
        disk.fill(leave=1536 * 1024)                         # some dozens of writes from full
        acked, refusals, stop = [], [], threading.Event()
        calls = []
        kiosks = [threading.Thread(target=issue_until_refused, args=(server.url, kiosk, acked, refusals, stop))
                  for _ in range(2)]
        officer = threading.Thread(target=lambda: [calls.append(http("POST", server.url + "/api/counters/1/call-next",
                                                                     {}, admin)) for _ in range(40)])
        for t in kiosks + [officer]:
            t.start()
        for t in kiosks + [officer]:
            t.join(120)
        status, body = refusals[0]
        print(f"{len(acked)} tickets acknowledged before the disk was full; calls answered "
              f"{sorted({s for s, _ in calls})}")
        assert status == 503 and body["error"]["code"] == "storage_failed" and body["error"]["message"]
        assert acked and {s for s, _ in calls} <= {200, 503, 409}
        disk.fill()                                          # and now truly full, for /healthz
        health = http("GET", server.url + "/healthz")
        assert health[0] == 503 and health[1]["database"] == "full"

        disk.free()                                          # the administrator frees space: no restart
        assert http("GET", server.url + "/healthz")[0] == 200
        for _ in range(3):
            status, body = http("POST", server.url + "/api/tickets", {"service_id": "stp-hotich"}, kiosk)
            assert status == 200
            acked.append(body["ticket"])
        while (answer := http("POST", server.url + "/api/counters/1/call-next", {}, admin))[0] == 200:
            pass
        assert answer[1]["error"]["code"] == "no_waiting", answer
        assert http("POST", server.url + "/api/counters/1/finish", {}, admin)[0] == 200
        live = state(server, admin)            # the full view: a kiosk sees only waiting counts (projections)
        labels = sorted(int(t["label"]) for t in acked)
        assert labels == list(range(1001, 1001 + len(acked)))      # no number went to a refused ticket
        assert set(live["tickets"]) <= {t["id"] for t in acked}

        server.stop()
        server.start()
        again = state(server, admin)
        assert again == live
        db = sqlite3.connect(server.db)
        stored = {row[0] for row in db.execute("SELECT id FROM tickets")}
        seqs = [row[0] for row in db.execute("SELECT seq FROM events ORDER BY seq")]
        db.close()
        assert stored == {t["id"] for t in acked}             # exactly the acknowledged tickets, no refused one
        assert seqs == list(range(1, len(seqs) + 1))
    finally:
        server.stop()
