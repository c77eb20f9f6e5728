"""With a real server: calls appear on the right group's display, in order, announced once each."""
import pytest

from .live import Officers, make_display, spoken, until


@pytest.fixture
def displays(live_centre):
    made = []

    def make(group="A", **cfg):
        made.append(make_display(live_centre, group, **cfg))
        return made[-1]
    yield make
    for app in made:
        app.close()
        if app.voice:
            app.voice.close()


def test_live_calls_reach_the_right_group_in_order(live_centre, displays):
    officers = Officers(live_centre)
    officers.open(1, 3, 7)
    officers.issue("stp-hotich", 2)
    officers.issue("stc-dkkd", 1)
    officers.issue("snnmt-datdai", 1)
    room_a, room_b = displays("A"), displays("B")
    for counter in (1, 7, 3):
        officers.act("call_next", counter)
    until(room_a, lambda: len(room_a.model.fresh_calls(room_a.monotonic())) == 2)
    until(room_b, lambda: len(room_b.model.fresh_calls(room_b.monotonic())) == 1)
    view_a = room_a.views(room_a.monotonic())
    assert [(c.label, c.counter) for c in view_a.headline] == [("2001", 3), ("1001", 1)]
    assert [c.counter for c in room_b.views(room_b.monotonic()).headline] == [7]
    assert spoken(room_a) == 2 and spoken(room_b) == 1
    assert room_a.frames > 0


def test_live_calls_recall_is_announced_again(live_centre, displays):
    officers = Officers(live_centre)
    officers.open(1)
    officers.issue("stp-hotich", 1)
    app = displays("A")
    officers.act("call_next", 1)
    until(app, lambda: app.model.fresh_calls(app.monotonic()))
    officers.act("recall", 1)
    until(app, lambda: app.model.fresh_calls(app.monotonic())[0].recall)
    assert spoken(app) == 2
    assert app.audio.played[0] == app.audio.played[1]          # the same words, said again


def test_live_calls_voice_off_shows_but_stays_silent(live_centre, displays):
    officers = Officers(live_centre)
    officers.open(2)
    officers.issue("stp-hotich", 1)
    app = displays("A", voice={"enabled": False, "backend": "fake"})
    assert app.voice is None
    officers.act("call_next", 2)
    until(app, lambda: app.model.fresh_calls(app.monotonic()))
