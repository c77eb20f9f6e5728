"""pygame events to presses: a touch arrives as FINGERDOWN and a mouse twin; only one press counts."""
import pygame
import pytest

from satisfaction_terminal.flow import Phase
from satisfaction_terminal.window import handle_events

from .helpers import make_flow


class FakeApp:
    """Just enough of TerminalApp: records touches and presses."""

    def __init__(self):
        self.flow = make_flow()
        self.touches, self.presses = [], []

    def touch(self, x, y, size):
        self.touches.append((round(x), round(y)))

    def press(self, action, arg=None):
        self.presses.append((action, arg))


@pytest.fixture(autouse=True)
def sdl():
    pygame.display.init()
    pygame.display.set_mode((1024, 600))
    pygame.event.clear()
    yield
    pygame.quit()


def test_window_touch_and_its_mouse_twin_make_one_touch():
    app = FakeApp()
    pygame.event.post(pygame.event.Event(pygame.FINGERDOWN, x=0.5, y=0.5, touch_id=1, finger_id=0))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(512, 300), button=1, touch=True))
    assert handle_events(app, (1024, 600), fullscreen=True)
    assert app.touches == [(512, 300)]


def test_window_mouse_click_is_a_touch():
    app = FakeApp()
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(10, 20), button=1, touch=False))
    handle_events(app, (1024, 600), fullscreen=False)
    assert app.touches == [(10, 20)]


def test_window_escape_closes_only_a_windowed_tablet():
    app = FakeApp()
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, unicode=""))
    assert handle_events(app, (1024, 600), fullscreen=True)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, unicode=""))
    assert not handle_events(app, (1024, 600), fullscreen=False)


def test_window_usb_keyboard_types_on_the_comment_screen():
    app = FakeApp()
    app.flow.press("start", now=1.0)
    app.flow.press("choose", "suggestion", now=2.0)
    assert app.flow.phase is Phase.COMMENT
    for key, char in [(pygame.K_a, "a"), (pygame.K_BACKSPACE, ""), (pygame.K_RETURN, "\r")]:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, unicode=char))
    handle_events(app, (1024, 600), fullscreen=True)
    assert app.presses == [("key", "a"), ("backspace", None), ("send", None)]
