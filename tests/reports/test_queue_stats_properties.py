"""Queue statistics against a brute-force computation over generated tickets (hypothesis)."""
from __future__ import annotations

import math
import random
from datetime import date, datetime
from decimal import Decimal

from hypothesis import given, settings, strategies as st

from queue_server.config import DEMO_CONFIG, load_config
from queue_server.reporting import periods, queue_stats

from .helpers import ticket_rows

CONFIG = load_config(DEMO_CONFIG)
DEPTS = CONFIG.departments[:3]
PERIOD = periods.custom(date(2026, 11, 2), date(2026, 11, 8))


def _secs(a, b):
    return int((datetime.fromisoformat(b) - datetime.fromisoformat(a)).total_seconds())


def _p90(values):
    if not values:
        return None
    steps = sorted(-(-v // queue_stats.STEP) * queue_stats.STEP for v in values)
    return steps[math.ceil(0.9 * len(steps)) - 1]


def _stats(tickets):
    return queue_stats.compute(queue_stats.cells_of(tickets), queue_stats.buckets_of(tickets), PERIOD, DEPTS)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 120))
def test_queue_stats_match_brute_force(seed, n):
    tickets = ticket_rows(random.Random(seed), n, PERIOD.first_day, 7, DEPTS)
    stats = _stats(tickets)
    total = stats.total
    waits = [_secs(t["issued_at"], t["called_at"]) for t in tickets if t["called_at"]]
    serves = [_secs(t["started_at"], t["finished_at"]) for t in tickets if t["status"] == "done"]
    assert total.issued == n
    assert total.served == sum(t["status"] == "done" for t in tickets)
    assert total.absent == sum(t["status"] == "absent" for t in tickets)
    assert total.transferred == sum(t["transfers"] > 0 for t in tickets)
    assert total.p90_wait == _p90(waits) and total.p90_serve == _p90(serves)
    if waits:
        assert total.mean_wait == (Decimal(sum(waits)) / len(waits)).quantize(Decimal("0.1"), "ROUND_HALF_UP")
    for line in stats.departments:
        mine = [t for t in tickets if t["department_id"] == line.key]
        assert line.figures.issued == len(mine)
        assert line.figures.p90_wait == _p90([_secs(t["issued_at"], t["called_at"]) for t in mine if t["called_at"]])
    assert sum(map(sum, stats.heatmap)) == n
    assert [d for d, _ in stats.trend] == [date(2026, 11, d) for d in range(2, 9)]
    assert sum(f.issued for _, f in stats.trend) == n


def test_queue_stats_empty_period_shows_dashes():
    stats = _stats([])
    rows = queue_stats.format_rows(stats)
    assert rows[-1] == ["Tổng cộng", "0", "0", "0", "0", "-", "-", "-", "-"]
    assert len(stats.departments) == 3 and all(d.figures.issued == 0 for d in stats.departments)


def test_queue_stats_heatmap_uses_weekday_and_hour_issued():
    tickets = ticket_rows(random.Random(1), 1, PERIOD.first_day, 1, DEPTS)   # Monday 2/11/2026
    stats = _stats(tickets)
    hour = int(tickets[0]["issued_at"][11:13])
    assert stats.heatmap[0][hour] == 1


def test_queue_stats_minutes_format():
    assert queue_stats.minutes(Decimal("754")) == "12,6" and queue_stats.minutes(None) == "-"
