"""`motcua dossiers import` and `motcua report dossiers`: thin shells, files read back."""
import io
import json
from pathlib import Path

import openpyxl

from queue_server.cli import main

MESSY = Path(__file__).parents[2] / "dossiers" / "data" / "messy_export.csv"


def test_cli_import_prints_counts_and_every_rejection(tmp_path, capsys):
    db = str(tmp_path / "m.db")
    assert main(["dossiers", "import", str(MESSY), "--db", db]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("accepted 3 (new 3, changed 0, unchanged 0), rejected 11, identical repeats 1")
    assert out[1] == ("  line 6: 000.17.22.H56-250303-0003: Không tìm thấy đơn vị: 'Sở GTVT'; Ngày tiếp nhận "
                      "không hợp lệ: '31/02/2025' / unknown department: 'Sở GTVT'; invalid received date: '31/02/2025'")
    assert len(out) == 13
    assert out[-1].startswith("Tên đơn vị chưa nhận ra: 'Sở GTVT', 'Sở Du lịch', 'Sở Giao thông vận tải'. ")
    assert "[dossiers] department_aliases" in out[-1]
    assert main(["dossiers", "import", str(MESSY), "--db", db]) == 0
    assert "(new 0, changed 0, unchanged 3)" in capsys.readouterr().out


def test_cli_import_bad_file(tmp_path, capsys):
    bad = tmp_path / "x.csv"
    bad.write_text("a;b\n1;2\n")
    assert main(["dossiers", "import", str(bad), "--db", str(tmp_path / "m.db")]) == 1
    assert "nothing imported" in capsys.readouterr().err


def _imported(tmp_path):
    db = str(tmp_path / "m.db")
    main(["dossiers", "import", str(MESSY), "--db", db])
    return db


def test_cli_report_json_and_csv(tmp_path, capsys):
    db = _imported(tmp_path)
    capsys.readouterr()
    assert main(["report", "dossiers", "--month", "2025-03", "--db", db, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["period"]["label"] == "tháng 3 năm 2025 (từ 16/02/2025 đến 15/03/2025)"
    assert data["total"]["received"] == 3 and data["table"][-1][2] == "100,00"
    out = tmp_path / "p.csv"
    assert main(["report", "dossiers", "--from", "2025-02-16", "--to", "2025-03-15", "--db", db,
                 "--format", "csv", "--output", str(out)]) == 0
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("STT,Đơn vị,Số hồ sơ tiếp nhận")
    assert lines[-2].startswith(',Tỷ lệ (%),"100,00"')


def test_cli_report_xlsx_reads_back(tmp_path, capsys):
    db = _imported(tmp_path)
    out = tmp_path / "p.xlsx"
    assert main(["report", "dossiers", "--month", "2025-03", "--db", db, "--format", "xlsx", "--output", str(out)]) == 0
    ws = openpyxl.load_workbook(io.BytesIO(out.read_bytes())).active
    assert ws["D1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"          # the appendix's letterhead
    top = next(r for r in range(1, 12) if ws.cell(r, 1).value == "PHỤ LỤC I")
    assert ws.cell(top + 2, 1).value == "Kỳ báo cáo: tháng 3 năm 2025 (từ 16/02/2025 đến 15/03/2025)"
    head = top + 5                                  # a blank row, the table's caption, then its header
    assert ws.cell(head, 1).value == "STT" and ws.cell(head, 3).value == "Số hồ sơ tiếp nhận"
    assert ws.cell(head + 1, 4).value == "Kỳ trước chuyển qua"
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {f"C{head}:E{head}", f"F{head}:I{head}", f"J{head}:L{head}", f"A{head}:A{head + 1}",
            f"O{head}:O{head + 1}"} <= merged
    assert ws.cell(head + 2, 2).value == "Sở Tư pháp" and ws.cell(head + 2, 3).value == 3  # counts are numbers
    assert ws.cell(head + 2, 1).value == 1                                                 # STT too
    total = next(r for r in range(head, head + 40) if ws.cell(r, 2).value == "Tổng cộng")
    assert ws.cell(total, 3).value == 3 and ws.cell(total + 1, 3).value == 100.0          # a percentage, a number
    assert ws.cell(total + 1, 3).number_format == "#,##0.00"
    assert ws.cell(total, 3).border.left.style == "thin"
    assert ws.page_setup.orientation == "landscape"


def test_cli_report_pdf(tmp_path, capsys):
    db = _imported(tmp_path)
    out = tmp_path / "p.pdf"
    assert main(["report", "dossiers", "--month", "2025-03", "--db", db, "--format", "pdf", "--output", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert main(["report", "dossiers", "--month", "2025-03", "--db", db, "--format", "pdf"]) == 2


def test_cli_report_xlsx_needs_output(tmp_path, capsys):
    assert main(["report", "dossiers", "--month", "2025-03", "--db", str(tmp_path / "m.db"), "--format", "xlsx"]) == 2
