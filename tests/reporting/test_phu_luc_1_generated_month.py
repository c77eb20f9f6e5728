"""Phụ lục I on a generated month, checked cell by cell against a naive computation."""

import random
from fractions import Fraction

import pytest

from queue_server.reporting import phu_luc_1
from queue_server.reporting.periods import month
from queue_server.reporting.vn_format import format_int

from .helpers import DEPARTMENTS, random_dossier

PERIOD = month(2025, 3)


def _naive_row(dossiers, first, last):
    """Counts written out directly from the rules in docs/dossiers.md, one if per column."""
    row = dict.fromkeys(phu_luc_1.COLUMNS, 0)
    for d in dossiers:
        rec = d.received_at.date()
        end = d.resolved_at.date() if d.resolved_at and not d.status.is_open else None
        due = d.due_at.date()
        if rec > last or (end is not None and end < first):
            continue
        row["received"] += 1
        row["carried_over" if rec < first else "new"] += 1
        row["online"] += d.channel.value == "online"
        row["level_3_4"] += d.level in (3, 4)
        if end is None or end > last:
            row["in_progress"] += 1
            row["overdue" if last > due else "within_deadline"] += 1
        else:
            row["resolved"] += 1
            row["early" if end < due else "on_time" if end == due else "late"] += 1
        sent_back = [c for c in d.history if c.status.value in ("supplement_requested", "refused")]
        row["returned"] += any(first <= c.at.date() <= last for c in sent_back)
    return [row[c] for c in phu_luc_1.COLUMNS]


def _naive_percent(num, den):
    if den == 0:
        return None
    value = Fraction(num * 100, den)
    hundredths = int(value * 100)
    if value * 100 - hundredths >= Fraction(1, 2):
        hundredths += 1
    return Fraction(hundredths, 100)


@pytest.fixture(scope="module")
def month_of_dossiers():
    rng = random.Random(20250315)
    return [random_dossier(rng, n, PERIOD.first_day, PERIOD.last_day) for n in range(3000)]


@pytest.fixture(scope="module")
def report(month_of_dossiers):
    return phu_luc_1.compute(month_of_dossiers, PERIOD, DEPARTMENTS)


def test_phu_luc_1_rows_match_naive_computation(month_of_dossiers, report):
    ids = [d.id for d in DEPARTMENTS] + ["lạ"]  # the unknown department comes last
    assert [r.department_id for r in report.rows] == ids
    for row in report.rows:
        mine = [d for d in month_of_dossiers if d.department_id == row.department_id]
        assert list(row.counts) == _naive_row(mine, PERIOD.first_day, PERIOD.last_day), row.department_id


def test_phu_luc_1_total_matches_naive_computation(month_of_dossiers, report):
    assert list(report.total) == _naive_row(month_of_dossiers, PERIOD.first_day, PERIOD.last_day)


def test_phu_luc_1_percentages_match_naive_computation(report):
    t = dict(zip(phu_luc_1.COLUMNS, report.total))
    expected = [
        _naive_percent(t["received"], t["received"]),
        _naive_percent(t["carried_over"], t["received"]),
        _naive_percent(t["new"], t["received"]),
        _naive_percent(t["resolved"], t["received"]),
        _naive_percent(t["early"], t["resolved"]),
        _naive_percent(t["on_time"], t["resolved"]),
        _naive_percent(t["late"], t["resolved"]),
        _naive_percent(t["in_progress"], t["received"]),
        _naive_percent(t["within_deadline"], t["in_progress"]),
        _naive_percent(t["overdue"], t["in_progress"]),
        _naive_percent(t["returned"], t["received"]),
        _naive_percent(t["online"], t["received"]),
        _naive_percent(t["online"], t["level_3_4"]),
    ]
    assert [None if p is None else Fraction(p) for p in report.percentages] == expected


def test_phu_luc_1_generated_month_exercises_every_column(report):
    assert all(v > 0 for v in report.total)


def test_phu_luc_1_formatted_cells_match_counts(report):
    table = phu_luc_1.format_rows(report)
    for printed, row in zip(table[2:-2], report.rows):
        assert printed[2:] == [format_int(v) for v in row.counts]
    assert table[-2][2:] == [format_int(v) for v in report.total]
