"""Real exports put a title (and the exporting office) above the header row, in a CSV whose
separator is ';' (Excel in vi-VN): the separator is sniffed from the header row, not the first line,
and departments are named by the abbreviations the exports really use (issue #16)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from queue_server.dossiers.import_sources import _delimiter  # noqa
from queue_server.dossiers.importer import import_file
from queue_server.dossiers.model import Department

DEPARTMENTS = [Department("stp", "Sở Tư pháp"),
               Department("bhxh", "Bảo hiểm xã hội tỉnh", ("BHXH tỉnh",)),
               Department("snnmt", "Sở Nông nghiệp và Môi trường", ("Sở TN&MT", "Sở NN&MT"))]
HEADER = ["Mã hồ sơ", "Tên thủ tục", "Đơn vị", "Người nộp", "Ngày tiếp nhận", "Ngày hẹn trả", "Trạng thái"]
ROWS = [["000.17.22.H56-250303-0001", "Cấp phiếu lý lịch tư pháp", "Sở Tư pháp", "Nguyễn Văn An, Hà Nội",
         "03/03/2025 08:15", "10/03/2025", "Đang giải quyết"],
        ["000.17.22.H56-250303-0002", "Cấp sổ BHXH", "BHXH tỉnh", "Trần Thị Bình", "03/03/2025 09:00",
         "10/03/2025", "Đã tiếp nhận"],
        ["000.17.22.H56-250303-0003", "Cấp giấy chứng nhận QSDĐ", "Sở TN&MT", "Lê Văn Cường",
         "03/03/2025 10:00", "30/03/2025", "Đang giải quyết"]]
TITLES = ["DANH SÁCH HỒ SƠ TIẾP NHẬN THÁNG 3, NĂM 2025",
          "Đơn vị xuất: Trung tâm Phục vụ hành chính công tỉnh, Hà Nội",
          "Từ ngày 01/03/2025, đến ngày 31/03/2025, (xuất lúc 17:05)"]


def _csv(titles: list[str], sep: str, blank_lines: int = 0) -> str:
    lines = [*titles, *[""] * blank_lines, sep.join(HEADER), *(sep.join(r) for r in ROWS)]
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize("titles", [TITLES[:1], TITLES, TITLES[1:]])
def test_semicolon_export_with_title_lines_is_imported_whole(titles):
    result = import_file(_csv(titles, ";", blank_lines=1).encode("utf-8-sig"), "export.csv", DEPARTMENTS)
    assert result.rejected == []
    assert [(d.code, d.department_id) for d in result.accepted] == [
        ("000.17.22.H56-250303-0001", "stp"), ("000.17.22.H56-250303-0002", "bhxh"),
        ("000.17.22.H56-250303-0003", "snnmt")]
    assert result.accepted[0].applicant_name == "Nguyễn Văn An, Hà Nội"     # a comma inside a ';' field


@settings(max_examples=60, deadline=None)
@given(titles=st.lists(st.text(alphabet="ABC ĐƯƠ,.:;/0123456789", max_size=40), max_size=3),
       sep=st.sampled_from([",", ";"]))
def test_the_separator_is_the_header_rows_whatever_the_title_lines(titles, sep):
    """Title lines with fewer separators than the header never decide the separator."""
    titles = [t for t in titles if t.strip() and max(t.count(","), t.count(";")) < len(HEADER) - 2]
    quoted = [f'"{t}"' if sep in t or '"' in t else t for t in titles]
    rows = [[f'"{c}"' if sep in c else c for c in r] for r in ROWS]
    text = "\n".join([*quoted, sep.join(HEADER), *(sep.join(r) for r in rows)])
    assert _delimiter(text) == sep
