"""`motcua demo` as a real process: SIGTERM, Ctrl+C (SIGINT) or a closed terminal (SIGHUP) stops the kiosk, display and tablet
processes it started; none is left retrying against a server that is gone."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import free_port

ENV = os.environ | {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONUNBUFFERED": "1"}
ENV.pop("DISPLAY", None)
ENV.pop("WAYLAND_DISPLAY", None)


def children_of(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_process_demo_stop_leaves_no_device_running(tmp_path, sig):
    demo = subprocess.Popen([sys.executable, "-m", "queue_server.cli", "demo", "--port", str(free_port()),
                             "--db", str(tmp_path / "demo.db")], cwd=tmp_path, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    devices = []
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and len(devices) < 3:
            assert demo.poll() is None, demo.stderr.read().decode()
            time.sleep(0.5)
            devices = children_of(demo.pid)
        assert len(devices) == 3                           # tablet, kiosk, hall display
        time.sleep(2)                                       # let them connect and settle
        demo.send_signal(sig)
        demo.wait(30)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(alive(p) for p in devices):
            time.sleep(0.1)
        assert [p for p in devices if alive(p)] == []
        assert b"Traceback" not in demo.stderr.read()
    finally:
        for pid in set(devices + children_of(demo.pid) + [demo.pid]):
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
