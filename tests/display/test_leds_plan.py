"""LED plan (pure): call blinks, pause shows the symbol, resume shows the number, snapshot is steady."""
from display.leds import LedOp, plan_event, plan_snapshot


def _ops(scene, start, state):
    ops = []
    for event in scene.events[start:]:
        assert state.apply_event(event)
        ops += plan_event(event, state.counters)
    return ops


def test_leds_plan_call_recall_pause_resume(scene):
    scene.open(1)
    scene.issue("stp-hotich", 2)
    state = scene.state()
    start = len(scene.events)
    scene.act("call_next", 1)
    scene.act("recall", 1)
    scene.act("finish", 1)             # the last number stays
    scene.act("pause", 1)
    scene.act("resume", 1)             # no current ticket: blank
    assert _ops(scene, start, state) == [LedOp(1, "call", "1001"), LedOp(1, "call", "1001"), LedOp(1, "pause"),
                                         LedOp(1, "clear")]


def test_leds_plan_absent_and_close_clear(scene):
    scene.open(2)
    scene.issue("stp-hotich", 1)
    scene.act("call_next", 2)
    scene.act("recall", 2)
    state = scene.state()
    start = len(scene.events)
    scene.act("absent", 2)
    scene.act("close_counter", 2)
    assert _ops(scene, start, state) == [LedOp(2, "clear"), LedOp(2, "clear")]


def test_leds_plan_snapshot_sets_every_counter_steady(scene):
    scene.open(1, 2)
    scene.issue("stp-hotich", 1)
    scene.act("call_next", 1)
    scene.act("pause", 2)
    ops = {op.counter: op for op in plan_snapshot(scene.state().counters)}
    assert ops[1] == LedOp(1, "show", "1001") and ops[2] == LedOp(2, "pause") and ops[3] == LedOp(3, "clear")
