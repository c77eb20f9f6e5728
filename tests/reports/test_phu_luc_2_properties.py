"""Phụ lục II against an independent count over generated ratings (hypothesis)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from hypothesis import given, settings, strategies as st

from queue_server.config import RatingStyle
from queue_server.ratings import RATING_OPTIONS
from queue_server.reporting import periods, phu_luc_2

PERIOD = periods.month(2020, 12)


@dataclass(frozen=True)
class Dept:
    id: str
    name: str


DEPTS = [Dept("a", "Sở A"), Dept("b", "Sở B"), Dept("c", "Sở C (không có đánh giá)")]


def ratings(style):
    return st.lists(st.fixed_dictionaries({"department_id": st.sampled_from(["a", "b", "x", None]),
                                           "value": st.sampled_from([*RATING_OPTIONS[style], "unknown"])}),
                    max_size=60)


def _check(style, rows):
    report = phu_luc_2.compute(phu_luc_2.count_ratings(rows), PERIOD, DEPTS, style, tickets_served=50)
    values = list(RATING_OPTIONS[style])
    valid = [r for r in rows if r["value"] in values]
    by_id = {r.department_id: r for r in report.rows}
    assert [r.department_id for r in report.rows][:3] == ["a", "b", "c"]
    for dept in {"a", "b", "c", "x", None} & ({r["department_id"] for r in valid} | {"a", "b", "c"}):
        row = by_id[dept or ""]
        expected = [sum(1 for r in valid if r["department_id"] == dept and r["value"] == v) for v in values]
        assert list(row.counts) == expected and row.total == sum(expected)
    assert report.total.total == len(valid)
    for i, v in enumerate(values):
        count = sum(r["value"] == v for r in valid)
        assert report.percentages[i] == (None if not valid else
                                         (Decimal(count * 100) / len(valid)).quantize(Decimal("0.01"), "ROUND_HALF_UP"))
    assert report.percentages[-1] == (Decimal("100.00") if valid else None)
    return report, valid


@settings(max_examples=40, deadline=None)
@given(ratings(RatingStyle.CATEGORY))
def test_phu_luc_2_category_matches_independent_count(rows):
    report, valid = _check(RatingStyle.CATEGORY, rows)
    assert report.share_of_served == (Decimal(len(valid) * 100) / 50).quantize(Decimal("0.01"), "ROUND_HALF_UP")


@settings(max_examples=25, deadline=None)
@given(ratings(RatingStyle.STARS))
def test_phu_luc_2_stars_average_matches(rows):
    report, valid = _check(RatingStyle.STARS, rows)
    if valid:
        mean = Decimal(sum(int(r["value"]) for r in valid)) / len(valid)
        assert report.total.average == mean.quantize(Decimal("0.01"), "ROUND_HALF_UP")
    else:
        assert report.total.average is None


@settings(max_examples=25, deadline=None)
@given(ratings(RatingStyle.LEVEL))
def test_phu_luc_2_level_matches_independent_count(rows):
    _check(RatingStyle.LEVEL, rows)


def test_phu_luc_2_empty_period_has_zero_rows_and_dashes():
    report = phu_luc_2.compute([], PERIOD, DEPTS, RatingStyle.CATEGORY)
    rows = phu_luc_2.format_rows(report)
    assert rows[0] == ["STT", "Tên đơn vị", "Hài lòng với dịch vụ", "Hài lòng về thái độ phục vụ",
                       "Không hài lòng về nghiệp vụ nhân viên", "Không hài lòng về thời gian giao dịch",
                       "Ý kiến góp ý", "Tổng cộng"]
    assert rows[3] == ["3", "Sở C (không có đánh giá)", "0", "0", "0", "0", "0", "0"]
    assert rows[-1] == ["", "Tỷ lệ (%)", "-", "-", "-", "-", "-", "-"]
    assert phu_luc_2.share_lines(report)[0].endswith("(chưa tính được tỷ lệ)")


def test_phu_luc_2_format_uses_vietnamese_numbers():
    counts = [("a", "satisfied_service", 12346), ("b", "dissatisfied_time", 1)]
    rows = phu_luc_2.format_rows(phu_luc_2.compute(counts, PERIOD, DEPTS, RatingStyle.CATEGORY, 20000, 10240))
    assert rows[1][2] == "12.346" and rows[-2][-1] == "12.347"
    assert rows[-1][2] == "99,99" and rows[-1][5] == "0,01" and rows[-1][-1] == "100,00"
