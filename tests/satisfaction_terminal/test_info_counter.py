"""The idle screen's facts, from the server's snapshot."""
from satisfaction_terminal.info import counter_info, departments_of, initials, photo_for

from .helpers import centre

OPEN = {"number": 1, "status": "open", "officer_id": 7, "officer_name": "Nguyễn Thị Hoa"}


def test_counter_info_names_the_officer_and_department():
    info = counter_info(centre(), OPEN, 1, {"7": "Công chức một cửa"})
    assert (info.label, info.officer_name, info.officer_title, info.open) == (
        "Quầy 1", "Nguyễn Thị Hoa", "Công chức một cửa", True)
    assert info.department == "Sở Tư pháp"


def test_counter_info_closed_counter_shows_no_officer():
    info = counter_info(centre(), {"number": 1, "status": "closed", "officer_id": None, "officer_name": ""}, 1)
    assert not info.open and info.officer_name == "" and info.photo is None


def test_counter_info_prefers_a_title_from_the_server():
    info = counter_info(centre(), {**OPEN, "officer_title": "Chuyên viên"}, 1, {"7": "Công chức"})
    assert info.officer_title == "Chuyên viên"


def test_counter_info_finds_a_photo_by_officer_id(tmp_path):
    (tmp_path / "7.jpg").write_bytes(b"not really a jpeg")
    assert photo_for(str(tmp_path), 7) == str(tmp_path / "7.jpg")
    assert photo_for(str(tmp_path), 8) is None and photo_for("", 7) is None


def test_departments_of_a_general_counter_lists_each_department():
    c = centre()
    services = [c["departments"][0]["services"][0]["id"], c["departments"][1]["services"][0]["id"]]
    names = departments_of(c, {"services": services})
    assert names.count(" · ") == 1


def test_initials_of_vietnamese_names():
    assert initials("Nguyễn Thị Hoa") == "NH" and initials("Đức") == "Đ" and initials("") == "?"
