"""`motcua report satisfaction|ratings|queue`: each format writes a readable file with the
figures of the pure path; table and csv can go to stdout; xlsx and pdf need --output."""
from __future__ import annotations

import csv
import io
import json
import random
import shutil
import subprocess
from datetime import date

import pytest
from openpyxl import load_workbook

from queue_server.cli import main
from queue_server.config import DEMO_CONFIG, RatingStyle
from queue_server.reporting import periods, phu_luc_2
from queue_server.storage import Store

from .helpers import rating_rows, ticket_rows, write

PERIOD = periods.custom(date(2026, 10, 16), date(2026, 11, 15))
TITLES = {"satisfaction": "PHỤ LỤC II", "ratings": "DANH SÁCH ĐÁNH GIÁ", "queue": "THỐNG KÊ XẾP HÀNG"}


@pytest.fixture
def month_db(tmp_path, demo_config):
    """A database with 500 tickets and 300 ratings around the period; returns (path, tickets, ratings)."""
    path = tmp_path / "centre.db"
    store = Store(path)
    rng = random.Random(21)
    tickets = ticket_rows(rng, 500, date(2026, 10, 12), 38, demo_config.departments)
    ratings = rating_rows(rng, 300, date(2026, 10, 12), 38, [d.id for d in demo_config.departments],
                          RatingStyle.CATEGORY)
    write(store, "tickets", tickets)
    write(store, "ratings", ratings)
    store.close()
    return path, tickets, ratings


def _run(db, report: str, fmt: str, output=None) -> int:
    argv = ["report", report, "--config", str(DEMO_CONFIG), "--db", str(db), "--from", "2026-10-16",
            "--to", "2026-11-15", "--format", fmt]
    return main(argv + (["--output", str(output)] if output else []))


@pytest.mark.parametrize("report", ["satisfaction", "ratings", "queue"])
def test_cli_report_writes_every_format(month_db, tmp_path, report, capsys):
    db, _, _ = month_db
    for fmt in ("table", "csv", "xlsx", "pdf", "json"):
        out = tmp_path / f"{report}.{fmt}"
        assert _run(db, report, fmt, out) == 0
        assert out.stat().st_size > 0
        assert f"→ {out}" in capsys.readouterr().out
    period_line = f"Kỳ báo cáo: {PERIOD.label}"
    sheet = load_workbook(tmp_path / f"{report}.xlsx").active
    title = next(r for r in range(1, 12) if sheet.cell(r, 1).value == TITLES[report])   # below an appendix's letterhead
    assert sheet.cell(title + 2, 1).value == period_line
    rows = list(csv.reader(io.StringIO((tmp_path / f"{report}.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0] == [TITLES[report]] and rows[2] == [period_line]
    assert (tmp_path / f"{report}.table").read_text(encoding="utf-8").startswith(TITLES[report])
    assert json.loads((tmp_path / f"{report}.json").read_text(encoding="utf-8"))["title"] == TITLES[report]
    pdf = (tmp_path / f"{report}.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"%%EOF" in pdf[-64:]
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-l", "1", str(tmp_path / f"{report}.pdf"), "-"], check=True,
                              capture_output=True, text=True, timeout=60).stdout
        assert TITLES[report] in text and "16/10/2026" in text   # Vietnamese text, not boxes


def test_cli_report_satisfaction_json_has_the_pure_totals(month_db, tmp_path, demo_config):
    db, _, ratings = month_db
    assert _run(db, "satisfaction", "json", tmp_path / "p2.json") == 0
    data = json.loads((tmp_path / "p2.json").read_text(encoding="utf-8"))
    inside = [r for r in ratings if PERIOD.start_at.isoformat() <= r["at"] < PERIOD.end_before.isoformat()]
    expected = phu_luc_2.compute(phu_luc_2.count_ratings(inside), PERIOD, demo_config.departments,
                                 RatingStyle.CATEGORY)
    assert data["total"]["total"] == expected.total.total == len(inside)
    assert data["tables"][0]["rows"] == phu_luc_2.format_rows(expected)


def test_cli_report_table_and_csv_go_to_stdout(month_db, capsys):
    db, _, _ = month_db
    assert _run(db, "queue", "table") == 0
    assert "Tổng cộng" in capsys.readouterr().out
    assert _run(db, "ratings", "csv") == 0
    assert capsys.readouterr().out.startswith("\ufeffDANH SÁCH ĐÁNH GIÁ")


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_cli_report_binary_format_needs_output(month_db, fmt, capsys):
    db, _, _ = month_db
    assert _run(db, "satisfaction", fmt) == 2
    assert "--output" in capsys.readouterr().err


def test_cli_report_refuses_reversed_period(month_db, capsys):
    db, _, _ = month_db
    argv = ["report", "queue", "--config", str(DEMO_CONFIG), "--db", str(db), "--from", "2026-11-15",
            "--to", "2026-10-16"]
    assert main(argv) == 1
    assert "Ngày kết thúc trước ngày bắt đầu" in capsys.readouterr().err


@pytest.mark.parametrize("report", ["satisfaction", "ratings", "queue"])
def test_cli_report_month_is_the_reporting_month(month_db, tmp_path, report):
    """--month 2026-11 is 16/10–15/11 (the demo centre cuts on the 15th), as for `report dossiers`."""
    db, _, _ = month_db
    assert _run(db, report, "json", tmp_path / "range.json") == 0
    argv = ["report", report, "--config", str(DEMO_CONFIG), "--db", str(db), "--month", "2026-11",
            "--format", "json", "--output", str(tmp_path / "month.json")]
    assert main(argv) == 0
    month, days = (json.loads((tmp_path / f"{n}.json").read_text(encoding="utf-8")) for n in ("month", "range"))
    assert month["period"]["label"].startswith("tháng 11 năm 2026")
    assert month["period"]["first_day"] == days["period"]["first_day"] == "2026-10-16"
    assert month["tables"] == days["tables"]
