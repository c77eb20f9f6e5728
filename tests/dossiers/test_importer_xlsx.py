"""Importing an XLSX export generated here with openpyxl: typed cells, row numbers as lines."""

import io
from datetime import date, datetime

from openpyxl import Workbook

from queue_server.dossiers.importer import Rejection, import_file
from queue_server.dossiers.model import Department, DossierStatus

from .helpers import at

DEPARTMENTS = [Department("stp", "Sở Tư pháp"), Department("ca", "Công an tỉnh")]
HEADER = ["STT", "Mã hồ sơ", "Tên thủ tục", "Đơn vị", "Người nộp", "Số điện thoại", "Ngày tiếp nhận",
          "Ngày hẹn trả", "Mức độ", "Hình thức nộp", "Trạng thái", "Ngày có kết quả"]


def _xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["BÁO CÁO HỒ SƠ"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


ROWS = [
    [1, "H56-250303-0001", "Đăng ký khai sinh", "Sở Tư pháp", "Nguyễn Văn An", "0912345678",
     datetime(2025, 3, 3, 8, 15), datetime(2025, 3, 10), 3, "Trực tuyến", "Đã trả kết quả", datetime(2025, 3, 7, 15)],
    [2, "H56-250303-0002", "Cấp lại thẻ căn cước", "Công an tỉnh", "Trần Bình", 912000111,
     date(2025, 3, 3), "12/03/2025", 2.0, "Trực tiếp", "Đang giải quyết", None],
    [3, "H56-250303-0003", "Đăng ký kết hôn", "Sở Nội vụ", "Lê Cường", None,
     datetime(2025, 3, 3), datetime(2025, 3, 5), 2, "Trực tiếp", "Đang giải quyết", None],
    [None] * 12,
    [5, "H56-250303-0004", "Đăng ký kết hôn", "Sở Tư pháp", "Lê Cường", None,
     "ngày 3 tháng 3", datetime(2025, 3, 5), 2, "Trực tiếp", "Đang giải quyết", None],
]


def test_importer_xlsx_typed_cells_and_sheet_row_lines():
    result = import_file(_xlsx(ROWS), "export.xlsx", DEPARTMENTS)
    assert [d.code for d in result.accepted] == ["H56-250303-0001", "H56-250303-0002"]
    first, second = result.accepted
    assert first.received_at == at("2025-03-03 08:15") and first.resolved_at == at("2025-03-07 15:00")
    assert first.status is DossierStatus.RESULT_RETURNED
    assert second.received_at == at("2025-03-03 00:00") and second.due_at == at("2025-03-12 00:00")
    assert second.level == 2 and second.applicant_phone == "912000111"
    assert result.rejected == [
        Rejection(5, "H56-250303-0003", "Không tìm thấy đơn vị: 'Sở Nội vụ'", "unknown department: 'Sở Nội vụ'"),
        Rejection(7, "H56-250303-0004", "Ngày tiếp nhận không hợp lệ: 'ngày 3 tháng 3'",
                  "invalid received date: 'ngày 3 tháng 3'"),
    ]


def test_importer_xlsx_same_as_csv_for_same_content():
    csv_text = ";".join(HEADER) + "\n" + "1;H56-250303-0001;Đăng ký khai sinh;Sở Tư pháp;Nguyễn Văn An;0912345678;" \
        "03/03/2025 08:15;10/03/2025;3;Trực tuyến;Đã trả kết quả;07/03/2025 15:00\n"
    from_csv = import_file(csv_text.encode(), "csv", DEPARTMENTS).accepted
    from_xlsx = import_file(_xlsx(ROWS[:1]), "xlsx", DEPARTMENTS).accepted
    assert from_csv == from_xlsx
