"""What a real thermal printer (an Epson TM-T20) does with the bytes it receives: the state behind
the fakes and doubles (pure: no threads, no files).

A real printer acts on ``DLE EOT n`` wherever it appears in the byte stream, even inside raster
image data, and answers it at once with one status byte; ``PrinterModel.feed`` does the same.

    >>> m = PrinterModel(); m.cover_open = True
    >>> m.feed(b"\\x10\\x04\\x01\\x10\\x04\\x02\\x10\\x04\\x04").hex()
    '1e1612'
"""

from dataclasses import dataclass, field

from hw.printer.status import (AUTO_RECOVERABLE_BIT, COVER_OPEN_BIT, CUTTER_BIT, DLE_EOT, ERROR_BIT,
                               FEED_BUTTON_BIT, FEEDING_BIT, FIXED_BITS, OFFLINE_BIT,
                               PAPER_END_STOP_BIT, PAPER_NEAR_END_BITS, PAPER_OUT_BITS,
                               UNRECOVERABLE_BIT)

DRAWER_PIN_BIT = 0x04          # n=1 bit 2: drawer connector pin 3 (high with no drawer: TM-T20 online = 0x16)
ERROR_BITS = {"cutter": CUTTER_BIT, "unrecoverable": UNRECOVERABLE_BIT,
              "auto_recoverable": AUTO_RECOVERABLE_BIT}
CUT = (b"\x1dVA", b"\x1dVB")


@dataclass
class PrinterModel:
    """A printer's state and its real-time status answers.

    paper: "ok" | "near_end" | "out"; error: None | "cutter" | "unrecoverable" | "auto_recoverable".
    ``queries`` lists every DLE EOT n the printer acted on; ``cuts`` counts finished tickets.
    """

    paper: str = "ok"
    cover_open: bool = False
    offline: bool = False
    feed_button: bool = False
    error: str | None = None
    queries: list[int] = field(default_factory=list)
    cuts: int = 0
    _tail: bytes = b""

    @property
    def is_offline(self) -> bool:
        """A printer with an open cover, no paper, an error or a forced offline prints nothing."""
        return (self.offline or self.cover_open or self.paper == "out" or self.error is not None
                or self.feed_button)

    def status_byte(self, n: int) -> int:
        """The answer to DLE EOT n (n = 1, 2, 3 or 4)."""
        if n == 1:
            return (FIXED_BITS | DRAWER_PIN_BIT | (OFFLINE_BIT if self.is_offline else 0)
                    | (FEED_BUTTON_BIT if self.feed_button else 0))
        if n == 2:
            return (FIXED_BITS | (COVER_OPEN_BIT if self.cover_open else 0)
                    | (FEEDING_BIT if self.feed_button else 0)
                    | (PAPER_END_STOP_BIT if self.paper == "out" else 0)
                    | (ERROR_BIT if self.error else 0))
        if n == 3:
            return FIXED_BITS | ERROR_BITS.get(self.error, 0)
        return FIXED_BITS | {"ok": 0, "near_end": PAPER_NEAR_END_BITS, "out": PAPER_OUT_BITS}[self.paper]

    def feed(self, data: bytes) -> bytes:
        """Take received bytes (in any chunking); return the status bytes the printer sends back."""
        stream = self._tail + data
        answers = bytearray()
        start = 0
        while (at := stream.find(DLE_EOT, start)) != -1 and at + 2 < len(stream):
            n = stream[at + 2]
            if 1 <= n <= 4:
                self.queries.append(n)
                answers.append(self.status_byte(n))
            start = at + 2
        self.cuts += sum(stream.count(c) for c in CUT)
        self._tail = _unfinished(stream)
        return bytes(answers)


def _unfinished(stream: bytes) -> bytes:
    """The end of ``stream`` that may begin a DLE EOT n or a cut finished by the next chunk."""
    for prefix in (DLE_EOT, CUT[0][:2], b"\x10", b"\x1d"):
        if stream.endswith(prefix):
            return prefix
    return b""


class FaultControls:
    """The fault-injection methods shared by the fake printer and the device doubles; the
    class using it has ``model`` (a PrinterModel) and ``answering``."""

    model: PrinterModel
    answering: bool = True

    def set_paper_out(self, out: bool = True) -> None:
        """Simulate an empty roll (or a new roll when False)."""
        self.model.paper = "out" if out else "ok"

    def set_paper_near_end(self, near: bool = True) -> None:
        """Simulate the near-end sensor."""
        self.model.paper = "near_end" if near else "ok"

    def open_cover(self) -> None:
        """Open the cover: the printer goes offline (TM-T20 answers 0x1E / 0x16 / 0x12)."""
        self.model.cover_open = True

    def close_cover(self) -> None:
        """Close the cover again."""
        self.model.cover_open = False

    def set_offline(self, offline: bool = True) -> None:
        """Offline with no cause the printer reports."""
        self.model.offline = offline

    def press_feed(self, pressed: bool = True) -> None:
        """Hold (or release) the paper FEED button."""
        self.model.feed_button = pressed

    def cutter_error(self, on: bool = True) -> None:
        """Jam the autocutter (or clear the jam)."""
        self.set_error("cutter" if on else None)

    def set_error(self, kind: str | None) -> None:
        """An error of ``kind`` ("cutter", "unrecoverable", "auto_recoverable"); None clears it."""
        if kind not in (None, *ERROR_BITS):
            raise ValueError(f"unknown printer error {kind!r}")
        self.model.error = kind

    def set_answering(self, answering: bool) -> None:
        """When False, the printer is connected but silent (status questions time out)."""
        self.answering = answering
