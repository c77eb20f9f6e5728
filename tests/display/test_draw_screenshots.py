"""Rendering smoke tests: the hall and the board drawn off-screen (SDL dummy) and saved to docs/."""
import os

import pygame
import pytest

from display.board import BoardModel
from display.draw import AMBER, draw_board, draw_hall
from display.model import HallModel
from display.paint import Painter

from .helpers import MONDAY_8AM, SCREENSHOTS, Scene, big_config

NOTICE = ("Trung tâm làm việc từ 7h00 đến 11h30 và từ 13h30 đến 17h00, Thứ Hai đến Thứ Sáu. "
          "Quý ông/bà vui lòng giữ phiếu số thứ tự và theo dõi màn hình. / Please keep your ticket.")


@pytest.fixture(scope="module")
def painter():
    pygame.display.init()
    pygame.font.init()
    yield Painter()
    pygame.quit()


def _busy_day(scene, counters):
    """Open counters, issue tickets, call some, pause one: a morning at the centre."""
    config = scene.service.config
    scene.open(*counters)
    for c in counters:
        scene.issue(config.counter(c).services[0], 3)
    for c in counters[:-1]:
        scene.act("call_next", c)
    scene.act("pause", counters[-1])


def _hall(scene, group, fresh_from, now=10.0):
    state = scene.state(group)
    model = HallModel(flash_seconds=6, notice=NOTICE)
    start = len(scene.events)
    model.on_snapshot(state.centre, state.me)
    return state, model, start


def _save(surface, name):
    path = os.path.join(SCREENSHOTS, name)
    pygame.image.save(surface, path)
    return path


def test_draw_screenshots_hall_group(scene, painter):
    _busy_day(scene, [1, 2, 3, 5, 6, 22])
    state, model, start = _hall(scene, "A", 0)
    scene.act("call_next", 1)
    scene.act("call_next", 2)
    for event in scene.events[start:]:
        state.apply_event(event)
        model.on_event(event, 10.0)
    view = model.view(state, MONDAY_8AM.replace(minute=15), 10.1, connected=True)
    surface = pygame.Surface((1920, 1080))
    lay = draw_hall(surface, view, painter, 10.1)
    assert view.flash_on and [c.label for c in view.headline] == ["1004", "1003"]
    hx, hy, _, _ = lay.headline
    assert tuple(surface.get_at((hx + 3 * lay.unit, hy + 3 * lay.unit)))[:3] == AMBER    # lit while flashing
    assert os.path.getsize(_save(surface, "display-hall.png")) > 20_000


def test_draw_screenshots_hall_forty_counters_offline(tmp_path, painter):
    scene = Scene(tmp_path, big_config(44))
    try:
        _busy_day(scene, list(range(1, 45)))
        state, model, _ = _hall(scene, None, 0)
        view = model.view(state, MONDAY_8AM.replace(hour=9, minute=42), 30.0, connected=False)
        assert len(view.counters) == 44
        surface = pygame.Surface((1920, 1080))
        lay = draw_hall(surface, view, painter, 30.0)
        assert lay.table.columns * lay.table.rows >= 44
        _save(surface, "display-hall-40.png")
    finally:
        scene.close()


def test_draw_screenshots_board(painter):
    names = ["Nguyễn V. A.", "Trần T. B.", "Lê H. C.", "Phạm Q. D.", "Hoàng T. M. E.", "Vũ Đ. G."]
    depts = ["Sở Tư pháp", "Sở Xây dựng", "Công an tỉnh", "Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh"]

    def items(prefix, n, day):
        return [{"code": f"000.17.22.H56-2611{day:02d}-{i + 1:04d}", "applicant": names[i % len(names)],
                 "department": depts[i % len(depts)], "due_at": f"2026-11-{day:02d}T00:00:00+07:00"}
                for i in range(n)]
    board = BoardModel(rows_per_page=10)
    board.load({"result_ready": items("R", 17, 20), "due_today": items("D", 5, 23), "overdue": items("O", 3, 18),
                "departments": [{"department_id": d, "name": d, "result_ready": 4, "due_today": 1, "overdue": i}
                                for i, d in enumerate(depts)]}, 0.0)
    view = board.view("Trung tâm Phục vụ hành chính công tỉnh Hòa Bình Xanh", MONDAY_8AM, 1.0, True)
    surface = pygame.Surface((1920, 1080))
    draw_board(surface, view, painter)
    _save(surface, "display-board.png")
    assert view.sections[0].pages == 2
