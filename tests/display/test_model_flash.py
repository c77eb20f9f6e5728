"""HallModel: new calls flash in the headline; simultaneous calls are all shown, newest first."""
from display.model import HEADLINE_MAX, HallModel

from .helpers import MONDAY_8AM


def _feed(scene, model, state, start):
    for event in scene.events[start:]:
        assert state.apply_event(event)
        model.on_event(event, 10.0)


def test_model_flash_new_call_flashes_then_holds(scene):
    scene.open(1)
    scene.issue()
    state = scene.state("A")
    model = HallModel(flash_seconds=6)
    model.on_snapshot(state.centre, state.me)
    start = len(scene.events)
    scene.act("call_next", 1)
    _feed(scene, model, state, start)
    flashing = model.view(state, MONDAY_8AM, 12.0, True)
    assert flashing.flashing and flashing.headline[0].label == "1001"
    assert flashing.headline[0].counter_label == "Quầy 1"
    assert flashing.counters[0].fresh and flashing.counters[0].ticket == "1001"
    steady = model.view(state, MONDAY_8AM, 16.5, True)
    assert not steady.flashing and not steady.flash_on and steady.headline[0].label == "1001"
    assert not steady.counters[0].fresh


def test_model_flash_simultaneous_calls_all_in_headline(scene):
    scene.open(1, 2, 3)
    scene.issue("stp-hotich", 2)
    scene.issue("stc-dkkd", 1)
    state = scene.state("A")
    model = HallModel()
    model.on_snapshot(state.centre, state.me)
    start = len(scene.events)
    for c in (1, 2, 3):
        scene.act("call_next", c)
    _feed(scene, model, state, start)
    view = model.view(state, MONDAY_8AM, 11.0, True)
    assert [(c.label, c.counter) for c in view.headline] == [("2001", 3), ("1002", 2), ("1001", 1)]
    assert [c.label for c in view.recent] == ["2001", "1002", "1001"]


def test_model_flash_more_calls_than_headline_stay_in_recent(scene):
    scene.open(1, 2, 3, 4, 5, 6)
    scene.issue("stp-hotich", 2)
    scene.issue("stc-dkkd", 2)
    scene.issue("sxd-gplx", 2)
    state = scene.state("A")
    model = HallModel()
    model.on_snapshot(state.centre, state.me)
    start = len(scene.events)
    for c in range(1, 7):
        scene.act("call_next", c)
    _feed(scene, model, state, start)
    view = model.view(state, MONDAY_8AM, 11.0, True)
    assert len(view.headline) == HEADLINE_MAX
    assert sorted(c.counter for c in view.recent) == [1, 2, 3, 4, 5, 6]


def test_model_flash_snapshot_does_not_flash_old_calls(scene):
    scene.open(1)
    scene.issue()
    scene.act("call_next", 1)
    state = scene.state("A")
    model = HallModel()
    model.on_snapshot(state.centre, state.me)
    view = model.view(state, MONDAY_8AM, 0.0, False)
    assert not view.flashing and view.headline[0].label == "1001" and not view.connected
