"""Random dossiers around a reporting period, biased towards its boundary days."""

import random
from datetime import date, datetime, time, timedelta

from queue_server.centre_calendar import VN_TZ
from queue_server.dossiers.model import Channel, Department, Dossier, DossierStatus, StatusChange

DEPARTMENTS = [Department(f"d{i}", f"Đơn vị {i}") for i in range(1, 6)]


def _instant(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(rng.choice([0, 7, 9, 16, 23]), rng.choice([0, 59])), VN_TZ)


def _near(rng: random.Random, first: date, last: date, spread: int = 40) -> date:
    """A day near or in [first, last], often exactly on a boundary."""
    anchors = [first, last, first - timedelta(days=1), last + timedelta(days=1)]
    if rng.random() < 0.4:
        return rng.choice(anchors)
    return first + timedelta(days=rng.randint(-spread, (last - first).days + 10))


def random_dossier(rng: random.Random, n: int, first: date, last: date) -> Dossier:
    received = _near(rng, first, last)
    due = received + timedelta(days=rng.randint(0, 20))
    status = rng.choice(list(DossierStatus))
    closed = None if status.is_open else rng.choice([due, due - timedelta(days=1), due + timedelta(days=1),
                                                    received + timedelta(days=rng.randint(0, 40)), first, last])
    if closed is not None and closed < received:
        closed = received
    end = closed or last + timedelta(days=10)
    asked = [received + timedelta(days=rng.randint(0, max(0, (end - received).days))) for _ in range(rng.choice([0, 0, 1, 2]))]
    history = tuple(StatusChange(DossierStatus.SUPPLEMENT_REQUESTED, _instant(day, rng)) for day in sorted(asked))
    if status is DossierStatus.REFUSED and closed:
        history += (StatusChange(status, _instant(closed, rng)),)
    return Dossier(
        history=history,
        code=f"X-{n:05}",
        procedure="Thủ tục",
        department_id=rng.choice([d.id for d in DEPARTMENTS] + ["lạ"]),
        received_at=_instant(received, rng),
        due_at=_instant(due, rng),
        status=status,
        channel=rng.choice(list(Channel)),
        level=rng.choice([None, 2, 3, 4]),
        resolved_at=_instant(closed, rng) if closed else None,
    )
