"""Phụ lục II's "ratings / dossiers resolved" line says where its figure comes from, and says so
plainly when no dossier was ever imported, instead of "0 hồ sơ … (chưa tính được tỷ lệ)" (issue #16)."""
from datetime import timedelta

from queue_server.dossier_service import DossierService
from queue_server.reporting import periods
from queue_server.reporting.export import render_document
from queue_server.reports_web import library

PERIOD = periods.month(2026, 12, 15)          # 16/11/2026 – 15/12/2026; the clock is 23/11/2026


def _lines(centre):
    service = centre.service
    return library.satisfaction(service.config, service.store, PERIOD), \
        library.DOCUMENTS["satisfaction"](service.config, service.store, PERIOD)


def test_never_imported_dossiers_say_where_to_get_them(centre):
    report, doc = _lines(centre)
    line = doc.notes[1] if hasattr(doc, "notes") else library.phu_luc_2.share_lines(report)[1]
    assert "0 hồ sơ" not in line and "chưa tính được" not in line
    assert "chưa có dữ liệu hồ sơ" in line and "motcua dossiers import" in line
    assert report.dossiers_resolved is None and report.as_dict()["dossiers_resolved"] is None
    assert report.share_of_resolved is None
    text = render_document(doc, "csv").decode("utf-8") if isinstance(render_document(doc, "csv"), bytes) \
        else render_document(doc, "csv")
    assert "chưa có dữ liệu hồ sơ" in text                             # in the exports too


def test_imported_dossiers_name_their_source(centre):
    now = centre.service.clock()
    DossierService.of(centre.service).push({
        "code": "H56-1", "status": "result_ready", "department": "stp", "procedure": "Đăng ký khai sinh",
        "received_at": (now - timedelta(days=3)).isoformat(), "due_at": (now + timedelta(days=2)).isoformat(),
        "resolved_at": (now - timedelta(hours=1)).isoformat()}, actor="test")
    report, _ = _lines(centre)
    line = library.phu_luc_2.share_lines(report)[1]
    assert report.dossiers_resolved == 1
    assert line.startswith("Số lượt đánh giá: 0 / 1 hồ sơ đã giải quyết trong kỳ") and "phần mềm một cửa" in line
