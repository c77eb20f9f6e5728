"""BoardModel: lists in pages that flip, stale on dossier.updated, fetched again at most so often."""
from display.board import BoardModel

from .helpers import MONDAY_8AM

ITEM = {"code": "000.17.22.H56-261123-0001", "applicant": "Nguyễn V. A.", "department": "Sở Tư pháp",
        "due_at": "2026-11-30T00:00:00+07:00"}


def _data(ready=0, due=0, overdue=0):
    return {"result_ready": [dict(ITEM, code=f"R{i}") for i in range(ready)],
            "due_today": [dict(ITEM, code=f"D{i}") for i in range(due)],
            "overdue": [dict(ITEM, code=f"O{i}") for i in range(overdue)],
            "departments": [{"department_id": "stp", "name": "Sở Tư pháp", "result_ready": ready,
                             "due_today": due, "overdue": overdue}]}


def test_board_pages_flip_every_page_seconds():
    board = BoardModel(rows_per_page=10, page_seconds=8)
    board.load(_data(ready=25, due=3), 100.0)
    first = board.view("T", MONDAY_8AM, 100.0, True).sections
    assert (first[0].page, first[0].pages, len(first[0].rows)) == (1, 3, 10)
    assert first[0].rows[0].code == "R0" and first[0].rows[0].due == "30/11/2026"
    third = board.view("T", MONDAY_8AM, 117.0, True).sections[0]
    assert (third.page, third.rows[0].code, len(third.rows)) == (3, "R20", 5)
    assert board.view("T", MONDAY_8AM, 124.0, True).sections[0].page == 1
    assert board.view("T", MONDAY_8AM, 117.0, True).sections[1].pages == 1


def test_board_pages_masked_names_and_department_counts():
    board = BoardModel()
    board.load(_data(ready=1, overdue=2), 0.0)
    view = board.view("T", MONDAY_8AM, 0.0, True)
    assert view.sections[0].rows[0].applicant == "Nguyễn V. A."
    assert view.departments == (("Sở Tư pháp", 1, 0, 2),)
    assert view.sections[2].title.startswith("Quá hạn")


def test_board_pages_dossier_event_marks_stale_with_debounce():
    board = BoardModel(min_refetch=2.0)
    assert board.needs_fetch(0.0, 120)
    board.load(_data(), 10.0)
    assert not board.needs_fetch(10.5, 120)
    assert board.on_event({"type": "dossier.updated", "data": {}})
    assert not board.on_event({"type": "ticket.called"})
    assert not board.needs_fetch(11.0, 120) and board.needs_fetch(12.0, 120)
    board.load(_data(), 12.0)
    assert not board.needs_fetch(100.0, 120) and board.needs_fetch(132.0, 120)
