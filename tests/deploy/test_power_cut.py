"""Power cut: the server killed hard (SIGKILL) during a burst of tickets and ratings comes back
with every acknowledged record, and the database passes its integrity check."""
import sqlite3
import threading
import time
import uuid

import pytest

from queue_server.config import load_config
from queue_server.setup import add_device, add_user
from queue_server.storage.backup import integrity_problems
from tests.queue_server.process.conftest import http

pytestmark = pytest.mark.slow


def issue_tickets(url, token, acked, stop):
    """A kiosk issuing tickets until told to stop; keeps every acknowledged one."""
    while not stop.is_set():
        try:
            status, body = http("POST", url + "/api/tickets", {"service_id": "stc-dkkd"}, token, timeout=2)
        except OSError:
            continue                       # cut mid-request: never acknowledged
        if status == 200:
            acked.append(body["ticket"])


def serve_and_rate(url, kiosk, officer, terminal, rated, stop):
    """Counter 1: issue, call, finish, then the tablet rates the finished ticket."""
    while not stop.is_set():
        try:
            ticket = http("POST", url + "/api/tickets", {"service_id": "stp-hotich"}, kiosk, timeout=2)[1]["ticket"]
            http("POST", url + "/api/counters/1/call-next", {}, officer, timeout=2)
            http("POST", url + "/api/counters/1/finish", {}, officer, timeout=2)
            rating = {"id": f"rating-{uuid.uuid4().hex[:12]}", "ticket_id": ticket["id"], "value": "satisfied_service"}
            status, body = http("POST", url + "/api/ratings", rating, terminal, timeout=2)
        except (OSError, KeyError):
            continue
        if status == 200:
            rated.append(rating)


def test_kill_9_keeps_every_acknowledged_ticket_and_rating(server_process):  # noqa: F811
    config = load_config(server_process.config)
    db = server_process.db
    kiosk = add_device(config, db, "kiosk-1", "kiosk")
    terminal = add_device(config, db, "quay-1", "terminal", counter=1)
    add_user(config, db, "hoa", "Nguyễn Thị Hoa", "officer", "matkhau-1")
    server_process.start()
    url = server_process.url
    officer = http("POST", url + "/api/login", {"username": "hoa", "password": "matkhau-1"})[1]["token"]
    assert http("POST", url + "/api/counters/1/open", {}, officer)[0] == 200

    tickets, ratings, stop = [], [], threading.Event()
    workers = [threading.Thread(target=issue_tickets, args=(url, kiosk, tickets, stop)) for _ in range(2)]
    workers.append(threading.Thread(target=serve_and_rate, args=(url, kiosk, officer, terminal, ratings, stop)))
    for w in workers:
        w.start()
    deadline = time.monotonic() + 40
    while (len(tickets) < 100 or len(ratings) < 15) and time.monotonic() < deadline:
        time.sleep(0.01)
    server_process.kill()                  # the power cut: nothing is flushed or closed
    stop.set()
    for w in workers:
        w.join()
    assert len(tickets) >= 100 and len(ratings) >= 15, (len(tickets), len(ratings))

    assert integrity_problems(db) == []
    conn = sqlite3.connect(db)
    stored_tickets = dict(conn.execute("SELECT id, label FROM tickets"))
    stored_ratings = dict(conn.execute("SELECT id, ticket_id FROM ratings"))
    conn.close()
    assert all(stored_tickets.get(t["id"]) == t["label"] for t in tickets)
    assert all(stored_ratings.get(r["id"]) == r["ticket_id"] for r in ratings)

    server_process.start()                 # power back: the server comes back and goes on
    again = http("POST", url + "/api/ratings", ratings[-1], terminal)[1]
    assert again["duplicate"] is True      # a tablet resending after the cut is not counted twice
    assert http("POST", url + "/api/tickets", {"service_id": "stc-dkkd"}, kiosk)[0] == 200
