"""The ticket layout: exact width, deterministic, Vietnamese glyphs, matches the reference."""

from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from hw.printer.ticket import TicketPrint, render_ticket, text_block

REFERENCE = Path(__file__).with_name("data") / "ticket_80mm.png"
TICKET = TicketPrint(
    centre_name="Trung tâm Phục vụ hành chính công tỉnh", department="Sở Nông nghiệp và Phát "
    "triển nông thôn", service="Cấp phép", number="1023", priority=False,
    issued_at=datetime(2026, 11, 22, 8, 15), ahead=12, wait_minutes=25,
    status_url="https://motcua.example.vn/t/7f3a9c2e", footer="Xin cảm ơn!", counters="5")


def black_pixels(img):
    return img.convert("L").histogram()[0]


@pytest.mark.parametrize("width", [576, 384])
def test_render_ticket_is_one_bit_and_paper_wide(width):
    img = render_ticket(TICKET, width)
    assert img.mode == "1" and img.width == width and img.height > width


def test_render_ticket_is_deterministic():
    assert render_ticket(TICKET, 576).tobytes() == render_ticket(TICKET, 576).tobytes()


def test_render_ticket_matches_reference_image():
    img = render_ticket(TICKET, 576)
    ref = Image.open(REFERENCE).convert("1")
    assert img.size == ref.size
    diff = black_pixels(ImageChops.logical_xor(img, ref).point(lambda v: 255 - v, "1"))
    assert diff < 0.002 * img.width * img.height


def test_render_ticket_priority_adds_a_mark():
    normal = render_ticket(TICKET, 576)
    priority = render_ticket(TicketPrint(**{**TICKET.__dict__, "priority": True}), 576)
    assert priority.height > normal.height and black_pixels(priority) > black_pixels(normal)


def test_render_ticket_without_url_has_no_qr():
    no_qr = render_ticket(TicketPrint(**{**TICKET.__dict__, "status_url": None}), 576)
    assert no_qr.height < render_ticket(TICKET, 576).height - 150


def test_text_block_draws_vietnamese_marks_not_boxes():
    plain, marked = text_block("U O A", 384, 30), text_block("Ư Ơ Ă", 384, 30)
    assert plain.tobytes() != marked.tobytes()
    assert text_block("Ư", 100, 30).tobytes() != text_block("\u0378", 100, 30).tobytes()


def test_text_block_wraps_long_department_names():
    one = text_block("Sở Tư pháp", 384, 30, bold=True)
    long = text_block("Sở Nông nghiệp và Phát triển nông thôn", 384, 30, bold=True)
    assert long.height >= 2 * one.height - 10


def test_ticket_speaks_in_one_polite_register():
    """A public office writes to "quý ông/bà" on the ticket, never "bạn" (issue #16)."""
    from hw.printer.ticket import LABELS
    assert not [vi for vi, _ in LABELS.values() if "bạn" in vi.lower().split()]
    assert LABELS["next"][0] == "Quý ông/bà là người tiếp theo"


@pytest.mark.parametrize("ahead, wait, keys", [
    (0, 0, ["next", "issued"]),             # never "khoảng 0 phút"
    (0, None, ["next", "issued"]),
    (3, 12, ["ahead", "wait", "issued"]),
])
def test_ticket_detail_lines(ahead, wait, keys):
    from dataclasses import replace

    from hw.printer.ticket import detail_lines
    assert [key for key, _ in detail_lines(replace(TICKET, ahead=ahead, wait_minutes=wait))] == keys


def test_wrap_keeps_a_phone_number_on_one_line():
    from hw.printer.ticket import _font, wrap
    font = _font(20)
    text = "Xin cảm ơn quý ông/bà! Góp ý xin gọi đường dây nóng 0218 3852 123 hoặc 1900.6789"
    for width in range(180, 560, 7):
        lines = wrap(text, font, width)
        assert any("0218\u00a03852\u00a0123" in line for line in lines), (width, lines)
        assert any("1900.6789" in line for line in lines)


def test_result_return_ticket_prints_the_dossier_code():
    from dataclasses import replace
    plain = render_ticket(TICKET, 576)
    with_code = render_ticket(replace(TICKET, dossier_code="000.17.22.H56-210531-0001"), 576)
    assert with_code.height > plain.height


def test_kiosk_ticket_carries_the_scanned_dossier_code():
    from kiosk.tickets import ticket_print
    result = {"ticket": {"id": "t1", "label": "R001", "department_id": "stp", "service_id": "stp-trakq",
                         "priority": False, "issued_at": "2026-11-23T08:00:00+07:00"}, "ahead": 0}
    centre = {"name": "Trung tâm", "departments": []}
    assert ticket_print(result, centre, "", dossier_code="000.17.22.H56-210531-0001").dossier_code == (
        "000.17.22.H56-210531-0001")
