"""The report's fast day arithmetic agrees with timeliness.classify for every dossier."""

import random

from queue_server.dossiers.timeliness import Timeliness, classify
from queue_server.reporting import phu_luc_1
from queue_server.reporting.periods import month

from .helpers import DEPARTMENTS, random_dossier

PERIOD = month(2025, 3)
_CELL = {
    Timeliness.EARLY: "early", Timeliness.ON_TIME: "on_time", Timeliness.LATE: "late",
    Timeliness.WITHIN_DEADLINE: "within_deadline", Timeliness.OVERDUE: "overdue",
}


def test_phu_luc_1_agrees_with_classify_at_period_end():
    rng = random.Random(7)
    for n in range(1500):
        d = random_dossier(rng, n, PERIOD.first_day, PERIOD.last_day)
        counts = phu_luc_1.compute([d], PERIOD, DEPARTMENTS).total
        cells = {c for c, v in zip(phu_luc_1.COLUMNS, counts) if v}
        verdict = classify(d, PERIOD.last_day)
        if verdict is None or (verdict in (Timeliness.EARLY, Timeliness.ON_TIME, Timeliness.LATE)
                               and d.resolved_at.date() < PERIOD.first_day):
            assert not cells & set(_CELL.values()), d
        else:
            assert _CELL[verdict] in cells, (d, verdict, cells)
