"""A supervised loop never dies: it logs a failure once, backs off, retries, and says it is failing."""
import logging
import threading
import time

from kiosk.supervisor import Supervisor


def wait_for(condition, limit=5.0):
    began = time.monotonic()
    while not condition():
        assert time.monotonic() - began < limit
        time.sleep(0.01)


def test_supervised_loop_survives_logs_once_and_recovers(caplog):
    stopping, calls, changes = threading.Event(), [], []
    loops = Supervisor(stopping, on_health=lambda: changes.append(loops.summary()), backoff=(0.01, 0.05))

    def body():
        calls.append(1)
        if len(calls) <= 6:
            raise OSError("device gone")

    with caplog.at_level(logging.INFO, logger="kiosk.supervisor"):
        loops.start("printer_monitor", body, every=0.01)
        wait_for(lambda: len(calls) > 8)
    stopping.set()
    assert [r.levelname for r in caplog.records].count("ERROR") == 1
    assert "printer_monitor failing: OSError" in changes and changes[-1] == "ok"
    assert loops.health == {"printer_monitor": "ok"}


def test_supervised_loop_backs_off_while_failing():
    stopping, calls = threading.Event(), []
    loops = Supervisor(stopping, backoff=(0.05, 0.2))
    loops.start("broken", lambda: calls.append(time.monotonic()) or 1 / 0)
    time.sleep(0.6)
    stopping.set()
    gaps = [b - a for a, b in zip(calls, calls[1:])]
    assert 2 <= len(calls) <= 6 and gaps[-1] >= 0.1
    assert loops.summary() == "broken failing: ZeroDivisionError"


def test_supervised_loop_that_finishes_its_job_ends():
    stopping = threading.Event()
    thread = Supervisor(stopping).start("connect", lambda: True)
    thread.join(1)
    assert not thread.is_alive()
