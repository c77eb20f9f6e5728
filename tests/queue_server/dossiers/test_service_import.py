"""Importing exports into the database: idempotence, exact rejections, atomic apply, live events."""
import json
from pathlib import Path

import pytest

from queue_server.dossier_service import LIVE_EVENT_LIMIT
from queue_server.dossiers.importer import ImportFileError, Rejection, import_file
from queue_server.dossiers.model import DossierStatus
from queue_server.storage import StoreError

from ..faults import limit_pages, unlimit_pages

MESSY = Path(__file__).parents[2] / "dossiers" / "data" / "messy_export.csv"
HEADER = "Mã hồ sơ;Tên thủ tục;Đơn vị;Người nộp;Số điện thoại;Ngày tiếp nhận;Ngày hẹn trả;Trạng thái;Ngày có kết quả\n"


def _line(code, status="Đang giải quyết", due="27/11/2026", resolved="", department="Sở Tư pháp"):
    return f"{code};Cấp phiếu lý lịch tư pháp;{department};Nguyễn Văn An;0912345678;20/11/2026 09:00;{due};{status};{resolved}\n"


def _events(centre):
    return centre.service.store.query("SELECT type, data FROM events WHERE type LIKE 'dossier%' ORDER BY seq")


def test_import_messy_export_reports_exactly_what_the_importer_rejects(centre, registry):
    report = registry.import_data(MESSY.read_bytes(), "messy_export.csv", "messy_export.csv")
    pure = import_file(MESSY.read_bytes(), "csv", registry.departments)
    assert report.rejected == pure.rejected
    assert report.rejected[:3] == [
        Rejection(6, "000.17.22.H56-250303-0003", "Ngày tiếp nhận không hợp lệ: '31/02/2025'",
                  "invalid received date: '31/02/2025'"),
        Rejection(8, "000.17.22.H56-250303-0002", "Trùng mã hồ sơ với dòng 5 nhưng khác dữ liệu",
                  "duplicate code: line 5 has the same code with different data"),
        Rejection(10, "000.17.22.H56-250304-0001", "Không tìm thấy đơn vị: 'Sở Du lịch'",
                  "unknown department: 'Sở Du lịch'"),
    ]
    assert (report.accepted, report.new, report.changed, report.unchanged) == (4, 4, 0, 0)
    assert report.repeated_lines == [7]
    assert registry.dossiers.count(centre.config.centre.id) == 4
    assert registry.dossiers.get(centre.config.centre.id, "000.17.22.H56-250304-0003").department_id == "sxd"


def test_import_twice_changes_nothing_and_writes_no_events(centre, registry):
    registry.import_data(MESSY.read_bytes(), "csv")
    seq, events = centre.service.seq, len(_events(centre))
    history = centre.service.store.query("SELECT COUNT(*) AS n FROM dossier_history")[0]["n"]
    again = registry.import_data(MESSY.read_bytes(), "csv")
    assert (again.new, again.changed, again.unchanged, again.events) == (0, 0, 4, 0)
    assert centre.service.seq == seq and len(_events(centre)) == events
    assert centre.service.store.query("SELECT COUNT(*) AS n FROM dossier_history")[0]["n"] == history
    assert [r["new"] for r in registry.dossiers.imports(centre.config.centre.id)] == [0, 4]  # audit log


def test_import_one_bad_row_applies_the_good_ones(centre, registry):
    data = HEADER + _line("A-1") + _line("A-2", due="hôm qua") + _line("A-3")
    report = registry.import_data(data.encode(), "csv")
    assert [(r.line, r.code, r.reason_en) for r in report.rejected] == [(3, "A-2", "invalid appointment date: 'hôm qua'")]
    assert registry.dossiers.get(centre.config.centre.id, "A-1") and registry.dossiers.get(centre.config.centre.id, "A-3")
    assert registry.dossiers.get(centre.config.centre.id, "A-2") is None


def test_import_changed_row_updates_and_records_history(centre, registry):
    registry.import_data((HEADER + _line("A-1") + _line("A-2")).encode(), "csv")
    report = registry.import_data((HEADER + _line("A-1", "Đã có kết quả", resolved="23/11/2026") + _line("A-2")).encode(),
                                  "csv")
    assert (report.new, report.changed, report.unchanged) == (0, 1, 1)
    stored = registry.dossiers.get(centre.config.centre.id, "A-1")
    assert stored.status is DossierStatus.RESULT_READY
    assert [h.status for h in stored.history] == [DossierStatus.IN_PROGRESS, DossierStatus.RESULT_READY]
    assert registry.notifier.sent == [("0912345678", "A-1", "A-1")]  # the fake's template is "{code}"


def test_import_file_error_applies_nothing(centre, registry):
    with pytest.raises(ImportFileError):
        registry.import_data(b"Ma;Ten\n1;2\n", "csv")
    assert registry.dossiers.count(centre.config.centre.id) == 0 and centre.service.seq == 0


def test_import_storage_failure_applies_nothing(centre, registry):
    limit_pages(centre.service.store)                  # a real full database, not a patched write
    lines = "".join(_line(f"A-{i}") for i in range(200))
    with pytest.raises(StoreError) as err:
        registry.import_data((HEADER + lines).encode(), "csv")
    assert err.value.code == "storage_failed" and err.value.status == 503
    assert registry.dossiers.count(centre.config.centre.id) == 0 and _events(centre) == []
    assert centre.service.seq == centre.service.store.last_seq() == 0
    unlimit_pages(centre.service.store)
    assert registry.import_data((HEADER + lines).encode(), "csv").new == 200


def test_import_events_carry_public_fields_only(centre, registry):
    registry.import_data((HEADER + _line("A-1")).encode(), "csv")
    (event,) = _events(centre)
    data = json.loads(event["data"])
    assert event["type"] == "dossier.updated"
    assert data == {"code": "A-1", "applicant": "Nguyễn V*** A", "department_id": "stp", "status": "in_progress",
                    "status_vi": "Đang giải quyết", "due_at": "2026-11-27T00:00:00+07:00", "source": "import"}


def test_import_large_sends_one_summary_event(centre, registry):
    rows = [{"Mã hồ sơ": f"B-{i}", "Tên thủ tục": "Thủ tục", "Đơn vị": "stp", "Ngày tiếp nhận": "20/11/2026",
             "Ngày hẹn trả": "27/11/2026", "Trạng thái": "Đã tiếp nhận"} for i in range(LIVE_EVENT_LIMIT + 1)]
    report = registry.import_data(rows, "json")
    assert report.new == LIVE_EVENT_LIMIT + 1 and report.events == 1
    assert [e["type"] for e in _events(centre)] == ["dossiers.imported"]
