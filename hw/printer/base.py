"""The printer interface: what every backend must provide (``_write``, ``_query``)."""

from abc import ABC, abstractmethod
import logging
import threading
from collections.abc import Mapping
from typing import Any

from PIL import Image

from hw.printer import commands
from hw.printer.errors import PrinterError, PrinterNotFound, PrinterTimeout, fault_for
from hw.printer.status import PrinterStatus, read_status, status_byte, status_command
from hw.printer.ticket import TicketPrint, render_ticket

log = logging.getLogger(__name__)
PAPER_WIDTH_PX = {80: 576, 58: 384}


class Printer(ABC):
    """A raster ticket printer. Backends override ``_write``, ``_query`` and ``close``.

    >>> with FakePrinter(paper_mm=58) as p:     # doctest: +SKIP
    ...     p.print_ticket(ticket)              # raises PaperOut, PrinterNotFound, ...
    """

    def __init__(self, paper_mm: int = 80, cutter: str = "partial", check_status: bool = True,
                 english: bool = False):
        if paper_mm not in PAPER_WIDTH_PX:
            raise ValueError(f"paper width must be 58 or 80 mm, not {paper_mm}")
        self.paper_mm = paper_mm
        self.width_px = PAPER_WIDTH_PX[paper_mm]
        self.cutter = cutter
        self.check_status = check_status
        self.english = english
        self._lock = threading.RLock()
        self._last_error = ""

    def status(self) -> PrinterStatus:
        """Ask DLE EOT 1/2/3/4 and decode; never raises, never says "online" without an answer."""
        try:
            with self._lock:
                state = read_status(self._ask)
                if state is PrinterStatus.NO_ANSWER:     # still taking a job: ask once more
                    state = read_status(self._ask)
                return state
        except _CannotRead:
            return PrinterStatus.UNKNOWN
        except PrinterTimeout:
            return PrinterStatus.NO_ANSWER
        except PrinterNotFound:
            return PrinterStatus.NOT_FOUND
        except PrinterError as exc:              # an unforeseen transport fault: the link is dropped
            if str(exc) != self._last_error:     # logged once, not at every poll
                log.warning("printer status failed: %s", exc)
                self._last_error = str(exc)
            return PrinterStatus.NOT_FOUND

    def _ask(self, n: int) -> int | None:
        """One real-time status question; the byte, or None when the answer is missing or garbled."""
        reply = self._query(status_command(n))
        if reply is None:
            raise _CannotRead()
        return status_byte(reply)

    def print_ticket(self, ticket: TicketPrint) -> None:
        """Render the ticket for this paper width and print it."""
        self.print_image(render_ticket(ticket, self.width_px, english=self.english))

    def print_image(self, image: Image.Image) -> None:
        """Check the printer is ready, then print ``image`` (centred) and cut.

        Safe to call from several threads: a status poll never lands inside a job.
        """
        job = commands.job(self._fit(image), self.cutter, 4 if self.cutter != "none" else 6)
        with self._lock:
            self.ensure_ready()
            self._write(job)

    def ensure_ready(self) -> None:
        """Raise the typed fault that stops printing now; a printer that cannot report passes."""
        if not self.check_status:
            return
        state = self.status()
        fault = fault_for(state)
        if fault is not None:
            raise fault
        if state is PrinterStatus.PAPER_NEAR_END:
            log.warning("printer paper near end")

    def _fit(self, image: Image.Image) -> Image.Image:
        """Centre a narrower image on the paper width; refuse a wider one."""
        if image.width > self.width_px:
            raise ValueError(f"image is {image.width} px wide, paper is {self.width_px} px")
        if image.width == self.width_px:
            return image
        canvas = Image.new("1", (self.width_px, image.height), 1)
        canvas.paste(image.convert("1"), ((self.width_px - image.width) // 2, 0))
        return canvas

    @abstractmethod
    def _write(self, data: bytes) -> None:
        """Send bytes; raise PrinterNotFound / PrinterTimeout on faults."""

    @abstractmethod
    def _query(self, command: bytes) -> bytes | None:
        """Send a real-time status command and return its one-byte reply (b"" if none, None if
        the backend cannot read at all). Bytes left over from earlier are discarded first."""

    def close(self) -> None:
        """Release the connection; safe to call twice."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _CannotRead(Exception):
    """The backend has no way to read status (file, dummy)."""


def printer_settings(config: Mapping[str, Any]) -> dict[str, Any]:
    """The backend-independent settings of a printer config section."""
    keys = ("paper_mm", "cutter", "check_status", "english")
    return {k: config[k] for k in keys if k in config}
