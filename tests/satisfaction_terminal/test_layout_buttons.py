"""Button geometry: big enough for elderly fingers, no overlaps, hit-testing at any screen size."""
import itertools

import pytest

from satisfaction_terminal.config import DEFAULT_PHRASES
from satisfaction_terminal.flow import Phase
from satisfaction_terminal.layout import DESIGN_H, DESIGN_W, buttons_for, hit

from .helpers import options

# 7" 800×480 panel: ~6.6 px per mm. 9 mm targets (WCAG 2.5.5 asks 44 CSS px ≈ 9 mm) → 60 px.
MIN_KEY_PX_AT_800 = 60
SCREENS = [(Phase.IDLE, "category"), (Phase.RATING, "category"), (Phase.RATING, "level"),
           (Phase.RATING, "stars"), (Phase.COMMENT, "category")]


def _buttons(phase, style, size=(DESIGN_W, DESIGN_H)):
    return buttons_for(phase, options(style), DEFAULT_PHRASES, [], size)


@pytest.mark.parametrize("phase, style", SCREENS)
def test_layout_buttons_fit_the_screen_and_do_not_overlap(phase, style):
    buttons = _buttons(phase, style)
    for b in buttons:
        assert b.rect.x >= 0 and b.rect.y >= 0
        assert b.rect.x + b.rect.w <= DESIGN_W and b.rect.y + b.rect.h <= DESIGN_H
    for a, b in itertools.combinations(buttons, 2):
        apart = (a.rect.x + a.rect.w <= b.rect.x or b.rect.x + b.rect.w <= a.rect.x or
                 a.rect.y + a.rect.h <= b.rect.y or b.rect.y + b.rect.h <= a.rect.y)
        assert apart, (a.label, b.label)


@pytest.mark.parametrize("phase, style", SCREENS)
def test_layout_every_target_is_large_enough_on_a_7_inch_panel(phase, style):
    for b in _buttons(phase, style, (800, 480)):
        assert min(b.rect.w, b.rect.h) >= MIN_KEY_PX_AT_800 * 0.7, b.label   # keys: ≥ 42 px ≈ 6.4 mm
        if b.action == "choose":
            assert min(b.rect.w, b.rect.h) >= 2 * MIN_KEY_PX_AT_800 * 0.7, b.label


@pytest.mark.parametrize("style, count", [("category", 5), ("level", 3), ("stars", 5)])
def test_layout_rating_screen_shows_every_option(style, count):
    chosen = [b.arg for b in _buttons(Phase.RATING, style) if b.action == "choose"]
    assert chosen == [o.value for o in options(style)] and len(chosen) == count


def test_layout_hit_finds_the_button_under_a_touch_at_any_size():
    for size in [(800, 480), (1024, 600), (1280, 800)]:
        for b in _buttons(Phase.RATING, "level", size):
            x, y = b.rect.x + b.rect.w / 2, b.rect.y + b.rect.h / 2
            assert hit(_buttons(Phase.RATING, "level", size), x, y) == b
    assert hit(_buttons(Phase.RATING, "level"), 5, 5) is None         # the header is not a button


def test_layout_keyboard_has_every_letter_telex_needs():
    keys = {b.arg for b in _buttons(Phase.COMMENT, "category") if b.action == "key"}
    assert set("abcdefghijklmnopqrstuvwxyz ") <= keys
    actions = {b.action for b in _buttons(Phase.COMMENT, "category")}
    assert {"backspace", "send", "back", "phrase"} <= actions


def test_layout_chosen_phrase_is_marked():
    buttons = buttons_for(Phase.COMMENT, options(), DEFAULT_PHRASES, [DEFAULT_PHRASES[1]])
    kinds = {b.arg: b.kind for b in buttons if b.action == "phrase"}
    assert kinds[DEFAULT_PHRASES[1]] == "chip_on" and kinds[DEFAULT_PHRASES[0]] == "chip"
