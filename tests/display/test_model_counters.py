"""HallModel: the counters table shows number, pause and department; the clock is Vietnamese."""
from display.model import HallModel
from display.vntext import clock_text

from .helpers import MONDAY_8AM


def test_model_counters_paused_and_closed(scene):
    scene.open(1, 2)
    scene.act("pause", 2)
    state = scene.state("A")
    model = HallModel()
    model.on_snapshot(state.centre, state.me)
    rows = {r.number: r for r in model.view(state, MONDAY_8AM, 0.0, True).counters}
    assert rows[2].status == "paused" and rows[2].ticket == ""
    assert rows[3].status == "closed"
    assert rows[1].department == "Sở Tư pháp"


def test_model_counters_finished_ticket_leaves_the_table(scene):
    scene.open(1)
    scene.issue()
    scene.act("call_next", 1)
    scene.act("finish", 1)
    state = scene.state("A")
    model = HallModel()
    model.on_snapshot(state.centre, state.me)
    assert model.view(state, MONDAY_8AM, 0.0, True).counters[0].ticket == ""


def test_model_counters_clock_text_vietnamese():
    assert clock_text(MONDAY_8AM.replace(minute=15)) == "Thứ Hai, 23/11/2026 08:15"
    assert clock_text(MONDAY_8AM.replace(day=29)).startswith("Chủ Nhật, 29/11/2026")
