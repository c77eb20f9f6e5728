"""Paints kiosk widgets on a pygame surface with the bundled DejaVu fonts (full Vietnamese coverage).

All decisions about what to show are in `screens`; this module only maps colour roles to colours,
fits text into boxes (`layout.fit_text` with pygame's measurements) and draws.
"""
from __future__ import annotations

from functools import lru_cache

import pygame

from hw.fonts import font_path

from .layout import LINE_SPACING, Box, fit_text
from .screens import Widget

BACKGROUND = (244, 246, 250)
COLORS = {"ink": (17, 24, 39), "muted": (75, 85, 99), "accent": (11, 79, 138), "warn": (185, 28, 28),
          "ok": (21, 128, 61), "light": (255, 255, 255)}
BUTTON_FILL = {"accent": (11, 79, 138), "warn": (185, 28, 28), "ok": (21, 128, 61), "muted": (226, 232, 240),
               "light": (30, 100, 160)}
BUTTON_TEXT = {"muted": COLORS["ink"]}
MIN_TEXT = 16


@lru_cache(maxsize=256)
def font(size: int, bold: bool = False) -> pygame.font.Font:
    """A cached font. pygame.quit() frees every font it made, so the cache empties itself then: a
    font kept past a quit is a dangling pointer, and measuring with it crashed the whole process
    (seen when a kiosk ran after another app had quit pygame). pygame forgets its quit hooks once
    they ran, so the hook is registered again with the first font made after each quit."""
    if not pygame.font.get_init():
        pygame.font.init()
    if not _quit_hook["set"]:
        pygame.register_quit(_forget_fonts)
        _quit_hook["set"] = True
    return pygame.font.Font(font_path(bold), max(MIN_TEXT, size))


_quit_hook = {"set": False}


def _forget_fonts() -> None:
    font.cache_clear()
    _quit_hook["set"] = False


def measure(text: str, size: int, bold: bool = False) -> int:
    return font(size, bold).size(text)[0]


def paint(surface: pygame.Surface, widgets: list[Widget]) -> None:
    """Draw one whole screen."""
    surface.fill(BACKGROUND)
    for widget in widgets:
        PAINTERS[widget.kind](surface, widget)


def _label(surface, w: Widget) -> None:
    if not w.text:
        if w.color == "accent":                    # an empty accent label is a coloured band
            surface.fill(COLORS["accent"], pygame.Rect(*w.box))
        return
    _text(surface, w.text, w.box, w.size, COLORS.get(w.color, COLORS["ink"]), w.bold)


def _button(surface, w: Widget) -> None:
    if w.color == "none":
        return
    rect = pygame.Rect(*w.box)
    radius = max(6, min(rect.h, rect.w) // 8)
    pygame.draw.rect(surface, BUTTON_FILL.get(w.color, BUTTON_FILL["accent"]), rect, border_radius=radius)
    if w.color == "light":
        pygame.draw.rect(surface, COLORS["light"], rect, width=2, border_radius=radius)
    ink = BUTTON_TEXT.get(w.color, COLORS["light"])
    _text(surface, w.text, w.box.inset(max(8, rect.h // 10)), w.size, ink, w.bold)


def _tile(surface, w: Widget) -> None:
    rect = pygame.Rect(*w.box)
    radius = max(8, min(rect.h, rect.w) // 10)
    fill = BUTTON_FILL.get(w.color, BUTTON_FILL["accent"])
    pygame.draw.rect(surface, fill, rect, border_radius=radius)
    ink = BUTTON_TEXT.get(w.color, COLORS["light"])
    inner = w.box.inset(max(10, rect.h // 12))
    sub_h = int(max(MIN_TEXT, w.size * 0.6) * LINE_SPACING) if w.sub else 0
    _text(surface, w.text, Box(inner.x, inner.y, inner.w, inner.h - sub_h), w.size, ink, w.bold)
    if w.sub:
        _text(surface, w.sub, Box(inner.x, inner.y + inner.h - sub_h, inner.w, sub_h), int(w.size * 0.6), ink, False)


def _number(surface, w: Widget) -> None:
    _text(surface, w.text, w.box, w.size, COLORS.get(w.color, COLORS["ink"]), True, min_size=40)


def _text(surface, text: str, box: Box, size: int, color, bold: bool, min_size: int = MIN_TEXT) -> None:
    """Wrap and shrink `text` to fit `box`, centred both ways."""
    fitted = fit_text(text, box, lambda s, z: measure(s, z, bold), max(size, min_size), min_size)
    f = font(fitted.size, bold)
    line_h = int(fitted.size * LINE_SPACING)
    y = box.y + (box.h - line_h * len(fitted.lines)) // 2
    for line in fitted.lines:
        image = f.render(line, True, color)
        surface.blit(image, (box.x + (box.w - image.get_width()) // 2, y + (line_h - image.get_height()) // 2))
        y += line_h


PAINTERS = {"label": _label, "button": _button, "tile": _tile, "number": _number}
