"""Real processes under a stand-in for systemd: the server and the device apps send READY=1 and
keep pinging WATCHDOG=1 from their loops."""
import os
import subprocess
import sys
import time

import pytest

from tests.queue_server.process.conftest import http

pytestmark = pytest.mark.slow


def _collect(listener, until, seconds):
    """Messages received within `seconds`, stopping early once `until(messages)` holds."""
    got, end = [], time.monotonic() + seconds
    while time.monotonic() < end and not until(got):
        got += listener.messages(wait=0.2)
    return got


def test_server_is_ready_only_when_serving_then_pings(server_process, notify_socket, monkeypatch):  # noqa: F811
    monkeypatch.setenv("NOTIFY_SOCKET", notify_socket.name)
    monkeypatch.setenv("WATCHDOG_USEC", "3000000")             # WatchdogSec=3: a ping every second
    server_process.start()
    got = _collect(notify_socket, lambda m: sum("WATCHDOG=1" in x for x in m) >= 3, 15)
    assert got[0].startswith("READY=1") and sum("WATCHDOG=1" in m for m in got) >= 3
    assert http("GET", server_process.url + "/healthz")[0] == 200


def test_display_loop_feeds_the_watchdog_even_without_a_server(notify_socket, tmp_path):
    env = os.environ | {"NOTIFY_SOCKET": notify_socket.name, "WATCHDOG_USEC": "1000000",
                        "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    proc = subprocess.Popen([sys.executable, "-m", "queue_server.cli", "display", "--demo", "--headless",
                             "--seconds", "30", "--server", "http://127.0.0.1:9", "--token", "x"],
                            env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        got = _collect(notify_socket, lambda m: sum("WATCHDOG=1" in x for x in m) >= 3, 20)
    finally:
        proc.kill(); proc.wait()
    assert got and got[0].startswith("READY=1") and sum("WATCHDOG=1" in m for m in got) >= 3


def test_kiosk_loop_feeds_the_watchdog(notify_socket, tmp_path):
    env = os.environ | {"NOTIFY_SOCKET": notify_socket.name, "WATCHDOG_USEC": "1000000",
                        "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    proc = subprocess.Popen([sys.executable, "-m", "queue_server.cli", "kiosk", "--demo", "--headless",
                             "--server", "http://127.0.0.1:9", "--token", "x"],
                            env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        got = _collect(notify_socket, lambda m: sum("WATCHDOG=1" in x for x in m) >= 3, 20)
    finally:
        proc.kill(); proc.wait()
    assert got and got[0].startswith("READY=1") and sum("WATCHDOG=1" in m for m in got) >= 3
