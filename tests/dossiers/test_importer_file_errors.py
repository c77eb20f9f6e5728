"""Whole-file problems raise ImportFileError: nothing from the file is accepted."""

import pytest

from queue_server.dossiers.importer import ImportFileError, import_file
from queue_server.dossiers.model import Department

DEPARTMENTS = [Department("stp", "Sở Tư pháp")]


def test_importer_missing_required_columns_named():
    text = "Mã hồ sơ;Tên thủ tục;Đơn vị;Ngày tiếp nhận\nA;B;Sở Tư pháp;01/03/2025\n"
    with pytest.raises(ImportFileError) as err:
        import_file(text.encode(), "csv", DEPARTMENTS)
    assert err.value.reason_vi == "Thiếu cột bắt buộc: Ngày hẹn trả, Trạng thái"
    assert err.value.reason_en == "missing required columns: appointment date, status"


@pytest.mark.parametrize(
    "data, fmt, reason_en",
    [
        ("Mã;Đơn vị\n".encode("utf-8").replace("ã".encode(), b"\xe3"), "csv", "file is not UTF-8 (bad byte at offset 1)"),
        (b"not a zip", "xlsx", None),
        (b'{"a": 1}', "json", "JSON must be a list of objects"),
        (b"[1, 2", "json", "invalid JSON at line 1"),
        (b"", "csv", "missing required columns: code, procedure, department, received date, appointment date, status"),
        (b"x", "ods", "unsupported file format: 'ods'"),
    ],
)
def test_importer_file_errors(data, fmt, reason_en):
    with pytest.raises(ImportFileError) as err:
        import_file(data, fmt, DEPARTMENTS)
    if reason_en:
        assert err.value.reason_en == reason_en
    assert err.value.reason_vi


def test_importer_unknown_mapping_field_is_a_programming_error():
    with pytest.raises(ValueError):
        import_file(b"", "csv", DEPARTMENTS, mapping={"colour": "Màu"})
