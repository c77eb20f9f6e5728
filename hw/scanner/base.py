"""The scanner interface: every backend delivers ``Scan`` items to one inbox."""

from collections.abc import Callable
from dataclasses import dataclass

from hw.codes import CitizenId, CodeConfig, CodeError, DossierCode, TicketRef, parse_scan
from hw.reader import InputDevice


@dataclass(frozen=True)
class Scan:
    """One read: the raw text and either the parsed code or the reason it was rejected."""

    raw: str
    code: DossierCode | TicketRef | CitizenId | None
    error: CodeError | None

    @property
    def ok(self) -> bool:
        """True when the scan is a recognised code."""
        return self.error is None


def make_scan(raw: str, codes: CodeConfig) -> Scan:
    """Parse ``raw``; a bad code becomes a Scan with an error, never an exception."""
    try:
        return Scan(raw, parse_scan(raw, codes), None)
    except CodeError as err:
        return Scan(raw, None, err)


class Scanner(InputDevice[Scan]):
    """Delivers scans to ``get()`` and to ``on_scan``; backends call ``deliver(text)``.

    >>> s = FakeScanner(); s.scan("H12.22-231012-0001"); s.get(0).code.seq   # doctest: +SKIP
    1
    """

    def __init__(self, on_scan: Callable[[Scan], None] | None = None,
                 codes: CodeConfig = CodeConfig()):
        super().__init__(on_scan)
        self.codes = codes

    def deliver(self, raw: str) -> None:
        """Parse and queue one scan."""
        self.inbox.put(make_scan(raw, self.codes))

    def deliver_error(self, raw: str, reason_vi: str, reason_en: str) -> None:
        """Queue a read the transport already knows is bad (undecodable, over-long)."""
        self.inbox.put(Scan(raw, None, CodeError(reason_vi, reason_en)))

