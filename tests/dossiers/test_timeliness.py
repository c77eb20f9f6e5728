from datetime import date

import pytest

from queue_server.dossiers.model import DossierStatus as S
from queue_server.dossiers.timeliness import Timeliness as T
from queue_server.dossiers.timeliness import classify
from .helpers import at, dossier

DUE = "2025-03-10 09:00"


@pytest.mark.parametrize(
    "status, resolved, as_of, expected",
    [
        (S.RESULT_READY, "2025-03-09 16:00", date(2025, 3, 31), T.EARLY),
        (S.RESULT_RETURNED, "2025-03-10 08:00", date(2025, 3, 31), T.ON_TIME),
        (S.RESULT_READY, "2025-03-10 16:59", date(2025, 3, 31), T.ON_TIME),  # later hour, same day
        (S.RESULT_READY, "2025-03-11 07:00", date(2025, 3, 31), T.LATE),
        (S.IN_PROGRESS, None, date(2025, 3, 10), T.WITHIN_DEADLINE),         # due day itself
        (S.IN_PROGRESS, None, date(2025, 3, 11), T.OVERDUE),
        (S.SUPPLEMENT_REQUESTED, None, date(2025, 3, 5), T.WITHIN_DEADLINE),
        # resolved later than as_of: it was still open then
        (S.RESULT_READY, "2025-03-12 10:00", date(2025, 3, 11), T.OVERDUE),
        (S.RESULT_READY, "2025-03-12 10:00", date(2025, 3, 6), T.WITHIN_DEADLINE),
        (S.REFUSED, "2025-03-05 10:00", date(2025, 3, 31), T.EARLY),        # refusal answered early
        (S.WITHDRAWN, "2025-03-11 10:00", date(2025, 3, 31), T.LATE),
        (S.REFUSED, "2025-03-05 10:00", date(2025, 3, 4), T.WITHIN_DEADLINE),
        (S.IN_PROGRESS, None, date(2025, 3, 2), None),                        # not received yet
    ],
)
def test_timeliness_classify(status, resolved, as_of, expected):
    assert classify(dossier(due=DUE, status=status, resolved=resolved), as_of) is expected


def test_timeliness_classify_uses_local_day_of_datetimes():
    d = dossier(due=DUE, status=S.IN_PROGRESS)
    # 2025-03-10 20:00 UTC is already 11/3 in Hanoi.
    from datetime import datetime, timezone

    assert classify(d, datetime(2025, 3, 10, 20, 0, tzinfo=timezone.utc)) is T.OVERDUE
    assert classify(d, at("2025-03-10 23:59")) is T.WITHIN_DEADLINE


def test_timeliness_labels():
    assert T.ON_TIME.label_vi == "Đúng hạn" and T.WITHIN_DEADLINE.label_vi == "Còn hạn"
