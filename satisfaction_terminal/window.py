"""The pygame window: touches and clicks in, frames out. Kept thin: the app and the flow decide."""
from __future__ import annotations

import logging
from typing import Callable

import pygame

from .draw import Painter
from .flow import Phase

FPS = 20
log = logging.getLogger(__name__)


def open_screen(width: int, height: int, fullscreen: bool) -> pygame.Surface:
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_caption("Đánh giá mức độ hài lòng")
    if fullscreen:
        pygame.mouse.set_visible(False)
        return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
    return pygame.display.set_mode((width, height))


def run_window(app, until: Callable[[], bool] = lambda: False) -> None:
    """Draw and react until the window is closed (Esc closes a windowed tablet)."""
    s = app.settings
    screen = open_screen(s.width, s.height, s.fullscreen)
    painter, ticker = Painter(screen), pygame.time.Clock()
    failing = False
    try:
        while not until() and handle_events(app, screen.get_size(), s.fullscreen):
            try:
                app.step()
                painter.draw(app.scene(screen.get_size()))
                pygame.display.flip()
                failing = False
            except Exception:  # noqa: BLE001 - the window must outlive a bad frame
                if not failing:
                    log.exception("tablet frame failed; retrying")
                failing = True
            ticker.tick(FPS)
    finally:
        pygame.quit()


def handle_events(app, size: tuple[int, int], fullscreen: bool) -> bool:
    """Turn pygame events into presses; False when the app should quit."""
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            return False
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE and not fullscreen:
                return False
            typed_key(app, event)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and not getattr(event, "touch", False):
            app.touch(*event.pos, size)          # a touch also arrives as FINGERDOWN: skip its mouse twin
        elif event.type == pygame.FINGERDOWN:
            app.touch(event.x * size[0], event.y * size[1], size)
    return True


def typed_key(app, event) -> None:
    """A USB keyboard works on the comment screen too (for technicians and tests)."""
    if app.flow.phase is not Phase.COMMENT:
        return
    if event.key == pygame.K_BACKSPACE:
        app.press("backspace")
    elif event.key == pygame.K_RETURN:
        app.press("send")
    elif event.unicode and (event.unicode.isalpha() or event.unicode == " "):
        app.press("key", event.unicode)
