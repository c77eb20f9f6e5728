"""Fonts and text for pygame screens: the bundled DejaVu fonts, cached glyph runs, fitted text."""
from __future__ import annotations

from collections import OrderedDict

import pygame

from hw.fonts import font_path

from .layout import ellipsize, fit_font

TEXT_CACHE_BYTES = 24 * 1024 * 1024   # pixels of rendered strings kept (a headline number is ~1 MB);
                                      # bounded by size, not count, so an 8-hour day does not grow memory

FONTS = 48


def quantize(size: float) -> int:
    """Font sizes in use: every pixel up to 24 px, then steps of 4 px (rounded down, so text still fits)."""
    size = max(6, int(size))
    return size if size <= 24 else size - size % 4


class Painter:
    """Draws text with cached fonts and cached rendered strings.

    >>> p = Painter(); p.text(surface, "Mời số 1023", (10, 10), 64, (255, 255, 255), bold=True)
    """

    def __init__(self):
        if not pygame.font.get_init():
            pygame.font.init()
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}     # insertion order: oldest first
        self._texts: OrderedDict = OrderedDict()
        self.cached_bytes = 0

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        """The bundled font at `size` (sizes above 24 px in steps of 4, at most FONTS kept open:
        every open size holds FreeType glyph caches, so fitted sizes must not multiply them)."""
        key = (quantize(size), bold)
        font = self._fonts.get(key)
        if font is None:
            font = self._fonts[key] = pygame.font.Font(font_path(bold), key[0])
            while len(self._fonts) > FONTS:
                self._fonts.pop(next(iter(self._fonts)))
        return font

    def width(self, text: str, size: int, bold: bool = False) -> int:
        return self.font(size, bold).size(text)[0]

    def render(self, text: str, size: int, color, bold: bool = False) -> pygame.Surface:
        key = (text, quantize(size), tuple(color), bold)
        surf = self._texts.get(key)
        if surf is None:
            surf = self.font(size, bold).render(text, True, color)
            self._texts[key] = surf
            self.cached_bytes += _bytes(surf)
            while self.cached_bytes > TEXT_CACHE_BYTES and len(self._texts) > 1:
                self.cached_bytes -= _bytes(self._texts.popitem(last=False)[1])
        else:
            self._texts.move_to_end(key)
        return surf

    def text(self, surface, text: str, pos, size: int, color, bold: bool = False, anchor: str = "topleft"):
        """Blit `text` with its `anchor` ("topleft", "midleft", "center", "midright", …) at `pos`."""
        surf = self.render(text, size, color, bold)
        rect = surf.get_rect(**{anchor: pos})
        surface.blit(surf, rect)
        return rect

    def fitted(self, surface, text: str, rect, size: int, color, bold: bool = False, anchor: str = "midleft"):
        """Text cut with "…" to the width of `rect`, anchored inside it (left, centre or right)."""
        x, y, w, h = rect
        cut = ellipsize(text, w, lambda t: self.width(t, size, bold))
        pos = {"midleft": (x, y + h // 2), "center": (x + w // 2, y + h // 2), "midright": (x + w, y + h // 2)}
        return self.text(surface, cut, pos[anchor], size, color, bold, anchor)

    def shrink_to_fit(self, text: str, width: int, size: int, bold: bool = False) -> int:
        """A font size at which `text` fits `width` whole (numbers are never cut)."""
        return fit_font(text, width, size, lambda t, s: self.width(t, s, bold))


def _bytes(surface) -> int:
    return surface.get_pitch() * surface.get_height()
