"""Invariants of Phụ lục I that hold for any set of dossiers."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from queue_server.reporting import phu_luc_1
from queue_server.reporting.phu_luc_1 import COLUMNS, OPEN_DAY
from queue_server.reporting.periods import month

from .helpers import DEPARTMENTS

PERIOD = month(2025, 3)
FIRST, LAST = PERIOD.first_day.toordinal(), PERIOD.last_day.toordinal()
DAYS = st.integers(FIRST - 40, LAST + 20)


@st.composite
def facts(draw):
    received = draw(DAYS)
    due = received + draw(st.integers(0, 30))
    outcome = draw(st.sampled_from([0, 1, 2]))
    closed = OPEN_DAY if outcome == 0 else received + draw(st.integers(0, 60))
    dept = draw(st.sampled_from([d.id for d in DEPARTMENTS] + ["other"]))
    returns = tuple(sorted(draw(st.sets(st.integers(received, min(closed, LAST + 20)), max_size=3))))
    return (dept, received, due, closed, outcome, draw(st.booleans()), draw(st.booleans()), returns)


def _col(counts, name):
    return counts[COLUMNS.index(name)]


@settings(max_examples=60, deadline=None)
@given(st.lists(facts(), max_size=80))
def test_phu_luc_1_row_identities(items):
    report = phu_luc_1.compute_from_facts(items, PERIOD, DEPARTMENTS)
    for counts in [r.counts for r in report.rows] + [report.total]:
        c = lambda name: _col(counts, name)  # noqa: E731
        assert c("received") == c("carried_over") + c("new")
        assert c("resolved") == c("early") + c("on_time") + c("late")
        assert c("in_progress") == c("within_deadline") + c("overdue")
        assert c("received") == c("resolved") + c("in_progress")
        assert c("returned") <= c("received")
        assert c("online") <= c("received") and c("level_3_4") <= c("received")


@settings(max_examples=60, deadline=None)
@given(st.lists(facts(), max_size=80))
def test_phu_luc_1_total_is_sum_of_rows(items):
    report = phu_luc_1.compute_from_facts(items, PERIOD, DEPARTMENTS)
    assert report.total == tuple(map(sum, zip(*(r.counts for r in report.rows))))
    assert report.rows[: len(DEPARTMENTS)] and [r.department_id for r in report.rows[:5]] == [d.id for d in DEPARTMENTS]


@settings(max_examples=40, deadline=None)
@given(st.lists(facts(), max_size=60), st.randoms(use_true_random=False))
def test_phu_luc_1_order_of_input_does_not_matter(items, rnd):
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert phu_luc_1.compute_from_facts(items, PERIOD, DEPARTMENTS) == phu_luc_1.compute_from_facts(
        shuffled, PERIOD, DEPARTMENTS)


@settings(max_examples=40, deadline=None)
@given(st.lists(facts(), max_size=60))
def test_phu_luc_1_in_progress_at_end_is_carried_into_next_month(items):
    """What is in progress at the end of March is exactly what April carries over."""
    march = phu_luc_1.compute_from_facts(items, PERIOD, DEPARTMENTS)
    april = phu_luc_1.compute_from_facts(items, month(2025, 4), DEPARTMENTS)
    assert _col(march.total, "in_progress") == _col(april.total, "carried_over")


@settings(max_examples=40, deadline=None)
@given(st.lists(facts(), max_size=60))
def test_phu_luc_1_percentages_stay_within_bounds(items):
    report = phu_luc_1.compute_from_facts(items, PERIOD, DEPARTMENTS)
    shares = [p for p in report.percentages[:-1] if p is not None]
    assert all(0 <= p <= 100 for p in shares)
    assert (report.percentages[0] is None) == (_col(report.total, "received") == 0)


def test_phu_luc_1_empty_input_has_rows_of_zeros():
    report = phu_luc_1.compute_from_facts([], PERIOD, DEPARTMENTS)
    assert [r.department_id for r in report.rows] == [d.id for d in DEPARTMENTS]
    assert report.total == (0,) * len(COLUMNS)
    assert report.percentages == (None,) * len(COLUMNS)
    assert date(2025, 3, 15) == PERIOD.last_day


@settings(max_examples=60, deadline=None)
@given(st.lists(facts(), max_size=80))
def test_phu_luc_1_returned_counts_dossiers_sent_back_in_the_period(items):
    report = phu_luc_1.compute_from_facts(items, PERIOD, DEPARTMENTS)
    counted = [f for f in items if f[1] <= LAST and f[3] >= FIRST]
    assert _col(report.total, "returned") == sum(any(FIRST <= d <= LAST for d in f[7]) for f in counted)
