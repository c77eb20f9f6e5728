"""Where single dossiers land in Phụ lục I, at the period's boundaries."""

from dataclasses import replace
from datetime import datetime

import pytest

from queue_server.centre_calendar import VN_TZ
from queue_server.dossiers.model import Channel, Department, Dossier, DossierStatus, StatusChange
from queue_server.reporting import phu_luc_1
from queue_server.reporting.periods import month

S = DossierStatus
PERIOD = month(2025, 3)  # 16/02/2025 – 15/03/2025
DEPTS = [Department("stp", "Sở Tư pháp")]


def _d(received, due, status=S.IN_PROGRESS, closed=None, channel=Channel.IN_PERSON, level=2, dept="stp"):
    t = lambda s: datetime.fromisoformat(s).replace(tzinfo=VN_TZ)  # noqa: E731
    return Dossier("C", "P", dept, t(received), t(due), status, channel, level, t(closed) if closed else None)


def _cells(dossier):
    row = phu_luc_1.compute([dossier], PERIOD, DEPTS).rows[0]
    return {c for c, v in zip(phu_luc_1.COLUMNS, row.counts) if v}


@pytest.mark.parametrize(
    "dossier, cells",
    [
        (_d("2025-02-16 07:00", "2025-03-20 17:00"), {"received", "new", "in_progress", "within_deadline"}),
        (_d("2025-02-15 16:00", "2025-03-20 17:00"), {"received", "carried_over", "in_progress", "within_deadline"}),
        (_d("2025-03-16 07:00", "2025-03-20 17:00"), set()),  # received after the period
        (_d("2025-03-01 09:00", "2025-03-14 17:00"), {"received", "new", "in_progress", "overdue"}),
        (_d("2025-03-01 09:00", "2025-03-15 08:00"), {"received", "new", "in_progress", "within_deadline"}),
        (_d("2025-03-01 09:00", "2025-03-10 09:00", S.RESULT_RETURNED, "2025-03-10 16:59"),
         {"received", "new", "resolved", "on_time"}),
        (_d("2025-03-01 09:00", "2025-03-10 09:00", S.RESULT_READY, "2025-03-09 10:00"),
         {"received", "new", "resolved", "early"}),
        (_d("2025-03-01 09:00", "2025-03-10 09:00", S.RESULT_READY, "2025-03-11 07:00"),
         {"received", "new", "resolved", "late"}),
        # resolved after the period: in progress at its end (and overdue by then)
        (_d("2025-03-01 09:00", "2025-03-10 09:00", S.RESULT_READY, "2025-03-16 07:00"),
         {"received", "new", "in_progress", "overdue"}),
        # resolved before the period: not counted at all
        (_d("2025-02-01 09:00", "2025-02-10 09:00", S.RESULT_READY, "2025-02-15 17:00"), set()),
        (_d("2025-02-01 09:00", "2025-02-10 09:00", S.RESULT_READY, "2025-02-16 08:00"),
         {"received", "carried_over", "resolved", "late"}),
        # refused in the period: resolved (the office answered) and returned to the applicant
        (_d("2025-03-01 09:00", "2025-03-10 09:00", S.REFUSED, "2025-03-02 09:00"),
         {"received", "new", "resolved", "early", "returned"}),
        # withdrawn by the applicant: resolved, not returned by the office
        (_d("2025-03-01 09:00", "2025-03-10 09:00", S.WITHDRAWN, "2025-03-15 23:59"),
         {"received", "new", "resolved", "late"}),
        # refused after the period: in progress at its end, returned in the next period only
        (_d("2025-03-01 09:00", "2025-03-20 09:00", S.REFUSED, "2025-03-16 09:00"),
         {"received", "new", "in_progress", "within_deadline"}),
        (_d("2025-02-01 09:00", "2025-02-10 09:00", S.STOPPED, "2025-02-15 09:00"), set()),
        (_d("2025-03-01 09:00", "2025-03-20 09:00", channel=Channel.ONLINE, level=4),
         {"received", "new", "in_progress", "within_deadline", "online", "level_3_4"}),
        (_d("2025-03-01 09:00", "2025-03-20 09:00", level=3),
         {"received", "new", "in_progress", "within_deadline", "level_3_4"}),
    ],
)
def test_phu_luc_1_single_dossier_cells(dossier, cells):
    assert _cells(dossier) == cells


def test_phu_luc_1_uses_local_days_for_utc_instants():
    from datetime import timezone

    utc = lambda *a: datetime(*a, tzinfo=timezone.utc)  # noqa: E731
    # Received 15/03 18:00 UTC = 16/03 01:00 in Hanoi: after the period.
    late = Dossier("C", "P", "stp", utc(2025, 3, 15, 18), utc(2025, 3, 20, 9), S.RECEIVED)
    assert _cells(late) == set()


def test_phu_luc_1_unknown_department_gets_its_own_row():
    report = phu_luc_1.compute([_d("2025-03-01 09:00", "2025-03-10 09:00", dept="cat")], PERIOD, DEPTS)
    assert [(r.department_id, r.name, r["received"]) for r in report.rows] == [("stp", "Sở Tư pháp", 0),
                                                                               ("cat", "cat", 1)]


def _with_history(dossier, *changes):
    t = lambda s: datetime.fromisoformat(s).replace(tzinfo=VN_TZ)  # noqa: E731
    return replace(dossier, history=tuple(StatusChange(status, t(at)) for status, at in changes))


@pytest.mark.parametrize(
    "changes, cells",
    [
        # more documents asked for in the period, still in progress at its end: returned and in progress
        ([(S.SUPPLEMENT_REQUESTED, "2025-03-05 10:00")],
         {"received", "carried_over", "in_progress", "within_deadline", "returned"}),
        # asked before the period only: not returned in this one
        ([(S.SUPPLEMENT_REQUESTED, "2025-02-10 10:00"), (S.IN_PROGRESS, "2025-02-20 10:00")],
         {"received", "carried_over", "in_progress", "within_deadline"}),
        # asked twice in the period: counted once
        ([(S.SUPPLEMENT_REQUESTED, "2025-03-01 10:00"), (S.IN_PROGRESS, "2025-03-02 10:00"),
          (S.SUPPLEMENT_REQUESTED, "2025-03-15 23:59")],
         {"received", "carried_over", "in_progress", "within_deadline", "returned"}),
        # asked the day after the period ends: not in this period
        ([(S.SUPPLEMENT_REQUESTED, "2025-03-16 00:00")],
         {"received", "carried_over", "in_progress", "within_deadline"}),
    ],
)
def test_phu_luc_1_returned_overlaps_in_progress(changes, cells):
    dossier = _d("2025-02-10 09:00", "2025-03-30 09:00", S.IN_PROGRESS)
    assert _cells(_with_history(dossier, *changes)) == cells


def test_phu_luc_1_returned_then_resolved_counts_in_both():
    dossier = _d("2025-03-01 09:00", "2025-03-10 09:00", S.RESULT_READY, "2025-03-09 10:00")
    dossier = _with_history(dossier, (S.SUPPLEMENT_REQUESTED, "2025-03-03 10:00"), (S.IN_PROGRESS, "2025-03-04 08:00"))
    assert _cells(dossier) == {"received", "new", "resolved", "early", "returned"}
