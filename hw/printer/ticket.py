"""Ticket layout: TicketPrint data in, a 1-bit PIL image of the paper width out (pure)."""

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

import qrcode
from PIL import Image, ImageDraw, ImageFont

from hw.fonts import font_path

MARGIN = 12
MIN_TEXT_PX = 16
LABELS = {
    "number": ("SỐ THỨ TỰ", "YOUR NUMBER"),
    "priority": ("ƯU TIÊN", "PRIORITY"),
    "counters": ("Quầy phục vụ: {}", "Counter: {}"),
    "ahead": ("Số người chờ trước quý ông/bà: {}", "People ahead of you: {}"),
    "next": ("Quý ông/bà là người tiếp theo", "You are next"),
    "wait": ("Thời gian chờ dự kiến: khoảng {} phút", "Estimated wait: about {} min"),
    "dossier": ("Mã hồ sơ: {}", "Dossier: {}"),
    "issued": ("In lúc {:%H:%M} ngày {:%d/%m/%Y}", "Issued {:%H:%M} on {:%d/%m/%Y}"),
    "qr": ("Quét mã để theo dõi lượt gọi", "Scan to follow your turn"),
}


@dataclass(frozen=True)
class TicketPrint:
    """What a queue ticket shows.

    >>> TicketPrint("Trung tâm PVHCC tỉnh", "Sở Tư pháp", "Lý lịch tư pháp", "1023",
    ...             False, datetime(2026, 11, 22, 8, 15), 12, 25, "https://q/t/abc", "Cảm ơn")
    ... # doctest: +ELLIPSIS
    TicketPrint(...)
    """

    centre_name: str
    department: str
    service: str
    number: str
    priority: bool
    issued_at: datetime
    ahead: int
    wait_minutes: int | None
    status_url: str | None
    footer: str
    counters: str | None = None
    dossier_code: str | None = None


@lru_cache(maxsize=64)
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_path(bold), size)


def _label(key: str, english: bool, *args) -> list[tuple[str, float]]:
    """The Vietnamese label, plus the English one in a smaller size when asked."""
    vi, en = LABELS[key]
    lines = [(vi.format(*args), 1.0)]
    return lines + ([(en.format(*args), 0.75)] if english else [])


NUMBER_RUN = re.compile(r"\d[\d .]*\d")
"""A phone number or code written in groups ("0218 3852 123"): wrapped as one word, never split."""


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap so each line fits ``width`` pixels (a lone long word is kept whole)."""
    text = NUMBER_RUN.sub(lambda m: m.group(0).replace(" ", "\u00a0"), " ".join(text.split()))
    lines: list[str] = []
    for word in text.split(" "):
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines or [""]


def text_block(text: str, width: int, size: int, bold: bool = False,
               inverted: bool = False) -> Image.Image:
    """Centred, wrapped text as a 1-bit strip ``width`` px wide (white on black if inverted)."""
    size = max(size, MIN_TEXT_PX)
    font = _font(size, bold)
    lines = wrap(text, font, width - 2 * MARGIN)
    ascent, descent = font.getmetrics()
    line_h = ascent + descent + size // 8
    img = Image.new("1", (width, line_h * len(lines) + size // 4), 0 if inverted else 1)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((width / 2, i * line_h + size // 8), line, font=font,
                  fill=1 if inverted else 0, anchor="mt")
    return img


def big_number(number: str, width: int, max_size: int) -> Image.Image:
    """The queue number as large as fits the paper width."""
    size = max_size
    while size > 20 and _font(size, True).getlength(number) > width - 2 * MARGIN:
        size -= 4
    font = _font(size, True)
    left, top, right, bottom = font.getbbox(number, anchor="mt")
    img = Image.new("1", (width, bottom + size // 8), 1)
    ImageDraw.Draw(img).text((width / 2, 0), number, font=font, fill=0, anchor="mt")
    return img


def qr_block(url: str, width: int) -> Image.Image:
    """A QR code of ``url`` about 45 % of the paper width, centred."""
    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(url)
    code.make(fit=True)
    modules = code.modules_count + 4
    box = max(2, int(width * 0.45) // modules)
    qr = code.make_image(fill_color="black", back_color="white").get_image()
    qr = qr.convert("1").resize((modules * box, modules * box), Image.NEAREST)
    img = Image.new("1", (width, qr.height), 1)
    img.paste(qr, ((width - qr.width) // 2, 0))
    return img


def rule(width: int, scale: float) -> Image.Image:
    """A thin horizontal separator."""
    h = max(8, int(16 * scale))
    img = Image.new("1", (width, h), 1)
    ImageDraw.Draw(img).line((MARGIN, h // 2, width - MARGIN, h // 2), fill=0, width=2)
    return img


def _say(key: str, width: int, english: bool, size: float, *args, bold: bool = False):
    """Text strips of a label (Vietnamese, then English if asked)."""
    return [text_block(txt, width, int(size * f), bold) for txt, f in _label(key, english, *args)]


def _header(t: TicketPrint, width: int, english: bool, s: float) -> list[Image.Image]:
    """Centre, department, service, the big number and the priority mark."""
    blocks = [text_block(t.centre_name.upper(), width, int(24 * s), True), rule(width, s),
              text_block(t.department, width, int(30 * s), True)]
    blocks += [text_block(t.service, width, int(24 * s))] if t.service else []
    blocks += _say("dossier", width, english, 24 * s, t.dossier_code, bold=True) if t.dossier_code else []
    blocks += _say("number", width, english, 24 * s) + [big_number(t.number, width, int(180 * s))]
    if t.priority:
        blocks += [text_block(txt, width, int(36 * s * f), True, inverted=True)
                   for txt, f in _label("priority", english)]
    return blocks


def detail_lines(t: TicketPrint) -> list[tuple[str, tuple]]:
    """The (label, values) lines under the number: who is ahead, the wait (not "khoảng 0 phút":
    under a minute says nothing the "next" line does not), when it was issued."""
    lines = [("ahead", (t.ahead,)) if t.ahead else ("next", ())]
    if t.wait_minutes:
        lines.append(("wait", (t.wait_minutes,)))
    return lines + [("issued", (t.issued_at, t.issued_at))]


def _details(t: TicketPrint, width: int, english: bool, s: float) -> list[Image.Image]:
    """Counters, people ahead, wait, time, QR code and footer."""
    blocks = _say("counters", width, english, 26 * s, t.counters, bold=True) if t.counters else []
    for key, values in detail_lines(t):
        blocks += _say(key, width, english, (22 if key == "issued" else 24) * s, *values)
    if t.status_url:
        blocks += [rule(width, s), qr_block(t.status_url, width)] + _say("qr", width, english, 20 * s)
    footer = [text_block(t.footer, width, int(20 * s))] if t.footer else []
    return blocks + [rule(width, s)] + footer + [Image.new("1", (width, MARGIN), 1)]


def render_ticket(ticket: TicketPrint, width_px: int, english: bool = False) -> Image.Image:
    """The whole ticket as one 1-bit image exactly ``width_px`` wide."""
    scale = width_px / 576
    blocks = _header(ticket, width_px, english, scale) + _details(ticket, width_px, english, scale)
    img = Image.new("1", (width_px, sum(b.height for b in blocks)), 1)
    y = 0
    for block in blocks:
        img.paste(block, (0, y))
        y += block.height
    return img
