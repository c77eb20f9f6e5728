"""The period picker shows the period asked for: "Số" is the quarter / half-year number, not the
month's (the clock is 23/11/2026: with cut-off 15 that is reporting month 12, quarter IV, half 2)."""
from __future__ import annotations

import re

import pytest

from .test_reports_web_roles import _client_as


def _number_field(html: str) -> str:
    return re.search(r'<input name="number"[^>]*value="([^"]*)"', html).group(1)


@pytest.mark.parametrize("query, number, label", [
    ("kind=month", "12", "tháng 12 năm 2026"),
    ("kind=quarter", "4", "quý IV năm 2026"),
    ("kind=half_year", "2", "6 tháng cuối năm 2026"),
    ("kind=year", "", "năm 2026"),
    ("kind=quarter&number=2&year=2026", "2", "quý II năm 2026"),
    ("kind=half_year&number=1&year=2025", "1", "6 tháng đầu năm 2025"),
    ("from=2026-11-01&to=2026-11-10", "", "từ 01/11/2026 đến 10/11/2026"),
])
def test_reports_picker_number_is_that_of_the_period(centre, query, number, label):
    html = _client_as(centre, "admin").get(f"/admin/reports/?{query}").get_data(as_text=True)
    assert _number_field(html) == number
    assert label in html


def test_reports_picker_keeps_the_kind_selected(centre):
    html = _client_as(centre, "admin").get("/admin/reports/satisfaction?kind=quarter").get_data(as_text=True)
    assert re.search(r'<option value="quarter" selected>', html)
