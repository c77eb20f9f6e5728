"""Phụ lục I and II as a director signs them: XLSX and PDF carry the issuing body, the national
motto, the place-and-date line, the two signatures and page numbers; the XLSX prints on A4
landscape one page wide with the header repeated, and stores every count and percentage as a
number. Both files are turned into PNGs (pdftoppm; the XLSX through LibreOffice when installed)
saved beside the other screenshots (tests/conftest.py screenshots_dir) to be looked at."""
from __future__ import annotations

import io
import random
import shutil
import subprocess
from dataclasses import replace
from datetime import date

import pytest
from openpyxl import load_workbook
from PIL import Image

from queue_server.config import RatingStyle
from queue_server.dossier_service import DossierService
from queue_server.reporting import periods
from queue_server.reporting.export import cell_number, document_xlsx, render_document
from queue_server.reports_web import library
from queue_server.storage.dossiers import HistoryEntry, row_of
from tests.conftest import screenshots_dir
from tests.reporting.helpers import random_dossier

from .helpers import rating_rows, ticket_rows, write

PERIOD = periods.month(2026, 11, 15)
SIGNED = date(2026, 11, 28)
SHOTS = screenshots_dir()
DOCUMENTS = ("dossiers", "satisfaction")
HEAD_TEXTS = ("UBND TỈNH HÒA BÌNH XANH", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "Độc lập - Tự do - Hạnh phúc", "Hòa Bình Xanh, ngày 28 tháng 11 năm 2026", "NGƯỜI LẬP BIỂU",
              "THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên)")


@pytest.fixture
def month(centre):
    """A month of dossiers (every department, some unknown), tickets and category ratings."""
    config, store = centre.config, centre.service.store
    ids = [d.id for d in config.departments]
    rng = random.Random(16)
    items = [random_dossier(rng, n, PERIOD.first_day, PERIOD.last_day) for n in range(900)]
    items = [replace(d, department_id=rng.choice(ids)) for d in items]
    with store.transaction() as conn:
        registry = DossierService(config, store)
        registry.dossiers.upsert(conn, [row_of(config.centre.id, d, "import", centre.clock()) for d in items])
        registry.dossiers.add_history(conn, config.centre.id, [HistoryEntry(d.code, c.status, c.at, "import")
                                                               for d in items for c in d.history])
    write(store, "tickets", ticket_rows(rng, 600, date(2026, 10, 16), 31, config.departments))
    write(store, "ratings", rating_rows(rng, 250, date(2026, 10, 16), 31, ids, RatingStyle.CATEGORY))
    return {name: library.DOCUMENTS[name](config, store, PERIOD, signed_on=SIGNED) for name in DOCUMENTS}


def _sheet(doc):
    return load_workbook(io.BytesIO(document_xlsx(doc))).active


def _texts(ws) -> set[str]:
    return {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}


def _find(ws, text: str):
    return next(c for row in ws.iter_rows() for c in row if c.value == text)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_appendix_xlsx_print_setup(month, name):
    ws = _sheet(month[name])
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9   # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    header = _find(ws, "STT").row
    assert ws.print_title_rows == f"${header}:${header + 1}"       # both header rows (groups above columns)
    assert ws.oddFooter.center.text == "Trang &P/&N"
    assert ws.page_margins.left > 0 and ws.page_margins.bottom > 0


@pytest.mark.parametrize("name", DOCUMENTS)
def test_appendix_xlsx_letterhead_and_signatures(month, name):
    ws = _sheet(month[name])
    assert set(HEAD_TEXTS) <= _texts(ws)
    assert _find(ws, "Độc lập - Tự do - Hạnh phúc").font.underline == "single"
    unit = _find(ws, "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG")
    assert unit.font.b and unit.font.underline == "single" and unit.row == 2 and unit.column == 1
    motto = _find(ws, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert motto.row == 1 and motto.column > 1 and motto.font.b
    table_top, signature = _find(ws, "STT").row, _find(ws, "NGƯỜI LẬP BIỂU").row
    assert _find(ws, "THỦ TRƯỞNG ĐƠN VỊ").row == signature > table_top      # side by side, below the table


@pytest.mark.parametrize("name", DOCUMENTS)
def test_appendix_xlsx_every_count_is_a_number(month, name):
    doc = month[name]
    ws = _sheet(doc)
    rows = doc.tables[0].rows[1:]                 # the body, total and percentage rows as the page shows them
    first = _find(ws, "STT").row + 2
    numeric_from = doc.tables[0].numeric_from
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts, 1):
            cell = ws.cell(first + r, c)
            if c >= numeric_from or (c == 1 and text):
                expected = cell_number(text)
                if expected is None:              # an undefined share: '-' stays text
                    assert text == "-" and cell.value == "-", (cell.coordinate, text)
                    continue
                assert cell.data_type == "n" and cell.value == pytest.approx(expected[0]), (cell.coordinate, text)
                assert cell.number_format == expected[1]
            else:
                assert cell.value == (text or None)
    total, share = rows[-2], rows[-1]
    assert total[1] == "Tổng cộng" and share[1] == "Tỷ lệ (%)"
    assert isinstance(ws.cell(first, 1).value, int) and ws.cell(first, 1).value == 1      # STT


def test_cell_number_reads_vietnamese_figures():
    assert cell_number("12.346") == (12346, "#,##0")
    assert cell_number("23,04") == (23.04, "#,##0.00")
    assert cell_number("1.234,50 (**)") == (1234.5, '#,##0.00" (**)"')
    assert cell_number("-") is None and cell_number("Sở Tư pháp") is None and cell_number("1.2.3,") is None


def _pdf_pages(pdf: bytes, name: str, tmp_path) -> tuple[str, list[Image.Image]]:
    """The PDF's text (pdftotext) and its pages as PNGs saved to SHOTS."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True, timeout=60).stdout
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(path), str(SHOTS / name)], check=True, timeout=120)
    pages = sorted(SHOTS.glob(f"{name}-*.png"))
    return text, [Image.open(p) for p in pages]


needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
                                   reason="poppler-utils is not installed")


@needs_poppler
@pytest.mark.parametrize("name", DOCUMENTS)
def test_appendix_pdf_as_signed(month, name, tmp_path):
    for old in SHOTS.glob(f"appendix-{name}-pdf-*.png"):
        old.unlink()
    text, pages = _pdf_pages(render_document(month[name], "pdf"), f"appendix-{name}-pdf", tmp_path)
    flat = " ".join(text.split())
    for expected in HEAD_TEXTS:
        assert expected in flat, expected
    assert all(f"Trang {n}/{len(pages)}" in flat for n in range(1, len(pages) + 1))
    assert flat.index("CỘNG HÒA") < flat.index("Tổng cộng") < flat.index("NGƯỜI LẬP BIỂU")
    assert all(p.width > p.height for p in pages)                       # A4 landscape


@needs_poppler
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("name", DOCUMENTS)
def test_appendix_xlsx_printed_by_libreoffice(month, name, tmp_path):
    """The XLSX printed as a spreadsheet program prints it: one page wide, landscape, numbered."""
    for old in SHOTS.glob(f"appendix-{name}-xlsx-*.png"):
        old.unlink()
    xlsx = tmp_path / f"{name}.xlsx"
    xlsx.write_bytes(render_document(month[name], "xlsx"))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(xlsx)], check=True, capture_output=True, timeout=180)
    text, pages = _pdf_pages((tmp_path / f"{name}.pdf").read_bytes(), f"appendix-{name}-xlsx", tmp_path)
    flat = " ".join(text.split())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in flat and "THỦ TRƯỞNG ĐƠN VỊ" in flat
    assert f"Trang 1/{len(pages)}" in flat
    assert all(p.width > p.height for p in pages)
    assert "Tổng cộng" in flat and "Tỷ lệ (%)" in flat


def test_appendix_configured_texts_are_inert(month, tmp_path):
    """A name typed on the settings page is data: never a formula in the XLSX nor markup in the PDF."""
    from queue_server.config import ReportHeader
    from queue_server.reporting.letterhead import letterhead
    hostile = ReportHeader(head_name='=HYPERLINK("http://x","y")', preparer_name="<b>Lê</b> & <font size=40>")
    doc = replace(month["dossiers"], letterhead=letterhead(hostile, "Trung tâm tỉnh Hòa Bình", SIGNED))
    ws = _sheet(doc)
    assert "'=HYPERLINK(\"http://x\",\"y\")" in _texts(ws)
    pdf = tmp_path / "h.pdf"
    pdf.write_bytes(render_document(doc, "pdf"))
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        assert "<b>Lê</b> & <font size=40>" in text
