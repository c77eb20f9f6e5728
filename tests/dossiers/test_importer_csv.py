"""Importing the messy CSV export fixture: exact accepted rows and rejection reports."""

from pathlib import Path

import pytest

from queue_server.dossiers.importer import Rejection, import_file
from queue_server.dossiers.model import Channel, Department, DossierStatus

from .helpers import at

DATA = Path(__file__).parent / "data" / "messy_export.csv"
DEPARTMENTS = [
    Department("stp", "Sở Tư pháp"),
    Department("gtvt", "Sở Giao thông vận tải", ("Sở GTVT",)),
    Department("ca", "Công an tỉnh"),
    Department("bhxh", "Bảo hiểm xã hội tỉnh", ("BHXH tỉnh",)),
]


@pytest.fixture(scope="module")
def result():
    return import_file(DATA.read_bytes(), "messy_export.csv", DEPARTMENTS)


def test_importer_csv_rejections_exact(result):
    R = Rejection
    assert result.rejected == [
        R(6, "000.17.22.H56-250303-0003", "Ngày tiếp nhận không hợp lệ: '31/02/2025'",
          "invalid received date: '31/02/2025'"),
        R(8, "000.17.22.H56-250303-0002", "Trùng mã hồ sơ với dòng 5 nhưng khác dữ liệu",
          "duplicate code: line 5 has the same code with different data"),
        R(10, "000.17.22.H56-250304-0001", "Không tìm thấy đơn vị: 'Sở Du lịch'", "unknown department: 'Sở Du lịch'"),
        R(11, "", "Thiếu mã hồ sơ", "missing code"),
        R(14, "000.17.22.H56-250305-0001", "Ngày hẹn trả (01/03/2025) trước ngày tiếp nhận (05/03/2025)",
          "appointment date 2025-03-01 is before received date 2025-03-05"),
        R(15, "000.17.22.H56-250305-0002", "Trạng thái không xác định: 'Đang chờ ký'", "unknown status: 'Đang chờ ký'"),
        R(16, "000.17.22.H56-250305-0003", "Trạng thái 'Không giải quyết' cần ngày có kết quả",
          "status 'refused' needs a resolved date"),
        R(17, "000.17.22.H56-250306-0001", "Ngày hẹn trả không hợp lệ: 'hôm nay'",
          "invalid appointment date: 'hôm nay'"),
        R(18, "000.17.22.H56-250306-0002", "Thiếu tên thủ tục; Mức độ không hợp lệ: '5'",
          "missing procedure; invalid level: '5'"),
        R(20, "000.17.22.H56-250307-0001", "Ngày có kết quả (05/03/2025) trước ngày tiếp nhận (07/03/2025)",
          "resolved date 2025-03-05 is before received date 2025-03-07"),
    ]


def test_importer_csv_identical_repeat_is_accepted_once(result):
    assert result.repeated_lines == [7]
    codes = [d.code for d in result.accepted]
    assert codes.count("000.17.22.H56-250303-0001") == 1


def test_importer_csv_accepted_rows(result):
    assert [d.code for d in result.accepted] == [
        "000.17.22.H56-250303-0001",
        "000.17.22.H56-250303-0002",
        "000.17.22.H56-250304-0003",
        "000.17.22.H56-250306-0003",
    ]
    first, second, wrapped, iso = result.accepted
    assert first.department_id == "stp" and first.channel is Channel.ONLINE and first.level == 3
    assert first.status is DossierStatus.RESULT_RETURNED
    assert (first.received_at, first.due_at, first.resolved_at) == (
        at("2025-03-03 08:15"), at("2025-03-10 00:00"), at("2025-03-07 15:20"))
    assert first.applicant_name == "Nguyễn Văn An" and first.applicant_phone == "0912345678"
    assert second.department_id == "stp"  # 'sở tư pháp' in lower case
    assert wrapped.procedure == "Cấp giấy phép vận tải (xe ô tô kinh doanh)"
    assert wrapped.status is DossierStatus.SUPPLEMENT_REQUESTED and wrapped.department_id == "gtvt"
    assert iso.received_at == at("2025-03-06 10:00") and iso.level == 4 and iso.channel is Channel.IN_PERSON
    assert iso.department_id == "stp" and iso.status is DossierStatus.RESULT_READY


def test_importer_csv_every_data_line_is_accounted_for(result):
    lines = {r.line for r in result.rejected} | set(result.repeated_lines)
    assert len(result.accepted) + len(lines) == 15  # 15 numbered rows in the fixture


def test_importer_csv_comma_separated_without_bom():
    text = ("Mã hồ sơ,Tên thủ tục,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Trạng thái\n"
            "A-1,Thủ tục,Sở Tư pháp,01/03/2025,05/03/2025,Đang giải quyết\n")
    result = import_file(text.encode(), "csv", DEPARTMENTS)
    assert [d.code for d in result.accepted] == ["A-1"] and result.rejected == []
