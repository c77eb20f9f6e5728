"""The report pages in Debian Chromium, as an administrator: each page shows the generated month
with the figures the pure path computes from the same rows; each export downloads, the XLSX reads
back with openpyxl (title, period in words, merged headers, numbers as numbers), the CSV with the
csv module, and the PDF's first page turns into a non-blank PNG with pdftoppm."""
from __future__ import annotations

import csv
import io
import shutil
import subprocess

import pytest
from openpyxl import load_workbook
from PIL import Image, ImageStat
from playwright.sync_api import expect

from queue_server.config import RatingStyle
from queue_server.reporting import phu_luc_2, queue_stats, ratings_lists

from .conftest import PERIOD, PERIOD_QUERY, admin_page

pytestmark = pytest.mark.browser

FORMATS = ("xlsx", "csv", "pdf")
TITLES = {"satisfaction": "PHỤ LỤC II", "ratings": "DANH SÁCH ĐÁNH GIÁ", "queue": "THỐNG KÊ XẾP HÀNG"}


def _in_period(report_centre):
    start, end = PERIOD.start_at.isoformat(), PERIOD.end_before.isoformat()
    first, last = PERIOD.first_day.isoformat(), PERIOD.last_day.isoformat()
    return ([t for t in report_centre.tickets if first <= t["service_day"] <= last],
            [r for r in report_centre.ratings if start <= r["at"] < end])


def _expected_phu_luc_2(report_centre) -> list[list[str]]:
    _, ratings = _in_period(report_centre)
    report = phu_luc_2.compute(phu_luc_2.count_ratings(ratings), PERIOD, report_centre.centre.config.departments,
                               RatingStyle.CATEGORY)
    return phu_luc_2.format_rows(report)


def _row_texts(page, selector: str) -> list[list[str]]:
    return [[c.strip() for c in row.locator("td").all_inner_texts()] for row in page.locator(selector).all()]


def _download(page, fmt: str) -> bytes:
    with page.expect_download() as info:
        page.click(f"a.download[data-format={fmt}]")
    return open(info.value.path(), "rb").read()


def _check_xlsx(body: bytes, title: str, header_cell: str) -> int:
    """Checks the title, the period in words (merged across) and a header cell; returns the row of
    the first table's header (an appendix has its letterhead above the title)."""
    ws = load_workbook(io.BytesIO(body)).active
    top = next(r for r in range(1, 12) if ws.cell(r, 1).value == title)
    assert ws.cell(top + 2, 1).value == f"Kỳ báo cáo: {PERIOD.label}"   # the period in words
    assert "tháng 11 năm 2026 (từ 16/10/2026 đến 15/11/2026)" in ws.cell(top + 2, 1).value
    merged = [str(r) for r in ws.merged_cells.ranges]
    assert any(r.startswith(f"A{top + 2}:") for r in merged)
    header = [c for row in ws.iter_rows(min_row=top + 4, max_row=top + 7, values_only=True) for c in row]
    assert header_cell in header
    return top + 5


def _check_csv(body: bytes, title: str) -> list[list[str]]:
    text = body.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == [title] and rows[2] == [f"Kỳ báo cáo: {PERIOD.label}"]
    return rows


def _check_pdf(body: bytes, tmp_path, name: str) -> Image.Image:
    assert body.startswith(b"%PDF")
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(body)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(tmp_path / name)], check=True, timeout=60)
    image = Image.open(tmp_path / f"{name}.png").convert("L")
    assert image.width > 300 and image.height > 300
    dark = sum(image.histogram()[:128])          # ink: text, borders, bars
    assert dark > 0.005 * image.width * image.height, "the PDF page is (nearly) blank"
    assert ImageStat.Stat(image).stddev[0] > 10
    return image


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_reports_browser_satisfaction_page_and_exports(report_centre, new_page, tmp_path):
    page = admin_page(new_page, report_centre, f"/admin/reports/satisfaction?{PERIOD_QUERY}")
    expected = _expected_phu_luc_2(report_centre)
    expect(page.locator("h1")).to_contain_text("Phụ lục II")
    expect(page.locator("p.period")).to_contain_text("từ 16/10/2026 đến 15/11/2026")
    rows = _row_texts(page, "section.table-block tbody tr")
    assert rows[-2] == expected[-2]            # Tổng cộng
    assert rows[-1] == expected[-1]            # Tỷ lệ (%)
    assert rows[0] == expected[1] and len(rows) == len(expected) - 1
    assert page.locator("thead th[colspan]").inner_text() == "Số lượt đánh giá"
    assert page.locator("section.charts svg").count() == 2

    header = _check_xlsx(_download(page, "xlsx"), "PHỤ LỤC II", "Hài lòng với dịch vụ")
    ws = load_workbook(io.BytesIO(_download(page, "xlsx"))).active
    total = next(r for r in ws.iter_rows(values_only=True) if r[1] == "Tổng cộng")
    assert list(total[2:8]) == [int(c.replace(".", "")) for c in expected[-2][2:8]]   # numbers, not text
    assert any(str(r).startswith(f"C{header}:") for r in ws.merged_cells.ranges)     # the group header
    csv_rows = _check_csv(_download(page, "csv"), "PHỤ LỤC II")
    assert expected[-2] in csv_rows
    _check_pdf(_download(page, "pdf"), tmp_path, "phu-luc-2")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_reports_browser_rating_lists_and_exports(report_centre, new_page, tmp_path):
    _, ratings = _in_period(report_centre)
    bad = [r for r in ratings if ratings_lists.is_dissatisfied(RatingStyle.CATEGORY, r["value"])]
    page = admin_page(new_page, report_centre, f"/admin/reports/dissatisfied?{PERIOD_QUERY}")
    rows = _row_texts(page, "section.table-block tbody tr")
    assert len(rows) == len(bad) > 0
    first = min(bad, key=lambda r: (r["at"], r["id"]))
    assert rows[0][1] == f"{first['at'][8:10]}/{first['at'][5:7]}/{first['at'][:4]} {first['at'][11:16]}"

    page.goto(f"{report_centre.url}/admin/reports/tallies?{PERIOD_QUERY}")
    counters = _row_texts(page, "section.table-block:first-of-type tbody tr")
    assert sum(int(r[-2].replace(".", "")) for r in counters) == len(ratings)
    page.goto(f"{report_centre.url}/admin/reports/comments?{PERIOD_QUERY}")
    assert len(_row_texts(page, "section.table-block tbody tr")) == sum(bool(r["comment"]) for r in ratings)

    page.goto(f"{report_centre.url}/admin/reports/dissatisfied?{PERIOD_QUERY}")
    _check_xlsx(_download(page, "xlsx"), "DANH SÁCH ĐÁNH GIÁ", "Cán bộ")
    csv_rows = _check_csv(_download(page, "csv"), "DANH SÁCH ĐÁNH GIÁ")
    assert ["Danh sách đánh giá không hài lòng"] in csv_rows
    _check_pdf(_download(page, "pdf"), tmp_path, "danh-sach")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_reports_browser_queue_page_and_exports(report_centre, new_page, tmp_path):
    tickets, _ = _in_period(report_centre)
    page = admin_page(new_page, report_centre, f"/admin/reports/queue?{PERIOD_QUERY}")
    total = _row_texts(page, "section.table-block:first-of-type tbody tr.total")[0]
    served = sum(t["status"] == "done" for t in tickets)
    stats = queue_stats.compute(queue_stats.cells_of(tickets), queue_stats.buckets_of(tickets), PERIOD,
                                report_centre.centre.config.departments)
    assert total == ["Tổng cộng", *queue_stats.figure_cells(stats.total)]
    assert total[1] == f"{len(tickets):,}".replace(",", ".") and total[2] == f"{served:,}".replace(",", ".")
    assert page.locator("section.charts svg").count() == 3

    _check_xlsx(_download(page, "xlsx"), "THỐNG KÊ XẾP HÀNG", "Chờ P90 (phút)")
    csv_rows = _check_csv(_download(page, "csv"), "THỐNG KÊ XẾP HÀNG")
    assert total in csv_rows
    _check_pdf(_download(page, "pdf"), tmp_path, "thong-ke")
