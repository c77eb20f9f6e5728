"""Uploading an export (multipart, admin only)."""
import io
from pathlib import Path

MESSY = Path(__file__).parents[2] / "dossiers" / "data" / "messy_export.csv"


def _upload(client, data: bytes, name="export.csv", **form):
    return client.post("/api/dossiers/import", data={"file": (io.BytesIO(data), name), **form},
                       content_type="multipart/form-data")


def test_import_upload_reports_rejections(centre, clients):
    admin = clients("admin")
    first = _upload(admin, MESSY.read_bytes())
    assert first.status_code == 200
    assert (first.json["new"], first.json["changed"], len(first.json["rejected"])) == (4, 0, 10)
    assert first.json["rejected"][0] == {"line": 6, "code": "000.17.22.H56-250303-0003",
                                         "reason": "Ngày tiếp nhận không hợp lệ: '31/02/2025'",
                                         "reason_en": "invalid received date: '31/02/2025'"}
    again = _upload(admin, MESSY.read_bytes())
    assert (again.json["new"], again.json["changed"], again.json["unchanged"], again.json["events"]) == (0, 0, 4, 0)


def test_import_upload_refusals(centre, clients):
    admin = clients("admin")
    assert _upload(admin, b"a,b\n1,2\n").json["error"]["message_en"].startswith("missing required columns")
    assert _upload(admin, b"x", name="export.pdf").status_code == 400
    assert _upload(clients("supervisor"), MESSY.read_bytes()).status_code == 403
    assert _upload(clients("gateway"), MESSY.read_bytes()).status_code == 403
