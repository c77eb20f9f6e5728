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
