"""HallModel: a display shows only its group's counters and calls."""
from display.model import HallModel

from .helpers import MONDAY_8AM


def _model(scene, group):
    state = scene.state(group)
    model = HallModel(flash_seconds=5)
    model.on_snapshot(state.centre, state.me)
    return state, model


def test_model_group_shows_only_its_counters(scene):
    state, model = _model(scene, "A")
    view = model.view(state, MONDAY_8AM, 0.0, True)
    assert [r.number for r in view.counters] == [1, 2, 3, 4, 5, 6, 22, 23]
    assert view.group == "A"


def test_model_group_none_shows_every_counter(scene):
    state, model = _model(scene, None)
    assert len(model.view(state, MONDAY_8AM, 0.0, True).counters) == len(state.centre["counters"])


def test_model_group_ignores_calls_of_other_rooms(scene):
    scene.open(1, 7)
    scene.issue("stp-hotich", 2)
    scene.issue("snnmt-datdai", 1)
    state, model = _model(scene, "A")
    start = len(scene.events)
    scene.act("call_next", 7)          # room B
    scene.act("call_next", 1)          # room A
    calls = []
    for event in scene.events[start:]:
        assert state.apply_event(event)
        calls.append(model.on_event(event, 1.0))
    assert [c.counter for c in calls if c] == [1]
    view = model.view(state, MONDAY_8AM, 2.0, True)
    assert [c.counter for c in view.headline] == [1] and [c.counter for c in view.recent] == [1]


def test_model_group_waiting_lists_departments_of_the_group(scene):
    scene.issue("stp-hotich", 3)
    scene.issue("bhxh-chung", 2)        # not served in room A
    state, model = _model(scene, "A")
    waiting = dict(model.view(state, MONDAY_8AM, 0.0, True).waiting)
    assert waiting["Sở Tư pháp"] == 3
    assert not any("Bảo hiểm" in name for name in waiting)
