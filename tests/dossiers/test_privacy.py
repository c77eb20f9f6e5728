import unicodedata

import pytest

from queue_server.dossiers.privacy import mask_name, mask_name_short, public_view
from .helpers import dossier


@pytest.mark.parametrize(
    "name, masked, short",
    [
        ("Nguyễn Văn An", "Nguyễn V*** A", "Nguyễn V. A."),
        ("  nguyễn   văn   an ", "Nguyễn V*** A", "Nguyễn V. A."),
        ("NGUYỄN VĂN AN", "Nguyễn V*** A", "Nguyễn V. A."),
        ("Trần Thị Bích Ngọc", "Trần T*** B*** N", "Trần T. B. N."),
        ("đỗ đức", "Đỗ Đ", "Đỗ Đ."),
        ("An", "A***", "A."),
        ("", "", ""),
        ("   ", "", ""),
    ],
)
def test_privacy_mask_name(name, masked, short):
    assert mask_name(name) == masked
    assert mask_name_short(name) == short


def test_privacy_mask_name_nfd_input():
    name = unicodedata.normalize("NFD", "Ưng Ánh Ường")
    assert mask_name(name) == "Ưng Á*** Ư"


def test_privacy_public_view_hides_phone_and_full_name():
    view = public_view(dossier(name="Lê Thị Hồng"))
    text = repr(view)
    assert view["applicant"] == "Lê T*** H"
    assert "0912345678" not in text and "Hồng" not in text
    assert view["status_vi"] == "Đang giải quyết"
    assert public_view(dossier(name="Lê Thị Hồng"), short=True)["applicant"] == "Lê T. H."
