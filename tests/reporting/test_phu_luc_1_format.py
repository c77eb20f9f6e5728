"""The formatted Phụ lục I table, exact strings."""

from queue_server.dossiers.model import Department
from queue_server.reporting import phu_luc_1
from queue_server.reporting.periods import month

PERIOD = month(2025, 3)
DEPTS = [Department("stp", "Sở Tư pháp"), Department("gtvt", "Sở Giao thông vận tải"), Department("bhxh", "BHXH tỉnh")]
F, L = PERIOD.first_day.toordinal(), PERIOD.last_day.toordinal()


def _facts():
    rows = []
    # Sở Tư pháp: 1.200 new, resolved early; 3 carried over still in progress and overdue;
    # 1 online refused early (resolved and returned).
    rows += [("stp", F + 1, F + 10, F + 5, 1, False, False, ())] * 1200
    rows += [("stp", F - 5, F, 10**9, 0, False, True, ())] * 3
    rows += [("stp", F + 2, F + 9, F + 3, 2, True, True, (F + 3,))]
    # Sở GTVT: 7 on time, 1 late; all online level 4.
    rows += [("gtvt", F, F + 4, F + 4, 1, True, True, ())] * 7
    rows += [("gtvt", F, F + 4, L, 1, True, True, ())]
    return rows


def test_phu_luc_1_format_rows_exact():
    table = phu_luc_1.format_rows(phu_luc_1.compute_from_facts(_facts(), PERIOD, DEPTS))
    assert table[0][:3] == ["STT", "Đơn vị", "Số hồ sơ tiếp nhận"]
    assert table[1][2:5] == ["Tổng số", "Kỳ trước chuyển qua", "Số mới tiếp nhận"]
    assert table[2:] == [
        ["1", "Sở Tư pháp", "1.204", "3", "1.201", "1.201", "1.201", "0", "0", "3", "0", "3", "1", "1", "4"],
        ["2", "Sở Giao thông vận tải", "8", "0", "8", "8", "0", "7", "1", "0", "0", "0", "0", "8", "8"],
        ["3", "BHXH tỉnh", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"],
        ["", "Tổng cộng", "1.212", "3", "1.209", "1.209", "1.201", "7", "1", "3", "0", "3", "1", "9", "12"],
        ["", "Tỷ lệ (%)", "100,00", "0,25", "99,75", "99,75", "99,34", "0,58", "0,08", "0,25", "0,00",
         "100,00", "0,08", "0,74", "75,00 (**)"],
    ]


def test_phu_luc_1_format_rows_undefined_percentages_show_dash():
    table = phu_luc_1.format_rows(phu_luc_1.compute_from_facts([], PERIOD, DEPTS))
    assert table[-1][2:] == ["-"] * 12 + ["- (**)"]
    assert len(table[0]) == len(table[1]) == len(table[-1]) == 15


def test_phu_luc_1_row_lookup_by_column_name():
    report = phu_luc_1.compute_from_facts(_facts(), PERIOD, DEPTS)
    assert report.rows[1]["on_time"] == 7 and report.rows[0]["carried_over"] == 3


def test_phu_luc_1_as_dict_is_json_ready():
    import json

    data = phu_luc_1.compute_from_facts(_facts(), PERIOD, DEPTS).as_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["rows"][0]["received"] == 1204 and data["total"]["level_3_4"] == 12
    assert data["percentages"]["level_3_4"] == 75.0 and data["percentages"]["early"] == 99.34
    assert data["period"]["label"] == "tháng 3 năm 2025 (từ 16/02/2025 đến 15/03/2025)"
