"""Parse what scanners read: dossier receipt codes, ticket QR links and the CCCD QR (pure).

Bad input raises CodeError with a reason in Vietnamese and English; nothing here touches devices.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import SplitResult, parse_qsl, unquote, urlsplit

DEFAULT_DOSSIER_PATTERN = r"(?P<agency>[A-Z0-9]{1,10}(?:\.[A-Z0-9]{1,10}){0,5})-(?P<date>\d{6})-(?P<seq>\d{4})"
DEFAULT_TICKET_PREFIX = "/t/"
TICKET_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
MAX_LENGTH = 512
DOSSIER_PARAMS = ("ma", "mahoso", "mhs", "code", "dossier", "dossiercode", "hoso", "sohoso", "id")
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

    ``ticket_prefix`` is the link's path before the id ("/t/"), or a whole URL whose host must
    then match ("https://q.example.vn/t/"); ``dossier_pattern`` needs the groups agency, date
    (yyMMdd) and seq. ``dossier_params`` are the query parameters a portal's tracking link
    carries a dossier code in (compared without case, "_" or "-": "maHoSo" is "mahoso").
    """

    dossier_pattern: str = DEFAULT_DOSSIER_PATTERN
    ticket_prefix: str = DEFAULT_TICKET_PREFIX
    max_length: int = MAX_LENGTH
    dossier_params: tuple[str, ...] = DOSSIER_PARAMS


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
    """A ticket status link ``<server><prefix><ticket-id>``, as phones and scanners present it:
    any case of scheme and host, a query string or fragment, a trailing slash.

    >>> parse_ticket("HTTPS://Q.Example.vn/t/Ab_9/?lang=en").ticket_id
    'Ab_9'
    """
    text = _clean(text, config)
    prefix, url = urlsplit(config.ticket_prefix), None
    if "://" in text or ":" in text.split("/", 1)[0]:         # a scheme: must be http(s) with a host
        url = _url(text)
        if url is None or (prefix.netloc and url.netloc.lower() != prefix.netloc.lower()):
            raise CodeError("Không phải mã phiếu", f"not a ticket link: {text[:40]!r}")
    path = url.path if url else text.split("?", 1)[0].split("#", 1)[0]
    head, sep, ticket_id = path.rstrip("/").rpartition(prefix.path or DEFAULT_TICKET_PREFIX)
    if not sep or not TICKET_ID.fullmatch(ticket_id) or (head and url is None):
        raise CodeError("Không phải mã phiếu", f"not a ticket link: {text[:40]!r}")
    return TicketRef(ticket_id, text)


def _url(text: str) -> SplitResult | None:
    """``text`` as an http(s) URL with a host (scheme in any case), else None."""
    try:
        url = urlsplit(text)
    except ValueError:
        return None
    if url.scheme.lower() not in ("http", "https") or not url.netloc or " " in text:
        return None
    return url


def parse_portal_link(text: str, config: CodeConfig = CodeConfig()) -> DossierCode:
    """A dossier code inside a web link: the province portal's tracking URL carries it as a
    query parameter (``…?ma=000.17.22.H56-210531-0001``, percent-encoded or not, also after a
    ``#``), or as the last part of the path.

    >>> parse_portal_link("https://dichvucong.tinh.gov.vn/tra-cuu?MaHoSo=000.17.22.H56-210531-0001").seq
    1
    """
    url = _url(_clean(text, config))
    if url is None:
        raise CodeError("Không phải đường dẫn tra cứu hồ sơ", f"not a web link: {text[:40]!r}")
    wanted = {_param_key(name) for name in config.dossier_params}
    params = _params(url)
    candidates = [v for k, v in params if _param_key(k) in wanted] + [v for _, v in params]
    candidates.append(unquote(url.path.rstrip("/").rpartition("/")[2]))
    for value in candidates:
        try:
            return parse_dossier(value, config)
        except CodeError:
            continue
    raise CodeError("Đường dẫn không chứa mã hồ sơ", f"no dossier code in link: {text[:60]!r}")


def _param_key(name: str) -> str:
    return name.lower().replace("_", "").replace("-", "")


def _params(url: SplitResult) -> list[tuple[str, str]]:
    """Query parameters, percent-decoded, from the query and from a ``#…?`` fragment."""
    fragment_query = url.fragment.partition("?")[2] if "?" in url.fragment else url.fragment
    return parse_qsl(url.query) + parse_qsl(fragment_query)


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
    if _url(text) is not None:
        try:
            return parse_ticket(text, config)
        except CodeError:
            return parse_portal_link(text, config)
    if urlsplit(config.ticket_prefix).path in text:
        return parse_ticket(text, config)
    return parse_dossier(text, config)
