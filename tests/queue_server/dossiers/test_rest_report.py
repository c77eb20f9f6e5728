"""Phụ lục I through the API equals the pure computation on the same generated month."""
import random
from dataclasses import replace
from datetime import date

import pytest

from queue_server.reporting import periods
from queue_server.reporting.phu_luc_1 import compute, format_rows
from queue_server.storage.dossiers import HistoryEntry, row_of
from tests.reporting.helpers import random_dossier

MAP = {"d1": "stp", "d2": "cat", "d3": "bhxh", "d4": "sxd", "d5": "thue", "lạ": "la"}


@pytest.fixture
def month_of_dossiers(centre, registry):
    period = periods.month(2026, 11, 15)
    rng = random.Random(4)
    items = [random_dossier(rng, n, period.first_day, period.last_day) for n in range(3000)]
    items = [replace(d, department_id=MAP[d.department_id]) for d in items]
    with centre.service.store.transaction() as conn:
        registry.dossiers.upsert(conn, [row_of("tphcc-demo", d, "import", centre.clock()) for d in items])
        registry.dossiers.add_history(conn, "tphcc-demo", [HistoryEntry(d.code, change.status, change.at, "import")
                                                           for d in items for change in d.history])
    return items, period


def test_report_api_equals_pure_computation(month_of_dossiers, registry, clients):
    items, period = month_of_dossiers
    got = clients("supervisor").get("/api/reports/dossiers?month=2026-11")
    assert got.status_code == 200
    expected = compute(items, period, registry.departments)
    body = got.json
    assert body["period"]["label"] == "tháng 11 năm 2026 (từ 16/10/2026 đến 15/11/2026)"
    assert body["rows"] == expected.as_dict()["rows"] and body["total"] == expected.as_dict()["total"]
    assert body["percentages"] == expected.as_dict()["percentages"]
    assert body["table"] == format_rows(expected)
    assert body["rows"][-1]["department_id"] == "la"  # unknown department: a row after the configured ones


def test_report_custom_range(month_of_dossiers, registry, clients):
    items, _ = month_of_dossiers
    got = clients("admin").get("/api/reports/dossiers?from=2026-11-01&to=2026-11-15")
    expected = compute(items, periods.custom(date(2026, 11, 1), date(2026, 11, 15)), registry.departments)
    assert got.json["total"] == expected.as_dict()["total"]


def test_report_refusals(centre, clients):
    admin = clients("admin")
    assert admin.get("/api/reports/dossiers").status_code == 400
    assert admin.get("/api/reports/dossiers?from=2026-11-15&to=2026-11-01").status_code == 400
    assert admin.get("/api/reports/dossiers?month=2026-13").status_code == 400
    assert clients("officer").get("/api/reports/dossiers?month=2026-11").status_code == 403
