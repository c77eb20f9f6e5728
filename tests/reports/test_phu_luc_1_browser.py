"""The Phụ lục I page in Debian Chromium, as an administrator: the generated month's dossiers shown
with the figures the pure computation gives, the merged two-row header, the (**) note, the period
picker, and the three downloads (XLSX with letterhead and numbers, CSV, PDF with page numbers)."""
from __future__ import annotations

import io
import random
import shutil
from dataclasses import replace

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from queue_server.dossier_service import DossierService
from queue_server.reporting.phu_luc_1 import NOTE_STAR_STAR, compute, format_rows
from queue_server.storage.dossiers import HistoryEntry, row_of
from tests.reporting.helpers import random_dossier

from .conftest import ADMIN, PERIOD, PERIOD_QUERY, admin_page
from .test_reports_browser import _check_csv, _check_pdf, _check_xlsx, _download, _row_texts

pytestmark = pytest.mark.browser


@pytest.fixture
def dossier_centre(live_centre):
    """The live centre with its admin and 1,200 dossiers around period 11/2026, every department."""
    live_centre.officer(*ADMIN[:2], ADMIN[2], role="admin")
    config, store = live_centre.config, live_centre.service.store
    rng = random.Random(1)
    ids = [d.id for d in config.departments]
    items = [replace(d, department_id=rng.choice(ids))
             for d in (random_dossier(rng, n, PERIOD.first_day, PERIOD.last_day) for n in range(1200))]
    registry = DossierService(config, store)
    with store.transaction() as conn:
        registry.dossiers.upsert(conn, [row_of(config.centre.id, d, "import", registry.clock()) for d in items])
        registry.dossiers.add_history(conn, config.centre.id, [HistoryEntry(d.code, c.status, c.at, "import")
                                                               for d in items for c in d.history])
    return live_centre, format_rows(compute(items, PERIOD, registry.departments))


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_phu_luc_1_page_and_exports(dossier_centre, new_page, tmp_path):
    centre, expected = dossier_centre
    page = admin_page(new_page, centre, f"/admin/reports/dossiers?{PERIOD_QUERY}")
    expect(page.locator("h1")).to_contain_text("Phụ lục I")
    expect(page.locator("p.period")).to_contain_text("từ 16/10/2026 đến 15/11/2026")
    assert _row_texts(page, "section.table-block tbody tr") == expected[2:]       # rows, total, percentages
    groups = page.locator("thead th[colspan]").all_inner_texts()
    assert groups == ["Số hồ sơ tiếp nhận", "Số hồ sơ đã giải quyết", "Số hồ sơ đang giải quyết"]
    assert page.locator("thead tr").nth(1).locator("th").all_inner_texts()[:2] == ["Tổng số", "Kỳ trước chuyển qua"]
    expect(page.locator("ul.notes")).to_contain_text(NOTE_STAR_STAR)
    expect(page.locator("nav a[aria-current=page]")).to_have_text("Phụ lục I")

    header = _check_xlsx(_download(page, "xlsx"), "PHỤ LỤC I", "Kỳ trước chuyển qua")
    ws = load_workbook(io.BytesIO(_download(page, "xlsx"))).active
    assert ws.cell(header, 1).value == "STT" and ws.print_title_rows in (f"${header}:${header + 1}",
                                                                         f"{header}:{header + 1}")
    total = next(r for r in ws.iter_rows(min_row=header, values_only=True) if r[1] == "Tổng cộng")
    assert list(total[2:]) == [int(c.replace(".", "")) for c in expected[-2][2:]]
    csv_rows = _check_csv(_download(page, "csv"), "PHỤ LỤC I")
    assert expected[-2] in csv_rows and expected[-1] in csv_rows
    _check_pdf(_download(page, "pdf"), tmp_path, "phu-luc-1")

    page.select_option("#kind", "quarter")          # the same picker as the other reports
    page.fill("input[name=number]", "4")
    page.fill("input[name=year]", "2026")
    page.click("form.picker button[type=submit]")
    expect(page.locator("p.period")).to_contain_text("quý IV năm 2026")
