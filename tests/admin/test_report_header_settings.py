"""The appendices' letterhead set on the admin settings page: saved in [report_header], printed on
the next Phụ lục download, and back to the derived texts when cleared."""
import io

from openpyxl import load_workbook

from .conftest import login_client  # noqa: F401

FORM = {"issuing_body": "UBND TỈNH HÒA BÌNH XANH\nVĂN PHÒNG UBND TỈNH", "unit_name": "TRUNG TÂM PHỤC VỤ HCC",
        "place": "TP. Hòa Bình", "preparer_title": "", "preparer_name": "Lê Thị Hoa",
        "head_title": "GIÁM ĐỐC", "head_name": "Nguyễn Văn Quản"}


def _texts(client) -> set[str]:
    body = client.get("/admin/reports/dossiers.xlsx?kind=month&number=11&year=2026").data
    ws = load_workbook(io.BytesIO(body)).active
    return {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}


def test_report_header_settings_saved_and_printed(centre, admin_client):
    client, csrf = admin_client
    page = client.get("/admin/settings").get_data(as_text=True)
    assert "UBND TỈNH HÒA BÌNH XANH / TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" in page     # derived until set
    answer = client.post("/admin/settings/report-header", data={"csrf": csrf, **FORM})
    assert answer.status_code == 302
    header = centre.service.config.report_header
    assert header.issuing_body == ["UBND TỈNH HÒA BÌNH XANH", "VĂN PHÒNG UBND TỈNH"]
    assert header.preparer_title == "NGƯỜI LẬP BIỂU"                      # blank keeps the usual title
    texts = _texts(client)
    assert {"VĂN PHÒNG UBND TỈNH", "TRUNG TÂM PHỤC VỤ HCC", "GIÁM ĐỐC", "Nguyễn Văn Quản", "Lê Thị Hoa"} <= texts
    assert any(t.startswith("TP. Hòa Bình, ngày ") for t in texts)

    cleared = {k: "" for k in FORM}
    assert client.post("/admin/settings/report-header", data={"csrf": csrf, **cleared}).status_code == 302
    texts = _texts(client)
    assert {"UBND TỈNH HÒA BÌNH XANH", "THỦ TRƯỞNG ĐƠN VỊ"} <= texts and "GIÁM ĐỐC" not in texts


def test_report_header_settings_refused_to_a_supervisor(centre):
    centre.officer("giamsat", "Trần Giám Sát", "matkhau-gs", role="supervisor")
    client, csrf = login_client(centre, "giamsat", "matkhau-gs")
    assert client.post("/admin/settings/report-header", data={"csrf": csrf, **FORM}).status_code == 403
    assert centre.service.config.report_header.head_name == ""
