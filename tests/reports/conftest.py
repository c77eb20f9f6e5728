"""Report test fixtures: a live centre holding a generated month (Phụ lục II period 11/2026:
16/10 – 15/11/2026) of tickets and ratings over all 17 demo departments, and an admin's browser
page reached through the login form. Browser fixtures come from tests/conftest.py."""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest

from queue_server.config import RatingStyle
from queue_server.reporting import periods

from .helpers import rating_rows, ticket_rows, write

PERIOD = periods.month(2026, 11)
PERIOD_QUERY = "kind=month&number=11&year=2026"
ADMIN = ("quantri", "Nguyễn Văn Quản", "matkhau-qt")


@dataclass
class ReportCentre:
    centre: object
    tickets: list[dict]
    ratings: list[dict]

    @property
    def url(self) -> str:
        return self.centre.url


def fill_month(centre, seed: int = 11) -> tuple[list[dict], list[dict]]:
    """Officers 1–3 (the admin, Lê Thị Hoa, Phạm Văn Lân), 1,500 tickets and 320 category ratings
    from 10/10 to 19/11/2026 (a few days either side of the period)."""
    centre.officer(*ADMIN[:2], ADMIN[2], role="admin")
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    centre.officer("lan", "Phạm Văn Lân", "matkhau2")
    rng = random.Random(seed)
    departments = centre.config.departments
    tickets = ticket_rows(rng, 1500, date(2026, 10, 10), 41, departments)
    ratings = rating_rows(rng, 320, date(2026, 10, 10), 41, [d.id for d in departments], RatingStyle.CATEGORY)
    _tie_to_tickets(rng, ratings, tickets)
    store = centre.service.store
    write(store, "tickets", tickets)
    write(store, "ratings", ratings)
    return tickets, ratings


def _tie_to_tickets(rng: random.Random, ratings: list[dict], tickets: list[dict]) -> None:
    """Nine ratings in ten made on the tablet right after a served ticket (its counter, officer,
    department, 20 s after it finished); the rest stay loose (walk-up, unknown department)."""
    served = rng.sample([t for t in tickets if t["status"] == "done"], k=len(ratings) * 9 // 10)
    for rating, ticket in zip(ratings, served):
        finished = datetime.fromisoformat(ticket["finished_at"]) + timedelta(seconds=20)
        rating.update(ticket_id=ticket["id"], service_id=ticket["service_id"], counter=ticket["counter"],
                      department_id=ticket["department_id"], officer_id=ticket["officer_id"],
                      at=finished.isoformat())


@pytest.fixture
def report_centre(live_centre):
    return ReportCentre(live_centre, *fill_month(live_centre))


def admin_page(new_page, centre, path: str):
    """The admin's page at `path`, reached through /login?next=..."""
    page = new_page()
    page.goto(centre.url + path)
    page.wait_for_url(re.compile(r"/login\?next="))
    page.fill("#username", ADMIN[0])
    page.fill("#password", ADMIN[2])
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(re.escape(path.split("?")[0])))
    return page
