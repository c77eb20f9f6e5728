"""Chaos day, scaled down: the demo centre against a real server process while the printer is
unplugged, runs out of paper, stops answering, the LED bus dies and the server goes away.
Every fault reaches the dashboard and clears within 10 s; nothing is stuck, lost or doubled.
The full day with figures: bench/chaos_day.py."""
import pytest

from bench.chaos_day import ChaosDay

pytestmark = pytest.mark.slow


def test_chaos_day(tmp_path):
    day = ChaosDay(tmp_path, faults=6, server_down_s=2.0, hold_s=(0.3, 1.0), seed=7,
                   printer_poll_s=0.5, led_retry_s=1.0, progress=print)
    try:
        day.setup()
        faults = day.run()
        problems = day.check()
    finally:
        day.close()
    print(day.figures())
    assert problems == []
    kinds = [f.kind for f in faults]
    assert "server.down" in kinds and any(k.endswith("(in outage)") for k in kinds) and len(faults) == 8
    assert all(f.to_see <= 10 for f in faults if f.kind != "server.down")
    assert all(f.to_recover <= 10 for f in faults)
    assert day.tally.shown and day.tally.ratings           # the day really went on
