"""Benchmark: Phụ lục I over 600,000 dossiers (target: under 1 s).

Generates a month of dossiers for 17 departments plus the ones carried over
from earlier months, then times the computation from plain tuples (what
storage feeds it) and, for comparison, from Dossier objects.

Run: .venv/bin/python bench/bench_phu_luc_1.py
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from queue_server.centre_calendar import VN_TZ  # noqa: E402
from queue_server.dossiers.model import Channel, Department, Dossier, DossierStatus  # noqa: E402
from queue_server.reporting import phu_luc_1  # noqa: E402
from queue_server.reporting.periods import month  # noqa: E402

DEPARTMENTS = [Department(f"d{i:02}", f"Sở số {i}") for i in range(1, 18)]
TOTAL = 600_000
PERIOD = month(2025, 3)
OPEN_STATES = [DossierStatus.RECEIVED, DossierStatus.IN_PROGRESS, DossierStatus.SUPPLEMENT_REQUESTED]


def _dossier(rng: random.Random, n: int) -> Dossier:
    """One dossier: 90 % received in the period, the rest up to 3 months before it."""
    offset = rng.randint(0, 27) if rng.random() < 0.9 else -rng.randint(1, 90)
    received = PERIOD.first_day + timedelta(days=offset)
    due = received + timedelta(days=rng.choice([0, 1, 3, 5, 7, 10, 15, 20, 30]))
    closed = received + timedelta(days=max(0, int(rng.gauss(0.8, 0.3) * (due - received).days)))
    status = _status(rng, closed)
    return Dossier(
        code=f"000.00.{n % 17:02}.H56-{received:%y%m%d}-{n:06}",
        procedure="Thủ tục",
        department_id=DEPARTMENTS[min(16, int(rng.expovariate(0.25)))].id,
        received_at=datetime.combine(received, datetime.min.time(), VN_TZ) + timedelta(hours=8),
        due_at=datetime.combine(due, datetime.min.time(), VN_TZ) + timedelta(hours=16),
        status=status,
        channel=Channel.ONLINE if rng.random() < 0.3 else Channel.IN_PERSON,
        level=rng.choice([2, 3, 4]),
        resolved_at=None if status.is_open else datetime.combine(closed, datetime.min.time(), VN_TZ),
    )


def _status(rng: random.Random, closed: date) -> DossierStatus:
    if closed > PERIOD.last_day or rng.random() < 0.03:
        return rng.choice(OPEN_STATES)
    roll = rng.random()
    if roll < 0.04:
        return rng.choice([DossierStatus.REFUSED, DossierStatus.WITHDRAWN, DossierStatus.STOPPED])
    return DossierStatus.RESULT_READY if roll < 0.2 else DossierStatus.RESULT_RETURNED


def _time(label: str, fn, repeat: int = 3) -> float:
    best = min(_timed(fn) for _ in range(repeat))
    print(f"{label:<46} {best * 1000:8.1f} ms")
    return best


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    rng = random.Random(2025)
    t0 = time.perf_counter()
    dossiers = [_dossier(rng, n) for n in range(TOTAL)]
    print(f"generated {len(dossiers):,} dossiers in {time.perf_counter() - t0:.1f} s; period {PERIOD.label}")
    t0 = time.perf_counter()
    facts = [phu_luc_1.facts_of(d) for d in dossiers]
    print(f"{'facts_of() conversion (storage can skip it)':<46} {(time.perf_counter() - t0) * 1000:8.1f} ms")
    best = _time("compute_from_facts (600k tuples)", lambda: phu_luc_1.compute_from_facts(facts, PERIOD, DEPARTMENTS))
    _time("compute (600k Dossier objects)", lambda: phu_luc_1.compute(dossiers, PERIOD, DEPARTMENTS), repeat=1)
    report = phu_luc_1.compute_from_facts(facts, PERIOD, DEPARTMENTS)
    table = phu_luc_1.format_rows(report)
    print("total row:     ", " | ".join(table[-2][1:]))
    print("percentage row:", " | ".join(table[-1][1:]))
    print(f"target < 1 s: {'met' if best < 1 else 'NOT met'} ({best:.3f} s)")


if __name__ == "__main__":
    main()
