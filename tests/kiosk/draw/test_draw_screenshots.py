"""Every screen drawn with SDL's dummy driver, landscape and portrait; screenshots go to docs/screenshots with MOTCUA_SCREENSHOTS=1."""
import pygame
import pytest

from kiosk import draw, screens

from tests.conftest import screenshots_dir

from .scenes import PRINTER_FAULTS, scene

SHOTS = str(screenshots_dir() / "kiosk-{}.png")
SIZES = {"landscape": (1280, 800), "portrait": (800, 1280)}
NAMES = ["attract", "departments", "services", "priority", "confirmation", "not-printed", "dossier",
         "printer-fault", "offline", "closed", "bad-scan", "printing", "issue-timeout"] + PRINTER_FAULTS


@pytest.fixture(scope="module", autouse=True)
def fonts():
    pygame.font.init()
    yield


def _render(name, orientation, lang="vi"):
    width, height = SIZES[orientation]
    flow = scene(name, lang)
    widgets = screens.build(flow, width, height, orientation == "portrait")
    surface = pygame.Surface((width, height))
    draw.paint(surface, widgets)
    return surface, widgets


@pytest.mark.parametrize("orientation", SIZES)
@pytest.mark.parametrize("name", NAMES)
def test_draw_screen_widgets_stay_on_screen(name, orientation):
    surface, widgets = _render(name, orientation)
    width, height = SIZES[orientation]
    for w in widgets:
        assert w.box.x >= 0 and w.box.y >= 0 and w.box.x + w.box.w <= width and w.box.y + w.box.h <= height, w
    assert len(set(surface.get_at((x, y))[:3] for x in range(0, width, 37) for y in range(0, height, 37))) > 2
    suffix = name if orientation == "landscape" else f"{name}-portrait"
    if name in ("attract", "departments", "services", "priority", "confirmation", "not-printed", "dossier",
                "printer-fault", "offline", "closed", "printing", "issue-timeout", *PRINTER_FAULTS) and (
            orientation == "landscape" or name in ("departments", "printer-cover-open")):
        pygame.image.save(surface, SHOTS.format(suffix))


def test_draw_english_screens():
    for name in ("departments", "confirmation", "printer-cover-open"):
        surface, widgets = _render(name, "landscape", "en")
        texts = " ".join(w.text for w in widgets)
        assert "Tiếng Việt" in texts
        pygame.image.save(surface, SHOTS.format(f"{name}-en"))
    assert "Department of Justice" in " ".join(w.text for w in _render("departments", "landscape", "en")[1])


def test_draw_touch_targets_are_finger_sized():
    for name in ("departments", "services", "priority", "dossier"):
        for orientation, (width, height) in SIZES.items():
            _, widgets = _render(name, orientation)
            for w in widgets:
                if w.action and w.action != "start":
                    assert w.box.w >= 120 and w.box.h >= 48, (name, orientation, w.action, w.box)
