"""Every screen drawn with the SDL dummy driver and saved as terminal-*.png (docs/screenshots with MOTCUA_SCREENSHOTS=1)."""

import pygame
import pytest

from satisfaction_terminal.config import DEFAULT_PHRASES
from satisfaction_terminal.draw import BG, Painter, Scene
from satisfaction_terminal.info import counter_info
from satisfaction_terminal.layout import buttons_for

from tests.conftest import screenshots_dir

from .helpers import centre, finished, make_flow

SHOTS = screenshots_dir()
OFFICER = {"number": 5, "status": "open", "officer_id": 7, "officer_name": "Hoàng Văn Đức"}


@pytest.fixture(scope="module", autouse=True)
def sdl():
    pygame.display.init()
    pygame.font.init()
    yield
    pygame.quit()


def render(flow, style="category", size=(1024, 600), counter=OFFICER, online=True, pending=0, photos=""):
    surface = pygame.Surface(size)
    info = counter_info(centre(style), counter, 5, {"7": "Công chức một cửa"}, photos)
    s = flow.state
    scene = Scene(s, info, buttons_for(s.phase, flow.options, DEFAULT_PHRASES, s.phrases, size), style,
                  online, pending, DEFAULT_PHRASES)
    Painter(surface).draw(scene)
    return surface


def save(surface, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface, str(SHOTS / f"terminal-{name}.png"))


def ink_share(surface) -> float:
    """Share of sampled pixels that are not background: a blank or half-drawn screen fails."""
    w, h = surface.get_size()
    points = [(x, y) for x in range(0, w, 8) for y in range(0, h, 8)]
    return sum(surface.get_at(p)[:3] != BG for p in points) / len(points)


def test_draw_idle_screen():
    surface = render(make_flow(), pending=2, online=False)
    save(surface, "idle")
    assert 0.15 < ink_share(surface) < 0.8


def test_draw_idle_with_a_photo(tmp_path):
    photo = pygame.Surface((60, 60))
    photo.fill((200, 30, 30))
    pygame.image.save(photo, str(tmp_path / "7.png"))
    surface = render(make_flow(), photos=str(tmp_path))
    assert surface.get_at((165, 265))[:3] == (200, 30, 30)        # the photo fills the avatar box


def test_draw_idle_closed_counter():
    surface = render(make_flow(), counter={"number": 5, "status": "closed", "officer_id": None})
    save(surface, "idle-closed")
    assert ink_share(surface) > 0.1


@pytest.mark.parametrize("style", ["category", "level", "stars"])
def test_draw_rating_screen(style):
    flow = make_flow(style)
    flow.ticket_finished(finished(counter=5), now=1.0)
    surface = render(flow, style)
    save(surface, f"rating-{style}")
    assert ink_share(surface) > 0.5


def test_draw_rating_screen_on_a_7_inch_panel():
    flow = make_flow("category")
    flow.ticket_finished(finished(counter=5), now=1.0)
    surface = render(flow, size=(800, 480))
    save(surface, "rating-800x480")
    assert ink_share(surface) > 0.5


def test_draw_comment_screen_with_keyboard():
    flow = make_flow()
    flow.ticket_finished(finished(counter=5), now=1.0)
    flow.press("choose", "dissatisfied_time", now=2.0)
    flow.press("phrase", "Thời gian chờ lâu", now=3.0)
    for i, key in enumerate("Phair chowf hown mootj tieengs"):
        flow.press("key", key, now=4.0 + i)
    assert flow.state.comment == "Phải chờ hơn một tiếng"
    surface = render(flow)
    save(surface, "comment")
    assert ink_share(surface) > 0.3


def test_draw_thanks_screen():
    flow = make_flow()
    flow.press("start", now=1.0)
    flow.press("choose", "satisfied_service", now=2.0)
    surface = render(flow)
    save(surface, "thanks")
    assert 0.03 < ink_share(surface) < 0.5
