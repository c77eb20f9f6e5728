import json

from queue_server.dossiers.importer import Rejection, import_file
from queue_server.dossiers.model import Department

from .helpers import at

DEPARTMENTS = [Department("stp", "Sở Tư pháp")]


def test_importer_json_list_of_objects_with_mapping():
    items = [
        {"ma": "A-1", "thutuc": "Khai sinh", "donvi": "stp", "nhan": "2025-03-03T09:00:00",
         "hen": "2025-03-05", "tt": "in_progress", "muc_do": 3},
        {"ma": "A-2", "thutuc": "Khai tử", "donvi": "stp", "nhan": "03/03/2025", "hen": None, "tt": "received"},
    ]
    mapping = {"code": "ma", "procedure": "thutuc", "department": "donvi", "received_at": "nhan",
               "due_at": "hen", "status": "tt", "level": ["muc_do", "Mức độ"]}
    result = import_file(json.dumps(items).encode(), "dossiers.json", DEPARTMENTS, mapping=mapping)
    assert [(d.code, d.received_at, d.level) for d in result.accepted] == [("A-1", at("2025-03-03 09:00"), 3)]
    assert result.rejected == [Rejection(2, "A-2", "Thiếu ngày hẹn trả", "missing appointment date")]


def test_importer_json_accepts_already_parsed_list():
    items = [{"Mã hồ sơ": "A-1", "Tên thủ tục": "Khai sinh", "Đơn vị": "Sở Tư pháp",
              "Ngày tiếp nhận": "03/03/2025", "Ngày hẹn trả": "05/03/2025", "Trạng thái": "Đã tiếp nhận"}]
    assert len(import_file(items, "json", DEPARTMENTS).accepted) == 1
