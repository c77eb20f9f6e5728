"""Generated report data: tickets and ratings as table rows, written through sqlite-utils."""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from queue_server.ratings import RATING_OPTIONS

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
STATUSES = ("done", "done", "done", "absent", "expired", "waiting")


def _iso(moment: datetime) -> str:
    return moment.astimezone(TZ).isoformat()


def ticket_rows(rng: random.Random, n: int, first: date, days: int, departments, centre="tphcc-demo") -> list[dict]:
    """n tickets over `days` days from `first`: services of the given departments, random times."""
    services = [(d.id, s.id) for d in departments for s in d.services] or [("d1", "s1")]
    rows = []
    for i in range(n):
        day = first + timedelta(days=rng.randrange(days))
        dept, service = rng.choice(services)
        issued = datetime(day.year, day.month, day.day, 7, tzinfo=TZ) + timedelta(seconds=rng.randrange(36000))
        status = rng.choice(STATUSES)
        called = issued + timedelta(seconds=rng.randrange(3600)) if status in ("done", "absent") else None
        started = called + timedelta(seconds=rng.randrange(60)) if status == "done" else None
        finished = started + timedelta(seconds=rng.randrange(1800)) if status == "done" else None
        rows.append({
            "id": f"t{i}", "centre_id": centre, "service_day": day.isoformat(), "service_id": service,
            "department_id": dept, "issued_service_id": service, "number": i, "label": str(1000 + i),
            "priority": 0, "source": "kiosk", "status": status, "issued_at": _iso(issued), "queue_at": _iso(issued),
            "called_at": called and _iso(called), "started_at": started and _iso(started),
            "finished_at": finished and _iso(finished), "counter": rng.randint(1, 5) if called else None,
            "officer_id": rng.choice([1, 2, 3]) if called else None, "recalls": 0, "target_counter": None,
            "transfers": rng.choice([0, 0, 0, 1]), "dossier_code": None})
    return rows


def rating_rows(rng: random.Random, n: int, first: date, days: int, department_ids, style,
                centre="tphcc-demo") -> list[dict]:
    """n ratings of `style` over the days; some with comments, some of unconfigured departments."""
    values = list(RATING_OPTIONS[style])
    rows = []
    for i in range(n):
        day = first + timedelta(days=rng.randrange(days))
        at = datetime(day.year, day.month, day.day, tzinfo=TZ) + timedelta(seconds=rng.randrange(86400))
        rows.append({"id": f"r{i}", "centre_id": centre, "ticket_id": None, "service_id": None,
                     "department_id": rng.choice([*department_ids, "other", None]), "counter": rng.randint(1, 5),
                     "officer_id": rng.choice([1, 2, None]), "style": style.value, "value": rng.choice(values),
                     "comment": rng.choice(["", "", "Cán bộ nhiệt tình", "Chờ lâu quá"]), "at": _iso(at),
                     "device_id": None})
    return rows


def write(store, table: str, rows: list[dict]) -> None:
    store.db[table].insert_all(rows)
