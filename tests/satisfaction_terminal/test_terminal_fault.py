"""Server stopped, ratings made, tablet switched off and its process killed: every rating arrives once."""
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from queue_server.config import load_config
from queue_server.setup import add_device, add_user
from satisfaction_terminal.app import TerminalApp
from satisfaction_terminal.config import TerminalSettings
from satisfaction_terminal.flow import Phase
from satisfaction_terminal.outbox import Outbox
from tests.queue_server.process.conftest import http

from .helpers import ManualClock
from .test_app_end_to_end import tap, wait_for

pytestmark = pytest.mark.slow


def serve_one_over_rest(url: str, token: str) -> dict:
    assert http("POST", url + "/api/counters/1/open", {}, token)[0] == 200
    status, body = http("POST", url + "/api/tickets", {"service_id": "stp-hotich"}, token)
    assert status == 200, body
    assert http("POST", url + "/api/counters/1/call-next", {}, token)[0] == 200
    assert http("POST", url + "/api/counters/1/finish", {}, token)[0] == 200
    return body["ticket"]


def terminal_process(url: str, token: str, outbox) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "queue_server.cli", "terminal", "--headless", "--server", url,
           "--counter", "1", "--outbox", str(outbox)]
    return subprocess.Popen(cmd, env=os.environ | {"MOTCUA_TERMINAL_TOKEN": token},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stored_ratings(db) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT id, ticket_id, counter, officer_id, department_id FROM ratings").fetchall()
    finally:
        con.close()


def test_terminal_ratings_made_offline_arrive_exactly_once(server_process, tmp_path):
    config = load_config(server_process.config)
    token = add_device(config, server_process.db, "danh-gia-1", "terminal", counter=1)
    officer_id = add_user(config, server_process.db, "hoa", "Lê Thị Hoa", "officer", "matkhau1")
    server_process.start()
    login = http("POST", server_process.url + "/api/login", {"username": "hoa", "password": "matkhau1"})[1]
    outbox = tmp_path / "tablet" / "outbox.db"
    app = TerminalApp(TerminalSettings(server=server_process.url, token=token, counter=1, outbox=str(outbox)),
                      clock=ManualClock(0.0))
    app.start()
    assert wait_for(lambda: app.client.connected)
    ticket = serve_one_over_rest(server_process.url, login["token"])
    assert wait_for(lambda: app.flow.phase is Phase.RATING, step=app.step)

    server_process.stop()                                   # the server goes away ...
    assert wait_for(lambda: not app.client.connected)
    tap(app, "choose", "satisfied_service")                 # ... and three citizens rate meanwhile
    for _ in range(2):
        app.clock.now += 10
        app.step()
        tap(app, "start")
        tap(app, "choose", "satisfied_attitude")
    made = [p["id"] for p in app.outbox.pending()]
    assert len(made) == 3
    app.stop()                                              # the tablet is switched off

    first = terminal_process(server_process.url, token, outbox)
    time.sleep(2.0)
    first.send_signal(signal.SIGKILL)                       # power cut while still offline
    first.wait(10)
    second = terminal_process(server_process.url, token, outbox)
    try:
        server_process.start()
        assert wait_for(lambda: len(stored_ratings(server_process.db)) >= 3, timeout=30)
        assert wait_for(lambda: len(Outbox(outbox)) == 0, timeout=10)
        time.sleep(1.0)                                     # nothing more trickles in
    finally:
        second.send_signal(signal.SIGKILL)
        second.wait(10)
    rows = stored_ratings(server_process.db)
    assert sorted(r[0] for r in rows) == sorted(made)
    by_id = {r[0]: r for r in rows}
    assert by_id[made[0]][1:] == (ticket["id"], 1, officer_id, "stp")
    assert all(by_id[i][1] is None and by_id[i][2] == 1 for i in made[1:])
