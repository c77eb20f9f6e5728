"""The appendix letterhead: texts derived from the centre's name, or taken from [report_header]."""
from datetime import date

import pytest

from queue_server.config import ReportHeader
from queue_server.reporting.letterhead import BLANK_PLACE, MOTTO, Letterhead, date_line, letterhead

DAY = date(2026, 11, 28)


@pytest.mark.parametrize("name, left, place", [
    ("Trung tâm Phục vụ hành chính công tỉnh Hòa Bình",
     ("UBND TỈNH HÒA BÌNH", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"), "Hòa Bình"),
    ("Trung tâm Phục vụ hành chính công thành phố Hải Phòng",
     ("UBND THÀNH PHỐ HẢI PHÒNG", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"), "Hải Phòng"),
    ("Bộ phận Một cửa", ("BỘ PHẬN MỘT CỬA",), ""),
])
def test_letterhead_derived_from_centre_name(name, left, place):
    head = letterhead(ReportHeader(), name, DAY)
    assert head.left == left
    assert head.motto == MOTTO == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert head.place_date == f"{place or BLANK_PLACE}, ngày 28 tháng 11 năm 2026"
    assert [s.title for s in head.signers] == ["NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ"]
    assert [s.name for s in head.signers] == ["", ""]


def test_letterhead_configured_texts_win():
    settings = ReportHeader(issuing_body=["UBND TỈNH HÒA BÌNH", "VĂN PHÒNG UBND TỈNH"],
                            unit_name="TRUNG TÂM PHỤC VỤ HCC", place="TP. Hòa Bình", preparer_name="Lê Thị Hoa",
                            head_title="GIÁM ĐỐC", head_name="Nguyễn Văn Quản")
    head = letterhead(settings, "Bất kỳ", date(2027, 3, 5))
    assert head.left == ("UBND TỈNH HÒA BÌNH", "VĂN PHÒNG UBND TỈNH", "TRUNG TÂM PHỤC VỤ HCC")
    assert head.place_date == "TP. Hòa Bình, ngày 05 tháng 03 năm 2027"
    assert [(s.title, s.name) for s in head.signers] == [("NGƯỜI LẬP BIỂU", "Lê Thị Hoa"),
                                                         ("GIÁM ĐỐC", "Nguyễn Văn Quản")]
    assert "(Ký, ghi rõ họ tên" in head.signers[0].note


def test_letterhead_page_label_and_date_line():
    assert Letterhead.page_label(1, 3) == "Trang 1/3"
    assert date_line("Hòa Bình", date(2026, 1, 9)) == "Hòa Bình, ngày 09 tháng 01 năm 2026"
