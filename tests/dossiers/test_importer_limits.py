"""Import files past the limits or damaged are refused with a clear reason, fast, before the work:
a decompression bomb (a 200 KB XLSX of 1.5 million rows) by its zip directory's declared sizes,
an XLSX cut in half or damaged inside, JSON nested 100,000 deep, a CSV field past csv's limit,
more rows than MAX_IMPORT_ROWS. Nothing from such a file is applied."""
from __future__ import annotations

import json
import time

import pytest

from queue_server.dossiers import import_sources
from queue_server.dossiers.importer import ImportFileError, import_file
from queue_server.dossiers.model import Department

from .xlsx_files import HEADER, ROW, bomb, damaged_sheet, workbook

DEPARTMENTS = [Department("sxd", "Sở Xây dựng")]


def _refused(data, fmt) -> ImportFileError:
    with pytest.raises(ImportFileError) as refusal:
        import_file(data, fmt, DEPARTMENTS)
    assert refusal.value.reason_vi and refusal.value.reason_en
    return refusal.value


def test_importer_refuses_an_xlsx_decompression_bomb_before_opening_it():
    data = bomb(1_500_000)
    assert len(data) < 400_000
    started = time.monotonic()
    refusal = _refused(data, "xlsx")
    assert time.monotonic() - started < 2
    assert refusal.status == 413 and "MB" in refusal.reason_vi


def test_importer_reads_a_genuine_xlsx():
    assert len(import_file(workbook(3), "xlsx", DEPARTMENTS).accepted) == 3


@pytest.mark.parametrize("cut", ["half", "damaged_sheet", "empty"])
def test_importer_refuses_a_damaged_xlsx_with_400(cut):
    data = workbook(200)
    broken = {"half": data[:len(data) // 2], "damaged_sheet": damaged_sheet(data), "empty": b""}[cut]
    assert _refused(broken, "xlsx").status == 400


def test_importer_refuses_deeply_nested_json():
    refusal = _refused("[" * 100_000 + "]" * 100_000, "json")
    assert refusal.status == 400 and "lồng nhau" in refusal.reason_vi


def test_importer_refuses_a_csv_field_past_the_csv_limit():
    line = ",".join(ROW[:5]) + ',"' + "x" * 200_000 + '"'
    refusal = _refused(("\n".join([",".join(HEADER), line])).encode(), "csv")
    assert refusal.status == 400 and "dòng" in refusal.reason_vi


def test_importer_stops_reading_past_the_row_limit(monkeypatch):
    """The row cap (lowered here to keep the test short) stops reading: the rows past it are not parsed."""
    monkeypatch.setattr(import_sources, "MAX_IMPORT_ROWS", 50)
    rows = [dict(zip(HEADER, [ROW[0][:-4] + f"{n:04}", *ROW[1:]])) for n in range(51)]
    assert _refused(json.dumps(rows), "json").status == 413
    assert len(import_file(json.dumps(rows[:50]), "json", DEPARTMENTS).accepted) == 50
