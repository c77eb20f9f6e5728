"""Department names as exports really abbreviate them, configured once in `[dossiers]
department_aliases`, from the configuration file to the stored dossier (issue #16)."""
import copy
import tomllib

import pytest

from queue_server.cli import main
from queue_server.config import DEMO_CONFIG, ConfigError, parse_config
from queue_server.dossier_service import DossierService
from queue_server.storage import Store

EXPORT = """DANH SÁCH HỒ SƠ TIẾP NHẬN THÁNG 3, NĂM 2025
Đơn vị xuất: Trung tâm Phục vụ hành chính công tỉnh

Mã hồ sơ;Tên thủ tục;Đơn vị;Ngày tiếp nhận;Ngày hẹn trả;Trạng thái
H56-0001;Cấp giấy chứng nhận QSDĐ;Sở TN&MT;03/03/2025 08:15;30/03/2025;Đang giải quyết
H56-0002;Cấp sổ BHXH;BHXH tỉnh;03/03/2025 09:00;10/03/2025;Đang giải quyết
H56-0003;Đăng ký doanh nghiệp;sở kh&đt;03/03/2025 09:30;10/03/2025;Đang giải quyết
H56-0004;Cấp phép lữ hành;Sở Du lịch;03/03/2025 10:00;10/03/2025;Đang giải quyết
"""


def test_cli_import_maps_the_demo_centres_aliases_to_departments(tmp_path, capsys):
    export = tmp_path / "xuat-thang-3.csv"
    export.write_text(EXPORT, encoding="utf-8-sig")
    db = tmp_path / "m.db"
    assert main(["dossiers", "import", str(export), "--db", str(db)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "nhận 3" in out[0] and "loại 1" in out[0]
    assert "Không tìm thấy đơn vị: 'Sở Du lịch'" in out[1]
    assert out[2].startswith("Tên đơn vị chưa nhận ra: 'Sở Du lịch'")
    store = Store(db)
    try:
        config = parse_config(tomllib.loads(DEMO_CONFIG.read_text(encoding="utf-8")))
        dossiers = DossierService(config, store).dossiers
        got = {code: dossiers.get(config.centre.id, code) for code in ("H56-0001", "H56-0002", "H56-0003")}
        assert {code: d.department_id for code, d in got.items()} == {
            "H56-0001": "snnmt", "H56-0002": "bhxh", "H56-0003": "stc"}
    finally:
        store.close()


def test_rest_import_answer_says_what_to_do_with_unknown_names(centre, clients):
    """The upload's answer names the unknown departments once, with where to add them."""
    from .test_rest_import import _upload
    answer = _upload(clients("admin"), EXPORT.encode("utf-8")).json
    assert answer["unknown_departments"] == ["Sở TN&MT", "sở kh&đt", "Sở Du lịch"]    # this centre: other aliases
    assert "[dossiers] department_aliases" in answer["hint"] and "department_aliases" in answer["hint_en"]
    assert answer["new"] == 1                                                     # BHXH tỉnh


@pytest.mark.parametrize("aliases, reason", [
    ({"stp": ["STP"], "stc": ["stp "]}, "already names department 'stp'"),
    ({"stc": ["Sở Tư Pháp"]}, "already names department 'stp'"),
])
def test_config_refuses_a_name_for_two_departments(aliases, reason):
    data = tomllib.loads(DEMO_CONFIG.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["dossiers"]["department_aliases"] = aliases
    with pytest.raises(ConfigError) as err:
        parse_config(data, "centre.toml")
    assert any(reason in r for _, r in err.value.problems), err.value.problems
