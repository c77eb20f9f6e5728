"""Drawing the tablet's screens with pygame, from the flow's state and the layout's buttons.

Only DejaVu fonts (hw/fonts.py), which cover Vietnamese; icons are drawn shapes, no image files.
Colours pair white text with dark fills (contrast 6.3:1 to 12.4:1, WCAG AA asks 4.5:1) and dark text
on a light background (15.9:1); docs/terminal.md has the figures.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import pygame

from hw.fonts import font_path

from .flow import FlowState, Phase
from .info import CounterInfo, initials
from .layout import DESIGN_H, DESIGN_W, Button

BG = (246, 245, 240)
INK = (26, 26, 26)
MUTED = (80, 80, 80)
NAVY = (13, 50, 110)
WHITE = (255, 255, 255)
FILLS = {"good": (27, 94, 32), "bad": (170, 28, 28), "info": (13, 71, 161), "neutral": (96, 96, 96),
         "star": (13, 50, 110),
         "primary": (13, 50, 110), "key": (255, 255, 255), "chip": (255, 255, 255), "chip_on": (13, 71, 161)}
TEXT_ON = {"key": INK, "chip": INK}
GOLD = (255, 193, 7)


@dataclass
class Scene:
    """Everything one frame shows."""

    state: FlowState
    info: CounterInfo
    buttons: list[Button]
    style: str = "category"
    online: bool = False
    pending: int = 0
    phrases: list[str] = field(default_factory=list)


class Painter:
    """Draws scenes on a surface; fonts are made once per size.

    >>> Painter(screen).draw(scene); pygame.display.flip()
    """

    def __init__(self, surface: pygame.Surface):
        self.surface = surface
        self.sx = surface.get_width() / DESIGN_W
        self.sy = surface.get_height() / DESIGN_H
        self.scale = min(self.sx, self.sy)
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._photos: dict[str, pygame.Surface | None] = {}

    def font(self, size: float, bold: bool = False) -> pygame.font.Font:
        px = max(10, round(size * self.scale))
        key = (px, bold)
        if key not in self._fonts:
            self._fonts[key] = pygame.font.Font(font_path(bold), px)
        return self._fonts[key]

    def r(self, x, y, w, h) -> pygame.Rect:
        """A design-space rectangle on the real screen."""
        return pygame.Rect(round(x * self.sx), round(y * self.sy), round(w * self.sx), round(h * self.sy))

    def draw(self, scene: Scene) -> None:
        self.surface.fill(BG)
        {Phase.IDLE: self.idle, Phase.RATING: self.rating, Phase.COMMENT: self.comment,
         Phase.THANKS: self.thanks}[scene.state.phase](scene)
        for button in scene.buttons:
            self.button(button)

    # -- text -------------------------------------------------------------------------------------

    def text(self, text: str, size: float, color, rect: pygame.Rect, bold: bool = False, align: str = "center",
             min_size: float = 14) -> None:
        """Wrap text into rect, shrinking the font until it fits; centred vertically."""
        while True:
            font = self.font(size, bold)
            lines = wrap(text, font, rect.width)
            height = len(lines) * font.get_linesize()
            if height <= rect.height or size <= min_size:
                break
            size -= 2
        y = rect.centery - height // 2
        for line in lines:
            img = font.render(line, True, color)
            x = {"center": rect.centerx - img.get_width() // 2, "left": rect.x}[align]
            self.surface.blit(img, (x, y))
            y += font.get_linesize()

    # -- screens ----------------------------------------------------------------------------------

    def header(self, title: str, subtitle: str, height: float = 130) -> None:
        pygame.draw.rect(self.surface, NAVY, self.r(0, 0, DESIGN_W, height))
        self.text(title, 34, WHITE, self.r(16, 6, DESIGN_W - 32, height * 0.5), bold=True)
        self.text(subtitle, 24, WHITE, self.r(16, height * 0.55, DESIGN_W - 32, height * 0.4))

    def idle(self, scene: Scene) -> None:
        info = scene.info
        pygame.draw.rect(self.surface, NAVY, self.r(0, 0, DESIGN_W, 110))
        self.text(info.label.upper(), 46, WHITE, self.r(16, 4, 300, 102), bold=True, align="left")
        self.text(info.department, 28, WHITE, self.r(320, 4, DESIGN_W - 336, 102))
        if info.open:
            self.avatar(info, self.r(40, 140, 250, 250))
            self.text("Cán bộ tiếp nhận / Officer", 22, MUTED, self.r(320, 150, 680, 40), align="left")
            self.text(info.officer_name, 44, INK, self.r(320, 195, 680, 110), bold=True, align="left")
            self.text(info.officer_title, 26, MUTED, self.r(320, 310, 680, 60), align="left")
        else:
            self.text("Quầy chưa có cán bộ làm việc", 36, INK, self.r(40, 170, DESIGN_W - 80, 80), bold=True)
            self.text("No officer at this counter now", 24, MUTED, self.r(40, 250, DESIGN_W - 80, 50))
        if not scene.buttons:                  # never reached the server: no options to offer yet
            self.text("Máy đánh giá đang kết nối, xin vui lòng chờ — Connecting, please wait", 28, MUTED,
                      self.r(40, 440, DESIGN_W - 80, 110))
        self.status(scene)

    def rating(self, scene: Scene) -> None:
        offer = scene.state.offer
        if offer and offer.label:
            sub = f"Số thứ tự {offer.label} · {scene.info.label}  —  Please rate our service"
        else:
            sub = f"{scene.info.label}  —  Please rate our service"
        self.header("Mời ông/bà đánh giá mức độ hài lòng", sub)

    def comment(self, scene: Scene) -> None:
        choice = scene.state.choice
        title = ("Ý kiến góp ý của ông/bà" if choice and choice.value == "suggestion"
                 else "Xin ông/bà cho biết lý do")
        pygame.draw.rect(self.surface, NAVY, self.r(0, 0, DESIGN_W, 64))
        self.text(title, 30, WHITE, self.r(16, 4, 640, 56), bold=True, align="left")
        self.text("Chọn ý có sẵn hoặc gõ ý kiến — Pick or type a comment", 18, WHITE,
                  self.r(660, 4, DESIGN_W - 676, 56))
        box = self.r(16, 194, DESIGN_W - 32, 54)
        pygame.draw.rect(self.surface, WHITE, box, border_radius=8)
        pygame.draw.rect(self.surface, NAVY, box, width=max(2, round(3 * self.scale)), border_radius=8)
        typed = scene.state.comment
        inner = box.inflate(-24, -8)
        if typed:
            self.text(_tail(typed, self.font(26), inner.width - 20) + "▏", 26, INK, inner, align="left")
        else:
            self.text("Gõ kiểu Telex: aa→â, ow→ơ, dd→đ, s sắc, f huyền, r hỏi, x ngã, j nặng", 18, MUTED,
                      inner, align="left")

    def thanks(self, scene: Scene) -> None:
        c = self.r(DESIGN_W / 2 - 80, 70, 160, 160)
        pygame.draw.circle(self.surface, FILLS["good"], c.center, c.width // 2)
        w = max(6, round(14 * self.scale))
        pts = [(c.x + c.width * 0.27, c.y + c.height * 0.52), (c.x + c.width * 0.44, c.y + c.height * 0.68),
               (c.x + c.width * 0.74, c.y + c.height * 0.34)]
        polyline(self.surface, WHITE, pts, w)
        self.text("Xin cảm ơn ông/bà!", 52, INK, self.r(40, 260, DESIGN_W - 80, 80), bold=True)
        self.text("Ý kiến của ông/bà đã được ghi nhận.", 30, INK, self.r(40, 350, DESIGN_W - 80, 50))
        self.text("Thank you for your feedback.", 24, MUTED, self.r(40, 405, DESIGN_W - 80, 40))

    def status(self, scene: Scene) -> None:
        """A small line for the technician: link state and ratings waiting in the outbox."""
        if scene.online:
            msg, color = "● Đã kết nối máy chủ", FILLS["good"]
        else:
            msg, color = "● Đang kết nối lại — đánh giá vẫn được lưu", FILLS["bad"]
        if scene.pending:
            msg += f" · {scene.pending} đánh giá chờ gửi"
        self.text(msg, 16, color, self.r(16, 572, DESIGN_W - 32, 24), align="left")

    def avatar(self, info: CounterInfo, rect: pygame.Rect) -> None:
        photo = self._photo(info.photo, rect.size) if info.photo else None
        if photo is not None:
            self.surface.blit(photo, rect)
            return
        pygame.draw.circle(self.surface, (200, 214, 232), rect.center, rect.width // 2)
        pygame.draw.circle(self.surface, NAVY, rect.center, rect.width // 2, max(2, round(4 * self.scale)))
        img = self.font(80, True).render(initials(info.officer_name), True, NAVY)
        self.surface.blit(img, img.get_rect(center=rect.center))

    def _photo(self, path: str, size) -> pygame.Surface | None:
        if path not in self._photos:
            try:
                self._photos[path] = pygame.transform.smoothscale(pygame.image.load(path), size)
            except (pygame.error, OSError):
                self._photos[path] = None         # a broken photo falls back to the initials
        return self._photos[path]

    # -- buttons and icons ------------------------------------------------------------------------

    def button(self, b: Button) -> None:
        rect = pygame.Rect(b.rect.x, b.rect.y, b.rect.w, b.rect.h)
        fill, ink = FILLS.get(b.kind, FILLS["neutral"]), TEXT_ON.get(b.kind, WHITE)
        radius = max(6, round(14 * self.scale))
        pygame.draw.rect(self.surface, fill, rect, border_radius=radius)
        if b.kind in ("key", "chip"):
            pygame.draw.rect(self.surface, (120, 120, 120), rect, width=2, border_radius=radius)
        if b.action == "key":
            self.text(b.label, 32 if len(b.label) == 1 else 22, ink, rect, bold=len(b.label) == 1)
        elif b.action == "choose":
            self.option_button(b, rect, ink)
        elif b.action == "phrase":
            self.text(("✓ " if b.kind == "chip_on" else "") + b.label, 20, ink, rect.inflate(-12, -4))
        else:
            self.labelled(b, rect, ink)

    def labelled(self, b: Button, rect: pygame.Rect, ink) -> None:
        if b.icon == "backspace":
            self.text("⌫ " + b.label, 24, ink, rect)
            return
        big = b.kind == "primary" and b.action == "start"
        top = rect.inflate(-16, 0)
        top.height = rect.height * (0.6 if b.label_en else 1)
        self.text(b.label, 34 if big else 24, ink, top, bold=True)
        if b.label_en:
            low = pygame.Rect(rect.x, rect.y + rect.height * 0.58, rect.width, rect.height * 0.36)
            self.text(b.label_en, 22 if big else 16, ink, low)

    def option_button(self, b: Button, rect: pygame.Rect, ink) -> None:
        wide = rect.width > rect.height * 1.6
        if wide:                                  # icon left, labels right
            icon = pygame.Rect(rect.x + 12, rect.y + 10, rect.height - 20, rect.height - 20)
            words = pygame.Rect(icon.right + 12, rect.y + 6, rect.right - icon.right - 24, rect.height - 12)
            self.text(b.label, 26, ink, pygame.Rect(words.x, words.y, words.width, words.height * 0.66),
                      bold=True, align="left")
            self.text(b.label_en, 17, ink, pygame.Rect(words.x, words.y + words.height * 0.66, words.width,
                                                       words.height * 0.34), align="left")
        else:                                     # icon on top, labels below
            side = min(rect.width - 30, rect.height * 0.5)
            icon = pygame.Rect(0, 0, side, side)
            icon.midtop = (rect.centerx, rect.y + rect.height * 0.08)
            words = pygame.Rect(rect.x + 8, icon.bottom + 8, rect.width - 16, rect.bottom - icon.bottom - 16)
            self.text(b.label, 28, ink, pygame.Rect(words.x, words.y, words.width, words.height * 0.62), bold=True)
            self.text(b.label_en, 18, ink, pygame.Rect(words.x, words.y + words.height * 0.62, words.width,
                                                       words.height * 0.38))
        draw_icon(self.surface, b.icon, icon, ink)


def draw_icon(surface: pygame.Surface, name: str, rect: pygame.Rect, color) -> None:
    """Simple line icons: faces, heart, clock, speech bubble, stars."""
    if name.startswith("star"):
        _stars(surface, int(name[4:] or 1), rect)
    elif name in ("smile", "grin", "frown"):
        _face(surface, name, rect, color)
    elif name == "heart":
        _heart(surface, rect.inflate(-rect.width * 0.1, -rect.height * 0.16), color)
    elif name == "clock":
        _clock(surface, rect, color)
    elif name == "bubble":
        _bubble(surface, rect, color)


def _width(rect: pygame.Rect) -> int:
    return max(3, rect.width // 16)


def _face(surface, kind: str, rect: pygame.Rect, color) -> None:
    w = _width(rect)
    pygame.draw.circle(surface, color, rect.center, rect.width // 2, w)
    for dx in (-0.17, 0.17):
        pygame.draw.circle(surface, color, (rect.centerx + dx * rect.width, rect.y + rect.height * 0.38),
                           max(3, rect.width // 14))
    mouth = pygame.Rect(0, 0, rect.width * 0.5, rect.height * 0.34)
    if kind == "frown":
        mouth.midtop = (rect.centerx, rect.y + rect.height * 0.62)
        polyline(surface, color, _arc_points(mouth, 20, 160), w)
    else:
        mouth.midbottom = (rect.centerx, rect.y + rect.height * 0.78)
        if kind == "grin":
            pygame.draw.polygon(surface, color, _half_disc(mouth))
        else:
            polyline(surface, color, _arc_points(mouth, 200, 340), w)


def _half_disc(rect: pygame.Rect) -> list[tuple[float, float]]:
    cy = rect.y + rect.height * 0.3
    return [(rect.centerx + math.cos(a) * rect.width / 2, cy + math.sin(a) * rect.height * 0.7)
            for a in [math.radians(d) for d in range(0, 181, 10)]]


def _heart(surface, rect: pygame.Rect, color) -> None:
    r = rect.width / 4
    pygame.draw.circle(surface, color, (rect.x + r, rect.y + r), r)
    pygame.draw.circle(surface, color, (rect.right - r, rect.y + r), r)
    pygame.draw.polygon(surface, color, [(rect.x + r * 0.1, rect.y + r * 1.35), (rect.right - r * 0.1, rect.y + r * 1.35),
                                         (rect.centerx, rect.bottom), ])
    pygame.draw.circle(surface, color, (rect.centerx, rect.y + r * 1.3), r * 0.8)


def _arc_points(rect: pygame.Rect, start: float, stop: float) -> list[tuple[float, float]]:
    """Points of an ellipse arc, angles in degrees counter-clockwise from 3 o'clock (pygame's convention)."""
    return [(rect.centerx + math.cos(math.radians(a)) * rect.width / 2,
             rect.centery - math.sin(math.radians(a)) * rect.height / 2) for a in range(int(start), int(stop) + 1, 5)]


def polyline(surface, color, points, width: int) -> None:
    """A thick line with round joints (pygame's own thick lines and arcs leave gaps)."""
    for a, b in zip(points, points[1:]):
        pygame.draw.line(surface, color, a, b, width)
    for p in points:
        pygame.draw.circle(surface, color, p, width / 2)


def _clock(surface, rect: pygame.Rect, color) -> None:
    w = _width(rect)
    pygame.draw.circle(surface, color, rect.center, rect.width // 2, w)
    pygame.draw.line(surface, color, rect.center, (rect.centerx, rect.y + rect.height * 0.2), w)
    pygame.draw.line(surface, color, rect.center, (rect.x + rect.width * 0.75, rect.centery), w)


def _bubble(surface, rect: pygame.Rect, color) -> None:
    w = _width(rect)
    body = pygame.Rect(rect.x, rect.y + rect.height * 0.1, rect.width, rect.height * 0.62)
    pygame.draw.rect(surface, color, body, w, border_radius=rect.width // 6)
    pygame.draw.polygon(surface, color, [(rect.x + rect.width * 0.25, body.bottom - 2),
                                         (rect.x + rect.width * 0.2, rect.bottom),
                                         (rect.x + rect.width * 0.45, body.bottom - 2)])
    for dx in (-0.22, 0, 0.22):
        pygame.draw.circle(surface, color, (body.centerx + dx * rect.width, body.centery), max(3, rect.width // 16))


def _stars(surface, n: int, rect: pygame.Rect) -> None:
    """n gold stars on the button: one big one for the count, small ones in a row for the total."""
    big = rect.inflate(-rect.width * 0.25, -rect.height * 0.25)
    _star(surface, big.move(0, -rect.height * 0.08), GOLD)
    small = rect.width / 6
    y = rect.bottom - small
    x0 = rect.centerx - n * small / 2
    for i in range(n):
        _star(surface, pygame.Rect(x0 + i * small, y, small * 0.9, small * 0.9), GOLD)


def _star(surface, rect: pygame.Rect, color) -> None:
    cx, cy, outer = rect.centerx, rect.centery, rect.width / 2
    pts = []
    for i in range(10):
        radius = outer if i % 2 == 0 else outer * 0.45
        angle = math.radians(-90 + i * 36)
        pts.append((cx + math.cos(angle) * radius, cy + math.sin(angle) * radius))
    pygame.draw.polygon(surface, color, pts)


def wrap(text: str, font: pygame.font.Font, width: int) -> list[str]:
    """Greedy word wrap; a word longer than the line is cut."""
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if font.size(trial)[0] <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    return lines + [line] if line else lines or [""]


def _tail(text: str, font: pygame.font.Font, width: int) -> str:
    """The end of a long typed text that fits on one line (the cursor stays visible)."""
    while text and font.size(text)[0] > width:
        text = text[1:]
    return text
