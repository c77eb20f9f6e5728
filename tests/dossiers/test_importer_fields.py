"""Cell parsers of the importer, as data tables."""

import unicodedata
from datetime import date, datetime, timezone

import pytest

from queue_server.centre_calendar import VN_TZ
from queue_server.dossiers.import_fields import (
    FieldProblem,
    parse_channel,
    parse_datetime,
    parse_level,
    parse_status,
    text_key,
)
from queue_server.dossiers.model import Channel, DossierStatus as S


@pytest.mark.parametrize(
    "a, b",
    [
        ("Ngày hẹn trả", "  ngày   HẸN trả "),
        ("Ngày hẹn trả", unicodedata.normalize("NFD", "Ngày hẹn trả")),
        ("Đơn vị", "don vi"),
        ("\ufeffMã hồ sơ", "Ma ho so"),
        ("Đã có kết quả, chờ trả", "da co ket qua cho tra"),
    ],
)
def test_importer_text_key_matches_variants(a, b):
    assert text_key(a) == text_key(b)


def test_importer_text_key_keeps_different_words_apart():
    assert text_key("Ngày tiếp nhận") != text_key("Ngày hẹn trả")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("03/03/2025", datetime(2025, 3, 3)),
        ("3/3/2025", datetime(2025, 3, 3)),
        ("03-03-2025", datetime(2025, 3, 3)),
        ("03/03/2025 08:15", datetime(2025, 3, 3, 8, 15)),
        ("03/03/2025 08:15:30", datetime(2025, 3, 3, 8, 15, 30)),
        ("03/03/2025 8h15", datetime(2025, 3, 3, 8, 15)),
        ("08:15 03/03/2025", datetime(2025, 3, 3, 8, 15)),
        ("2025-03-03", datetime(2025, 3, 3)),
        ("2025-03-03T08:15:00", datetime(2025, 3, 3, 8, 15)),
        (" 2025-03-03 08:15 ", datetime(2025, 3, 3, 8, 15)),
        (datetime(2025, 3, 3, 8, 15), datetime(2025, 3, 3, 8, 15)),
        (date(2025, 3, 3), datetime(2025, 3, 3)),
    ],
)
def test_importer_parse_datetime_local_forms(value, expected):
    assert parse_datetime(value, VN_TZ, "Ngày tiếp nhận", "received date") == expected.replace(tzinfo=VN_TZ)


def test_importer_parse_datetime_converts_offsets_to_local():
    parsed = parse_datetime("2025-03-03T01:15:00Z", VN_TZ, "x", "x")
    assert parsed == datetime(2025, 3, 3, 1, 15, tzinfo=timezone.utc) and parsed.hour == 8


@pytest.mark.parametrize("value", ["31/02/2025", "00/00/0000", "03/03/25", "2025-13-01", "hôm nay",
                                   "03/03/2025 25:00", "12/03/1890", "45123"])
def test_importer_parse_datetime_rejects(value):
    with pytest.raises(FieldProblem) as err:
        parse_datetime(value, VN_TZ, "Ngày tiếp nhận", "received date")
    assert err.value.reason_vi == f"Ngày tiếp nhận không hợp lệ: '{value}'"


@pytest.mark.parametrize(
    "text, status",
    [
        ("Đã tiếp nhận", S.RECEIVED), ("Mới tiếp nhận", S.RECEIVED), ("đang xử lý", S.IN_PROGRESS),
        ("ĐANG GIẢI QUYẾT", S.IN_PROGRESS), ("Yêu cầu bổ sung", S.SUPPLEMENT_REQUESTED),
        ("Ngừng xử lý", S.STOPPED), ("Từ chối", S.REFUSED), ("Không giải quyết", S.REFUSED),
        ("Rút hồ sơ", S.WITHDRAWN), ("Đã có kết quả, chờ trả", S.RESULT_READY), ("Chờ trả kết quả", S.RESULT_READY),
        ("Đã trả kết quả", S.RESULT_RETURNED), ("result_returned", S.RESULT_RETURNED), ("in_progress", S.IN_PROGRESS),
    ],
)
def test_importer_parse_status(text, status):
    assert parse_status(text) is status


def test_importer_parse_status_unknown():
    with pytest.raises(FieldProblem):
        parse_status("Đang chờ ký")


@pytest.mark.parametrize(
    "text, channel",
    [("", Channel.IN_PERSON), ("Trực tiếp", Channel.IN_PERSON), ("trực tuyến", Channel.ONLINE),
     ("Online", Channel.ONLINE), ("Qua bưu điện", Channel.POST), ("Bưu chính công ích", Channel.POST)],
)
def test_importer_parse_channel(text, channel):
    assert parse_channel(text) is channel


@pytest.mark.parametrize(
    "value, level",
    [("", None), (None, None), ("3", 3), (4, 4), (2.0, 2), ("Mức độ 4", 4), ("MĐ3", 3),
     ("Toàn trình", 4), ("Một phần", 3)],
)
def test_importer_parse_level(value, level):
    assert parse_level(value) == level


@pytest.mark.parametrize("value", ["5", "0", "3 hoặc 4", "cao"])
def test_importer_parse_level_rejects(value):
    with pytest.raises(FieldProblem):
        parse_level(value)
