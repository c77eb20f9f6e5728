"""Parse what scanners read: dossier receipt codes, ticket QR links and the CCCD QR (pure).

Bad input raises CodeError with a reason in Vietnamese and English; nothing here touches devices.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime

DEFAULT_DOSSIER_PATTERN = r"(?P<agency>[A-Z0-9]{1,10}(?:\.[A-Z0-9]{1,10}){0,5})-(?P<date>\d{6})-(?P<seq>\d{4})"
DEFAULT_TICKET_PREFIX = "/t/"
TICKET_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
MAX_LENGTH = 512
CCCD_FIELDS = 7


class CodeError(ValueError):
    """A scan that is not a valid code; ``reason_vi`` can be shown, ``reason_en`` logged."""

    def __init__(self, reason_vi: str, reason_en: str):
        super().__init__(reason_en)
        self.reason_vi = reason_vi
        self.reason_en = reason_en


@dataclass(frozen=True)
class CodeConfig:
    """Which codes a centre accepts.

    ``ticket_prefix`` is matched anywhere before the id, so "https://q.example.vn/t/" or just
    "/t/" both work; ``dossier_pattern`` needs the groups agency, date (yyMMdd) and seq.
    """

    dossier_pattern: str = DEFAULT_DOSSIER_PATTERN
    ticket_prefix: str = DEFAULT_TICKET_PREFIX
    max_length: int = MAX_LENGTH


@dataclass(frozen=True)
class DossierCode:
    """A dossier receipt code such as 000.17.22.H56-210531-0001."""

    code: str
    agency: str
    received: date
    seq: int


@dataclass(frozen=True)
class TicketRef:
    """A queue ticket's QR: the link to its live status page."""

    ticket_id: str
    url: str


@dataclass(frozen=True, repr=False)
class CitizenId:
    """The citizen ID card (CCCD) QR; repr masks the numbers (never show them on screens)."""

    id_number: str
    old_id: str
    name: str
    birth_date: date
    sex: str
    address: str
    issue_date: date
    extra: tuple[str, ...] = field(default=())

    def __repr__(self) -> str:
        return f"CitizenId(id_number='{'*' * 8}{self.id_number[-4:]}', name=<hidden>)"


def _clean(text: str, config: CodeConfig) -> str:
    """Strip whitespace and reject empty, over-long or control-character input."""
    text = text.strip()
    if not text:
        raise CodeError("Không đọc được mã (trống)", "empty scan")
    if len(text) > config.max_length:
        raise CodeError("Mã quá dài", f"scan longer than {config.max_length} characters")
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise CodeError("Mã chứa ký tự không hợp lệ", "scan contains control characters")
    return text


def _date(text: str, fmt: str, what: str) -> date:
    """Parse a date or raise CodeError naming the field."""
    try:
        return datetime.strptime(text, fmt).date()
    except ValueError:
        raise CodeError(f"Ngày không hợp lệ ({what})", f"invalid date in {what}: {text!r}") from None


def parse_dossier(text: str, config: CodeConfig = CodeConfig()) -> DossierCode:
    """A dossier receipt code: agency id, yyMMdd received date, 4-digit daily counter."""
    text = _clean(text, config).upper()
    match = re.fullmatch(config.dossier_pattern, text)
    if not match:
        raise CodeError("Không phải mã hồ sơ", f"not a dossier code: {text[:40]!r}")
    received = _date("20" + match["date"], "%Y%m%d", "dossier code")
    return DossierCode(text, match["agency"], received, int(match["seq"]))


def parse_ticket(text: str, config: CodeConfig = CodeConfig()) -> TicketRef:
    """A ticket status link ``<server><prefix><ticket-id>``."""
    text = _clean(text, config)
    head, sep, ticket_id = text.rpartition(config.ticket_prefix)
    if not sep or not TICKET_ID.fullmatch(ticket_id):
        raise CodeError("Không phải mã phiếu", f"not a ticket link: {text[:40]!r}")
    if head and not re.fullmatch(r"https?://[^\s/]+(/[^\s]*)?", head):
        raise CodeError("Không phải mã phiếu", f"not a ticket link: {text[:40]!r}")
    return TicketRef(ticket_id, text)


def parse_cccd(text: str, config: CodeConfig = CodeConfig()) -> CitizenId:
    """The CCCD QR: id|old id|name|birth ddmmyyyy|sex|address|issue ddmmyyyy[|more]."""
    parts = _clean(text, config).split("|")
    if len(parts) < CCCD_FIELDS or len(parts) > CCCD_FIELDS + 5:
        raise CodeError("Không phải mã QR căn cước", f"CCCD QR needs 7 fields, got {len(parts)}")
    id_number, old_id, name, birth, sex, address, issued, *extra = (p.strip() for p in parts)
    if not re.fullmatch(r"\d{12}", id_number):
        raise CodeError("Số căn cước không hợp lệ", "CCCD number must be 12 digits")
    if old_id and not re.fullmatch(r"\d{9}", old_id):
        raise CodeError("Số CMND cũ không hợp lệ", "old ID number must be 9 digits")
    if not name:
        raise CodeError("Thiếu họ tên", "name is empty")
    return CitizenId(id_number, old_id, name, _date(birth, "%d%m%Y", "date of birth"), sex,
                     address, _date(issued, "%d%m%Y", "issue date"), tuple(extra))


def parse_scan(text: str, config: CodeConfig = CodeConfig()) -> DossierCode | TicketRef | CitizenId:
    """Recognise any supported code; CodeError("unrecognised") if none fits."""
    text = _clean(text, config)
    if "|" in text:
        return parse_cccd(text, config)
    if config.ticket_prefix in text:
        return parse_ticket(text, config)
    return parse_dossier(text, config)
