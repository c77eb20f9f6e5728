"""Paint a HallView or BoardView on a pygame surface. No decisions here: the view says what.

Colours are chosen for a wall TV seen from afar: white and amber on dark blue, the newest call on
amber when it flashes.
"""
from __future__ import annotations

import pygame

from .board import BoardView
from .layout import HallLayout, hall_layout, headline_rows
from .model import HallView
from .paint import Painter

BG = (10, 28, 61)
PANEL = (20, 48, 96)
PANEL_ALT = (16, 40, 82)
TEXT = (255, 255, 255)
DIM = (170, 190, 220)
AMBER = (255, 196, 0)
DARK = (10, 28, 61)
RED = (220, 53, 69)
GREEN = (60, 200, 120)
PAUSED = (255, 140, 60)
NOTICE_BG = (6, 18, 40)
NOTICE_SPEED = 120      # pixels per second

STATUS_TEXT = {"paused": "Tạm nghỉ", "closed": "—"}


def _box(surface, rect, color, radius=0):
    pygame.draw.rect(surface, color, pygame.Rect(rect), border_radius=radius)


def draw_top(surface, p: Painter, rect, title: str, subtitle: str, clock: str, connected: bool, u: int):
    """The top bar: centre name (and group), the clock, and "Mất kết nối" when offline."""
    x, y, w, h = rect
    _box(surface, rect, PANEL)
    clock_rect = p.text(surface, clock, (w - 2 * u, y + h // 2), int(4 * u), TEXT, True, "midright")
    right = clock_rect.left - 2 * u
    if not connected:
        mark = p.render("● Mất kết nối / Offline", int(2.6 * u), TEXT, True)
        box = mark.get_rect(midright=(right, y + h // 2)).inflate(2 * u, u)
        _box(surface, box, RED, u)
        surface.blit(mark, mark.get_rect(center=box.center))
        right = box.left - 2 * u
    p.fitted(surface, title, (2 * u, y + u // 2, right - 2 * u, h // 2 + u), int(3.4 * u), TEXT, True)
    if subtitle:
        p.fitted(surface, subtitle, (2 * u, y + h // 2 + u // 2, right - 2 * u, h // 2 - u), int(2.4 * u), DIM)


def draw_headline(surface, p: Painter, view: HallView, rect, u: int):
    """The newest call(s) in large type: "Mời số 1023 → Quầy 5", flashing while fresh."""
    _box(surface, rect, PANEL, u)
    if not view.headline:
        p.text(surface, "Xin mời quý ông/bà chờ đến lượt", (rect[0] + rect[2] // 2, rect[1] + rect[3] // 2),
               int(3.6 * u), DIM, False, "center")
        return
    for call, row in zip(view.headline, headline_rows(rect, len(view.headline))):
        _draw_call(surface, p, call, row, view.flash_on and view.flashing, view.flashing, u)


def _draw_call(surface, p: Painter, call, row, lit: bool, fresh: bool, u: int):
    x, y, w, h = row
    inner = pygame.Rect(row).inflate(-2 * u, -u)
    if lit:
        _box(surface, inner, AMBER, u)
    fg = DARK if lit else (AMBER if fresh else TEXT)
    small = max(12, min(int(h * 0.16), 4 * u))
    word = "Mời nhắc lại số" if call.recall else "Mời số"
    p.text(surface, f"{word} / Now calling", (inner.left + 2 * u, inner.top + u), small, fg if lit else DIM)
    big = p.shrink_to_fit(call.label, int(inner.width * 0.55), min(int(h * 0.62), 30 * u), True)
    number = p.text(surface, call.label, (inner.left + 2 * u, inner.bottom - u), big, fg, True, "bottomleft")
    room = inner.right - 2 * u - number.right - 3 * u
    counter_text = "→ " + call.counter_label
    counter_size = p.shrink_to_fit(counter_text, room, min(int(h * 0.34), 11 * u), True)
    p.text(surface, counter_text, (inner.right - 2 * u, inner.bottom - u - big // 10), counter_size, fg, True,
           "bottomright")
    if call.department:
        p.fitted(surface, call.department, (inner.centerx, inner.top + u // 2, inner.width // 2 - 2 * u, small + u),
                 small, fg if lit else DIM, False, "midright")


def draw_recent(surface, p: Painter, view: HallView, rect, u: int):
    """"Vừa gọi": the last calls, newest first, in two columns."""
    x, y, w, h = rect
    _box(surface, rect, PANEL_ALT, u)
    p.text(surface, "Vừa gọi / Recent calls", (x + 2 * u, y + u), int(2.8 * u), DIM, True)
    top = y + 5 * u
    per_col = max(1, (len(view.recent) + 1) // 2)
    row_h = min(6 * u, (y + h - top - u) // per_col)
    col_w = (w - 2 * u) // 2
    for i, call in enumerate(view.recent):
        col, row = divmod(i, per_col)
        cx, cy = x + u + col * col_w, top + row * row_h
        size = int(row_h * 0.6)
        p.text(surface, call.label, (cx + u, cy + row_h // 2), size, AMBER if i == 0 else TEXT, True, "midleft")
        p.text(surface, call.counter_label, (cx + col_w - 2 * u, cy + row_h // 2), size, TEXT, False, "midright")


def draw_counters(surface, p: Painter, view: HallView, lay: HallLayout):
    """The counters table: number, current ticket (or Tạm nghỉ / —) and what the counter does."""
    u, grid = lay.unit, lay.table
    hx, hy, hw, hh = lay.table_head
    for col in range(grid.columns):
        cx = hx + col * grid.cell_w
        head = int(2.3 * u)
        quay = p.shrink_to_fit("Quầy", int(grid.cell_w * COL_TICKET) - 2 * u, head, True)
        p.text(surface, "Quầy", (cx + u, hy + hh // 2), quay, DIM, True, "midleft")
        p.text(surface, "Số", (cx + int(grid.cell_w * COL_TICKET), hy + hh // 2), head, DIM, True, "midleft")
        p.text(surface, "Đơn vị", (cx + int(grid.cell_w * COL_DEPT), hy + hh // 2), head, DIM, True, "midleft")
    for i, row in enumerate(view.counters):
        _draw_counter(surface, p, row, grid.cell(i), grid.font_px, i, u)


COL_TICKET, COL_DEPT = 0.17, 0.45     # where the number and the department columns start in a cell


def _draw_counter(surface, p: Painter, row, cell, font: int, i: int, u: int):
    x, y, w, h = cell
    bg = AMBER if row.fresh else (PANEL if i % 2 == 0 else PANEL_ALT)
    _box(surface, (x + 2, y + 2, w - 4, h - 4), bg, u // 2)
    fg = DARK if row.fresh else TEXT
    number_x, dept_x = x + int(w * COL_TICKET), x + int(w * COL_DEPT)
    label = str(row.number)
    p.text(surface, label, (x + u, y + h // 2), p.shrink_to_fit(label, number_x - x - 2 * u, font, True), fg, True,
           "midleft")
    if row.ticket:
        size = p.shrink_to_fit(row.ticket, dept_x - number_x - u, int(font * 1.15), True)
        p.text(surface, row.ticket, (number_x, y + h // 2), size, DARK if row.fresh else AMBER, True, "midleft")
    else:
        status = STATUS_TEXT.get(row.status, "—")
        color = PAUSED if row.status == "paused" else DIM
        p.fitted(surface, status, (number_x, y, dept_x - number_x - u, h), int(font * 0.8), color)
    dept_w = x + w - dept_x - u
    size = max(int(font * 0.6), p.shrink_to_fit(row.department, dept_w, int(font * 0.78)))
    p.fitted(surface, row.department, (dept_x, y, dept_w, h), size, fg)


CHIP_UNITS = 30         # a waiting chip is at least this many units wide (readable names)
PAGE_SECONDS = 6        # chips that do not fit flip in pages


def chip_page(items, width: int, u: int, now_mono: float, lines: int = 2):
    """The chips shown now, chips per line, and "page/pages" ("" when everything fits)."""
    per_line = max(1, min(width // (CHIP_UNITS * u), -(-len(items) // lines)))
    size = per_line * lines
    pages = max(1, -(-len(items) // size))
    page = int(now_mono // PAGE_SECONDS) % pages
    return items[page * size:(page + 1) * size], per_line, (f"{page + 1}/{pages}" if pages > 1 else "")


def draw_waiting(surface, p: Painter, view: HallView, rect, u: int, now_mono: float = 0.0):
    """Tickets waiting per department, as chips on two lines, paging when there are many."""
    x, y, w, h = rect
    _box(surface, rect, PANEL_ALT, u)
    p.text(surface, "Đang chờ / Waiting", (x + 2 * u, y + u // 2), int(2.4 * u), DIM, True)
    items, per_line, page = chip_page(list(view.waiting), w - 2 * u, u, now_mono)
    if page:
        p.text(surface, page, (x + w - 2 * u, y + u // 2), int(2.2 * u), DIM, False, "topright")
    lines = max(1, -(-len(items) // per_line))
    chip_w, chip_h = (w - 2 * u) // per_line, (h - 4 * u) // max(lines, 2)
    size = max(12, min(int(chip_h * 0.55), int(3.4 * u)))
    for i, (name, count) in enumerate(items):
        line, col = divmod(i, per_line)
        cx, cy = x + u + col * chip_w, y + 3 * u + line * chip_h
        num = p.text(surface, str(count), (cx + chip_w - 2 * u, cy + chip_h // 2), int(size * 1.2), AMBER, True,
                     "midright")
        p.fitted(surface, name, (cx + u, cy, num.left - cx - 2 * u, chip_h), size, TEXT)


def draw_notice(surface, p: Painter, text: str, rect, now_mono: float, u: int):
    """The notice line, scrolling right to left."""
    if not text or rect[3] <= 0:
        return
    x, y, w, h = rect
    _box(surface, rect, NOTICE_BG)
    surf = p.render(text, int(3.6 * u), TEXT)
    span = surf.get_width() + w
    offset = int(now_mono * NOTICE_SPEED) % span
    surface.set_clip(pygame.Rect(rect))
    surface.blit(surf, surf.get_rect(midleft=(x + w - offset, y + h // 2)))
    surface.set_clip(None)


def draw_hall(surface, view: HallView, p: Painter, now_mono: float, lay: HallLayout | None = None) -> HallLayout:
    """One whole hall frame."""
    w, h = surface.get_size()
    lay = lay or hall_layout(w, h, len(view.counters), bool(view.notice))
    u = lay.unit
    surface.fill(BG)
    group = f"Khu vực / Area {view.group}" if view.group and view.group != "all" else ""
    draw_top(surface, p, lay.top, view.title, group, view.clock, view.connected, u)
    draw_headline(surface, p, view, lay.headline, u)
    draw_recent(surface, p, view, lay.recent, u)
    draw_counters(surface, p, view, lay)
    draw_waiting(surface, p, view, lay.waiting, u, now_mono)
    draw_notice(surface, p, view.notice, lay.notice, now_mono, u)
    return lay


SECTION_COLORS = {"result_ready": GREEN, "due_today": AMBER, "overdue": RED}


def draw_board(surface, view: BoardView, p: Painter, now_mono: float = 0.0) -> None:
    """One dossier-board frame: three lists side by side, page numbers, counts per department."""
    w, h = surface.get_size()
    u = max(1, h // 100)
    surface.fill(BG)
    draw_top(surface, p, (0, 0, w, 9 * u), view.title, "Tình trạng giải quyết hồ sơ / Dossier status",
             view.clock, view.connected, u)
    dept_h = 17 * u if view.departments else 0
    col_w = (w - 4 * u) // 3
    for i, section in enumerate(view.sections):
        rect = (u + i * (col_w + u), 10 * u, col_w, h - 12 * u - dept_h)
        _draw_section(surface, p, section, rect, u, view.loaded)
    if view.departments:
        _draw_departments(surface, p, view.departments, (u, h - dept_h - u, w - 2 * u, dept_h), u, now_mono)


def _draw_section(surface, p: Painter, s, rect, u: int, loaded: bool):
    x, y, w, h = rect
    _box(surface, rect, PANEL_ALT, u)
    _box(surface, (x, y, w, 8 * u), SECTION_COLORS[s.key], u)
    p.fitted(surface, s.title, (x + 2 * u, y, w - 14 * u, 5 * u), int(3 * u), DARK, True)
    p.fitted(surface, s.title_en, (x + 2 * u, y + 4 * u, w - 14 * u, 4 * u), int(2 * u), DARK)
    p.text(surface, str(s.total), (x + w - 2 * u, y + 4 * u), int(4.4 * u), DARK, True, "midright")
    if not s.rows:
        msg = "Không có hồ sơ / None" if loaded else "Đang tải… / Loading…"
        p.text(surface, msg, (x + w // 2, y + 14 * u), int(2.6 * u), DIM, False, "center")
    rows_top = y + 9 * u
    row_h = min(8 * u, (h - 13 * u) // max(1, len(s.rows)))
    name_px, sub_px = max(12, int(row_h * 0.40)), max(11, int(row_h * 0.28))
    for i, row in enumerate(s.rows):
        ry = rows_top + i * row_h
        if i % 2:
            _box(surface, (x + u // 2, ry, w - u, row_h), PANEL)
        due = p.text(surface, row.due, (x + w - 2 * u, ry + row_h * 0.3), sub_px, AMBER, True, "midright")
        p.fitted(surface, row.applicant, (x + 2 * u, ry, due.left - x - 4 * u, row_h * 0.6), name_px, TEXT, True)
        p.fitted(surface, f"{row.department} · {row.code}", (x + 2 * u, ry + row_h * 0.55, w - 4 * u, row_h * 0.42),
                 sub_px, DIM)
    if s.pages > 1:
        p.text(surface, f"Trang {s.page}/{s.pages}", (x + w - 2 * u, y + h - 2 * u), int(2.2 * u), DIM, False,
               "midright")


def _draw_departments(surface, p: Painter, departments, rect, u: int, now_mono: float):
    """Per department: results ready · due today · overdue, as chips on two lines, in pages."""
    x, y, w, h = rect
    _box(surface, rect, PANEL, u)
    items, per_line, page = chip_page(list(departments), w - 2 * u, u, now_mono)
    legend = [("Có kết quả", GREEN), ("Hẹn hôm nay", AMBER), ("Quá hạn", RED)]
    lx = x + 2 * u
    for word, color in legend:
        lx = p.text(surface, word, (lx, y + u // 2), int(2 * u), color, True).right + 2 * u
    if page:
        p.text(surface, page, (x + w - 2 * u, y + u // 2), int(2 * u), DIM, False, "topright")
    chip_w, chip_h = (w - 2 * u) // per_line, (h - 4 * u) // 2
    size = max(12, min(int(chip_h * 0.5), int(2.6 * u)))
    for i, (name, ready, due, overdue) in enumerate(items):
        line, col = divmod(i, per_line)
        cx, cy = x + u + col * chip_w, y + 3 * u + line * chip_h
        nx = cx + chip_w - 2 * u
        for value, color in ((overdue, RED), (due, AMBER), (ready, GREEN)):
            nx = p.text(surface, str(value), (nx, cy + chip_h // 2), size, color, True, "midright").left - u
        p.fitted(surface, name, (cx + u, cy, nx - cx - 2 * u, chip_h), size, TEXT)
