"""The dossier status board's model: three lists in pages that flip by themselves.

Pure. `load(data)` takes the answer of the server's `dossier_board` action; a `dossier.updated`
event marks the board stale so the app fetches it again (at most every `min_refetch` seconds, so
an import of hundreds of dossiers costs one fetch, not hundreds). Names arrive masked by the server
("Nguyễn V. A."); the board never sees a full name or a phone number.
"""
from __future__ import annotations

from dataclasses import dataclass

from .vntext import clock_text

SECTIONS = (("result_ready", "Đã có kết quả — mời nhận", "Results ready to collect"),
            ("due_today", "Hẹn trả hôm nay", "Due today"),
            ("overdue", "Quá hạn — xin lỗi công dân", "Overdue"))


@dataclass(frozen=True)
class BoardRow:
    code: str
    applicant: str
    department: str
    due: str            # dd/mm/yyyy


@dataclass(frozen=True)
class BoardSection:
    key: str
    title: str
    title_en: str
    total: int
    page: int           # 1-based page shown
    pages: int
    rows: tuple[BoardRow, ...]


@dataclass(frozen=True)
class BoardView:
    title: str
    sections: tuple[BoardSection, ...]
    departments: tuple[tuple[str, int, int, int], ...]   # name, ready, due today, overdue
    clock: str
    connected: bool
    loaded: bool


def _row(item: dict) -> BoardRow:
    due = item.get("due_at", "")[:10]
    day = f"{due[8:10]}/{due[5:7]}/{due[:4]}" if len(due) == 10 else due
    return BoardRow(item.get("code", ""), item.get("applicant", ""), item.get("department", ""), day)


class BoardModel:
    """Pages through the board's lists.

    >>> board = BoardModel(rows_per_page=12, page_seconds=8)
    >>> board.load(client.call("dossier_board"), now_mono)
    >>> board.view(title, local_now, now_mono, connected=True).sections[0].rows
    """

    def __init__(self, rows_per_page: int = 12, page_seconds: float = 8.0, min_refetch: float = 2.0):
        self.rows_per_page = rows_per_page
        self.page_seconds = page_seconds
        self.min_refetch = min_refetch
        self.lists: dict[str, list[BoardRow]] = {key: [] for key, _, _ in SECTIONS}
        self.departments: tuple = ()
        self.loaded_at: float | None = None
        self.stale = True
        self._page_start = 0.0

    def load(self, data: dict, now_mono: float) -> None:
        """Take a fresh `dossier_board` answer; the page cycle goes on where it was."""
        self.lists = {key: [_row(i) for i in data.get(key, [])] for key, _, _ in SECTIONS}
        self.departments = tuple((d.get("name", d.get("department_id", "")), int(d.get("result_ready") or 0),
                                  int(d.get("due_today") or 0), int(d.get("overdue") or 0))
                                 for d in data.get("departments", []))
        if self.loaded_at is None:
            self._page_start = now_mono
        self.loaded_at = now_mono
        self.stale = False

    def on_event(self, event: dict) -> bool:
        """A dossier changed: the board is stale. True when the event concerns the board."""
        if event.get("type") == "dossier.updated":
            self.stale = True
            return True
        return False

    def needs_fetch(self, now_mono: float, refresh_seconds: float) -> bool:
        """Fetch now? When stale (not more often than `min_refetch`) or every `refresh_seconds`."""
        if self.loaded_at is None:
            return True
        age = now_mono - self.loaded_at
        return (self.stale and age >= self.min_refetch) or age >= refresh_seconds

    def page_index(self, now_mono: float) -> int:
        return int((now_mono - self._page_start) // self.page_seconds)

    def view(self, title: str, local_now, now_mono: float, connected: bool) -> BoardView:
        tick = self.page_index(now_mono)
        sections = tuple(self._section(key, vi, en, tick) for key, vi, en in SECTIONS)
        return BoardView(title, sections, self.departments, clock_text(local_now), connected,
                         self.loaded_at is not None)

    def _section(self, key: str, title: str, title_en: str, tick: int) -> BoardSection:
        rows = self.lists[key]
        pages = max(1, -(-len(rows) // self.rows_per_page))
        page = tick % pages
        chunk = rows[page * self.rows_per_page:(page + 1) * self.rows_per_page]
        return BoardSection(key, title, title_en, len(rows), page + 1, pages, tuple(chunk))
