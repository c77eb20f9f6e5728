"""Importing dossiers from a one-stop software export (CSV, XLSX, JSON).

Pure: the caller stores `ImportResult.accepted` in one transaction, upserting
by code, so importing the same file twice changes nothing (`diff_against_existing`
shows what an import would change). Every rejected row is reported with its
line and reasons; a file-level problem raises ImportFileError and nothing is
accepted. Within a file, a code seen again with identical data is accepted
once (the repeat's line is listed in `repeated_lines`); with different data the
later row is rejected, naming the first one's line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from zoneinfo import ZoneInfo

from queue_server.centre_calendar import VN_TZ
from queue_server.dossiers.import_fields import (
    Cell,
    FieldProblem,
    cell_text,
    parse_channel,
    parse_datetime,
    parse_level,
    parse_status,
    text_key,
)
from queue_server.dossiers.import_sources import HEADER_SEARCH_LINES, ImportFileError, NumberedRow, rows_for
from queue_server.dossiers.model import Department, Dossier, normalise_code

__all__ = ["DEFAULT_MAPPING", "ImportDiff", "ImportFileError", "ImportResult", "Rejection",
           "diff_against_existing", "import_file"]

DEFAULT_MAPPING: dict[str, tuple[str, ...]] = {
    "code": ("Mã hồ sơ", "Số hồ sơ", "Mã HS"),
    "procedure": ("Tên thủ tục", "Thủ tục", "Tên thủ tục hành chính", "Tên TTHC"),
    "department": ("Đơn vị", "Cơ quan", "Đơn vị giải quyết", "Cơ quan giải quyết"),
    "applicant_name": ("Người nộp", "Chủ hồ sơ", "Tên người nộp", "Người nộp hồ sơ"),
    "applicant_phone": ("Số điện thoại", "Điện thoại", "SĐT"),
    "received_at": ("Ngày tiếp nhận", "Ngày nhận", "Thời gian tiếp nhận"),
    "due_at": ("Ngày hẹn trả", "Hẹn trả", "Ngày hẹn trả kết quả"),
    "level": ("Mức độ", "Mức độ DVC"),
    "channel": ("Hình thức nộp", "Hình thức tiếp nhận", "Kênh nộp"),
    "status": ("Trạng thái", "Tình trạng"),
    "resolved_at": ("Ngày có kết quả", "Ngày hoàn thành", "Ngày kết thúc"),
}
"""Our field → headers it may have in an export (matched by `text_key`)."""

REQUIRED = ("code", "procedure", "department", "received_at", "due_at", "status")
LABELS = {  # field → (Vietnamese, English) names used in reasons
    "code": ("Mã hồ sơ", "code"), "procedure": ("Tên thủ tục", "procedure"),
    "department": ("Đơn vị", "department"), "received_at": ("Ngày tiếp nhận", "received date"),
    "due_at": ("Ngày hẹn trả", "appointment date"), "status": ("Trạng thái", "status"),
    "resolved_at": ("Ngày có kết quả", "resolved date"),
}
_HEADER_SEARCH_ROWS = HEADER_SEARCH_LINES
_CODE_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/")


@dataclass(frozen=True, slots=True)
class Rejection:
    """A row not imported: its line, its code as written (may be empty) and why."""

    line: int
    code: str
    reason_vi: str
    reason_en: str


@dataclass(frozen=True, slots=True)
class ImportResult:
    accepted: list[Dossier]
    rejected: list[Rejection]
    repeated_lines: list[int] = field(default_factory=list)  # identical repeats, accepted once
    unknown_departments: list[str] = field(default_factory=list)  # names to add to department_aliases


@dataclass(frozen=True, slots=True)
class ImportDiff:
    """What applying an import would do to the stored dossiers."""

    new: list[Dossier]
    changed: list[tuple[Dossier, Dossier]]  # (stored, imported)
    unchanged: list[Dossier]


def _mapping(overrides: Mapping[str, str | Sequence[str]] | None) -> dict[str, tuple[str, ...]]:
    merged = dict(DEFAULT_MAPPING)
    for name, headers in (overrides or {}).items():
        if name not in DEFAULT_MAPPING:
            raise ValueError(f"unknown dossier field in column mapping: {name!r}")
        merged[name] = (headers,) if isinstance(headers, str) else tuple(headers)
    return merged


def _columns(header: list[Cell], mapping: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Field → column index, for the fields whose header is present."""
    keys = [text_key(cell_text(h)) for h in header]
    found = {}
    for name, headers in mapping.items():
        wanted = {text_key(h) for h in headers}
        index = next((i for i, k in enumerate(keys) if k in wanted), None)
        if index is not None:
            found[name] = index
    return found


def _find_header(rows: Iterator[NumberedRow], mapping) -> dict[str, int]:
    """Skip title lines until a row holding every required header."""
    best: dict[str, int] = {}
    for _, (_, cells) in zip(range(_HEADER_SEARCH_ROWS), rows):
        columns = _columns(cells, mapping)
        if all(name in columns for name in REQUIRED):
            return columns
        best = max(best, columns, key=len)
    missing = [LABELS[n] for n in REQUIRED if n not in best]
    raise ImportFileError(
        "Thiếu cột bắt buộc: " + ", ".join(vi for vi, _ in missing),
        "missing required columns: " + ", ".join(en for _, en in missing),
    )


def _department_index(departments: Iterable[Department]) -> dict[str, str]:
    index = {}
    for d in departments:
        for name in (d.id, d.name, *d.aliases):
            index[text_key(name)] = d.id
    return index


class _RowParser:
    """Turns the cells of one row into a Dossier, collecting every problem."""

    def __init__(self, columns: dict[str, int], departments: dict[str, str], tz: ZoneInfo) -> None:
        self.columns, self.departments, self.tz = columns, departments, tz
        self.unknown_departments: dict[str, None] = {}     # in the order they were met

    def cell(self, cells: list[Cell], name: str) -> Cell:
        index = self.columns.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    def parse(self, cells: list[Cell]) -> Dossier:
        problems: list[FieldProblem] = []
        values = {name: self._field(cells, name, problems) for name in DEFAULT_MAPPING}
        if not problems:
            problems += _consistency(values)
        if problems:
            raise FieldProblem("; ".join(p.reason_vi for p in problems), "; ".join(p.reason_en for p in problems))
        return Dossier(**{("department_id" if k == "department" else k): v for k, v in values.items()})

    def _field(self, cells: list[Cell], name: str, problems: list[FieldProblem]):
        raw = self.cell(cells, name)
        if name in REQUIRED and not cell_text(raw):
            problems.append(FieldProblem(f"Thiếu {LABELS[name][0].lower()}", f"missing {LABELS[name][1]}"))
            return None
        try:
            return self._parse_field(name, raw)
        except FieldProblem as problem:
            problems.append(problem)
            return None

    def _parse_field(self, name: str, raw: Cell):
        if name in ("received_at", "due_at", "resolved_at"):
            return parse_datetime(raw, self.tz, *LABELS[name]) if cell_text(raw) else None
        parsers = {"status": parse_status, "channel": parse_channel, "level": parse_level,
                   "code": _parse_code, "department": self._department}
        return parsers.get(name, _one_line)(raw)

    def _department(self, raw: Cell) -> str:
        try:
            return self.departments[text_key(cell_text(raw))]
        except KeyError:
            self.unknown_departments[cell_text(raw)] = None
            raise FieldProblem(f"Không tìm thấy đơn vị: '{cell_text(raw)}'",
                               f"unknown department: '{cell_text(raw)}'") from None


def _one_line(raw: Cell) -> str:
    """Free text on one line: exports wrap long procedure names inside quoted cells."""
    return " ".join(cell_text(raw).split())


def _parse_code(raw: Cell) -> str:
    code = normalise_code(cell_text(raw))
    if not set(code) <= _CODE_CHARS:
        raise FieldProblem(f"Mã hồ sơ không hợp lệ: '{cell_text(raw)}'", f"invalid code: '{cell_text(raw)}'")
    return code


def _consistency(v: dict) -> list[FieldProblem]:
    """Cross-field rules, compared by local day (deadlines are judged by day)."""
    problems = []
    received = v["received_at"].date()
    if v["due_at"].date() < received:
        problems.append(FieldProblem(
            f"Ngày hẹn trả ({v['due_at']:%d/%m/%Y}) trước ngày tiếp nhận ({received:%d/%m/%Y})",
            f"appointment date {v['due_at']:%Y-%m-%d} is before received date {received:%Y-%m-%d}"))
    resolved, status = v["resolved_at"], v["status"]
    if resolved is not None and resolved.date() < received:
        problems.append(FieldProblem(
            f"Ngày có kết quả ({resolved:%d/%m/%Y}) trước ngày tiếp nhận ({received:%d/%m/%Y})",
            f"resolved date {resolved:%Y-%m-%d} is before received date {received:%Y-%m-%d}"))
    if resolved is None and not status.is_open:
        problems.append(FieldProblem(f"Trạng thái '{status.label_vi}' cần ngày có kết quả",
                                     f"status '{status.value}' needs a resolved date"))
    if resolved is not None and status.is_open:
        problems.append(FieldProblem(f"Hồ sơ còn đang xử lý ('{status.label_vi}') nhưng có ngày có kết quả",
                                     f"open status '{status.value}' but a resolved date is given"))
    return problems


def import_file(
    data: bytes | str | list,
    fmt: str,
    departments: Iterable[Department],
    mapping: Mapping[str, str | Sequence[str]] | None = None,
    tz: ZoneInfo = VN_TZ,
) -> ImportResult:
    """Parse and validate an export. `fmt` is 'csv', 'xlsx', 'json' or a file name.

    `mapping` overrides DEFAULT_MAPPING per field (field → header or headers).
    Raises ImportFileError when the file as a whole is unusable.
    """
    rows = rows_for(data, fmt)
    columns = _find_header(rows, _mapping(mapping))
    parser = _RowParser(columns, _department_index(departments), tz)
    return _collect(rows, parser)


def _collect(rows: Iterator[NumberedRow], parser: _RowParser) -> ImportResult:
    accepted: dict[str, tuple[int, Dossier]] = {}
    rejected: list[Rejection] = []
    repeated: list[int] = []
    for line, cells in rows:
        if not any(cell_text(c) for c in cells):
            continue  # blank line
        written = cell_text(parser.cell(cells, "code"))
        try:
            dossier = parser.parse(cells)
        except FieldProblem as problem:
            rejected.append(Rejection(line, written, problem.reason_vi, problem.reason_en))
            continue
        first = accepted.get(dossier.code)
        if first is None:
            accepted[dossier.code] = (line, dossier)
        elif first[1] == dossier:
            repeated.append(line)
        else:
            rejected.append(Rejection(line, written, f"Trùng mã hồ sơ với dòng {first[0]} nhưng khác dữ liệu",
                                      f"duplicate code: line {first[0]} has the same code with different data"))
    return ImportResult([d for _, d in accepted.values()], rejected, repeated, list(parser.unknown_departments))


def _comparable(dossier: Dossier) -> Dossier:
    """The imported fields only: history is kept by the queue system, not the export."""
    return replace(dossier, history=())


def diff_against_existing(accepted: Iterable[Dossier], existing_by_code: Mapping[str, Dossier]) -> ImportDiff:
    """Sort an import's dossiers into new / changed / unchanged against stored ones (keyed by code)."""
    diff = ImportDiff([], [], [])
    for dossier in accepted:
        old = existing_by_code.get(normalise_code(dossier.code))
        if old is None:
            diff.new.append(dossier)
        elif _comparable(old) == _comparable(dossier):
            diff.unchanged.append(dossier)
        else:
            diff.changed.append((old, dossier))
    return diff
