"""Where each button of each screen goes: pure geometry, shared by drawing and touch hit-testing.

Rectangles are designed on a 1024×600 canvas (a 7–10" tablet) and scaled to the real screen, so
buttons keep their proportions at 800×480 or 1280×800. No pygame here: tests check sizes and
hit-testing without a window.
"""
from __future__ import annotations

from dataclasses import dataclass

from .flow import Option, Phase

DESIGN_W, DESIGN_H = 1024, 600
MARGIN = 16
KEY_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    def contains(self, px: float, py: float) -> bool:
        return self.x <= px < self.x + self.w and self.y <= py < self.y + self.h

    def scaled(self, sx: float, sy: float) -> "Rect":
        return Rect(round(self.x * sx), round(self.y * sy), round(self.w * sx), round(self.h * sy))


@dataclass(frozen=True)
class Button:
    """A touch target: what it does (`action`, `arg`) and how it looks (`kind`, labels, icon)."""

    rect: Rect
    action: str
    arg: object = None
    label: str = ""
    label_en: str = ""
    kind: str = "neutral"       # good, bad, info, star, neutral, key, chip, chip_on, primary
    icon: str = ""


def buttons_for(phase: Phase, options: list[Option], phrases: list[str], chosen: list[str],
                size: tuple[int, int] = (DESIGN_W, DESIGN_H), value: str | None = None) -> list[Button]:
    """The buttons of a screen, scaled to `size` (width, height)."""
    design = {
        Phase.IDLE: lambda: idle_buttons() if options else [],
        Phase.RATING: lambda: rating_buttons(options),
        Phase.COMMENT: lambda: comment_buttons(phrases, chosen),
        Phase.THANKS: lambda: [],
    }[phase]()
    sx, sy = size[0] / DESIGN_W, size[1] / DESIGN_H
    return [Button(b.rect.scaled(sx, sy), b.action, b.arg, b.label, b.label_en, b.kind, b.icon) for b in design]


def hit(buttons: list[Button], x: float, y: float) -> Button | None:
    """The button under a touch, if any."""
    return next((b for b in buttons if b.rect.contains(x, y)), None)


def idle_buttons() -> list[Button]:
    return [Button(Rect(MARGIN, 430, DESIGN_W - 2 * MARGIN, 130), "start", None,
                   "Chạm vào đây để đánh giá mức độ hài lòng", "Tap here to rate our service", "primary", "hand")]


def option_kind(option: Option) -> str:
    """Green for satisfied, red for dissatisfied, blue for a comment; stars are all alike (no judging colour)."""
    if option.value.isdigit():
        return "star"
    if option.value == "suggestion":
        return "info"
    return "bad" if option.dissatisfied else "good"


def option_icon(option: Option, style: str) -> str:
    """The drawn icon of an option: faces for feelings, a clock for time, a bubble for a comment."""
    icons = {"satisfied_service": "smile", "satisfied_attitude": "heart", "dissatisfied_competence": "frown",
             "dissatisfied_time": "clock", "suggestion": "bubble", "very_satisfied": "grin",
             "satisfied": "smile", "dissatisfied": "frown"}
    if option.value.isdigit():
        return f"star{option.value}"
    return icons.get(option.value, "smile" if not option.dissatisfied else "frown")


def rating_buttons(options: list[Option]) -> list[Button]:
    """Big option buttons under the header, and a small 'back' button."""
    top, bottom = 150, 520
    area_w = DESIGN_W - 2 * MARGIN
    if len(options) <= 5 and all(o.value.isdigit() for o in options) or len(options) <= 3:
        rects = _row(len(options), MARGIN, top, area_w, bottom - top)
    else:
        rects = _two_columns(len(options), MARGIN, top, area_w, bottom - top)
    out = [Button(r, "choose", o.value, o.label, o.label_en, option_kind(o), option_icon(o, ""))
           for r, o in zip(rects, options)]
    out.append(Button(Rect(MARGIN, 532, 240, 56), "cancel", None, "Quay lại", "Back", "neutral"))
    return out


def _row(n: int, x: float, y: float, w: float, h: float, gap: float = 14) -> list[Rect]:
    width = (w - gap * (n - 1)) / n
    return [Rect(x + i * (width + gap), y, width, h) for i in range(n)]


def _two_columns(n: int, x: float, y: float, w: float, h: float, gap: float = 14) -> list[Rect]:
    rows = (n + 1) // 2
    height = (h - gap * (rows - 1)) / rows
    width = (w - gap) / 2
    rects = []
    for i in range(n):
        row, col = divmod(i, 2)
        last_alone = i == n - 1 and n % 2 == 1
        rects.append(Rect(x + (0 if last_alone else col * (width + gap)), y + row * (height + gap),
                          w if last_alone else width, height))
    return rects


def comment_buttons(phrases: list[str], chosen: list[str]) -> list[Button]:
    """Prepared phrases (toggles), the Telex keyboard, back / send."""
    out = []
    chip_rects = _two_columns_grid(len(phrases), 3, MARGIN, 70, DESIGN_W - 2 * MARGIN, 56, 6)
    for rect, phrase in zip(chip_rects, phrases):
        out.append(Button(rect, "phrase", phrase, phrase, "", "chip_on" if phrase in chosen else "chip"))
    out.extend(keyboard_buttons(top=256))
    return out


def _two_columns_grid(n: int, cols: int, x: float, y: float, w: float, h: float, gap: float) -> list[Rect]:
    width = (w - gap * (cols - 1)) / cols
    return [Rect(x + (i % cols) * (width + gap), y + (i // cols) * (h + gap), width, h) for i in range(n)]


def keyboard_buttons(top: float, key_h: float = 78, gap: float = 6) -> list[Button]:
    """Three letter rows and a row of Back · space · delete · Send."""
    out = []
    key_w = (DESIGN_W - 2 * MARGIN - 9 * gap) / 10
    for r, row in enumerate(KEY_ROWS):
        indent = MARGIN + r * key_w / 2
        for i, ch in enumerate(row):
            out.append(Button(Rect(indent + i * (key_w + gap), top + r * (key_h + gap), key_w, key_h),
                              "key", ch, ch, "", "key"))
    y = top + 3 * (key_h + gap)
    back_x = MARGIN + 8 * key_w + 7 * gap
    out.append(Button(Rect(back_x, top + 2 * (key_h + gap), DESIGN_W - MARGIN - back_x, key_h),
                      "backspace", None, "Xoá", "Delete", "key", "backspace"))
    out.append(Button(Rect(MARGIN, y, 2.5 * key_w, key_h), "back", None, "Quay lại", "Back", "neutral"))
    out.append(Button(Rect(MARGIN + 2.5 * key_w + gap, y, 4.5 * key_w, key_h), "key", " ",
                      "Dấu cách", "Space", "key"))
    send_x = MARGIN + 7 * key_w + 2 * gap
    out.append(Button(Rect(send_x, y, DESIGN_W - MARGIN - send_x, key_h), "send", None,
                      "Gửi đánh giá", "Send", "primary"))
    return out
