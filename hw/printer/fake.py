"""A complete fake printer that answers status queries like a TM-T20 and can fail on purpose."""

from collections.abc import Mapping
from typing import Any

from PIL import Image

from hw.printer.base import Printer, printer_settings
from hw.printer.emulator import FaultControls, PrinterModel
from hw.printer.errors import PrinterNotFound, PrinterTimeout


class FakePrinter(FaultControls, Printer):
    """Records the bytes and images it was sent; every fault a person can cause can be injected.

    Public fault controls (stable: the chaos-day test drives them):

    - ``set_paper_out(out=True)``, ``set_paper_near_end(near=True)``: the paper roll sensor;
    - ``open_cover()`` / ``close_cover()``;
    - ``set_offline(offline=True)``: offline with no cause given;
    - ``press_feed(pressed=True)``: the FEED button held down;
    - ``cutter_error(on=True)``, ``set_error(kind)`` (kind: "cutter", "unrecoverable",
      "auto_recoverable" or None to clear);
    - ``unplug()`` / ``plug()``: the device vanishes (PrinterNotFound) and comes back;
    - ``set_answering(answering)``: connected but silent (PrinterTimeout).

    ``model`` is the printer's state (hw.printer.emulator.PrinterModel); ``sent`` the bytes,
    ``images`` the tickets that went through.

    >>> p = FakePrinter(); p.set_paper_out(True); p.status()
    <PrinterStatus.PAPER_OUT: 'paper_out'>
    >>> p.set_paper_out(False); p.open_cover(); p.status().value
    'cover_open'
    >>> p.close_cover(); p.unplug(); p.status().value
    'not_found'
    >>> p.plug(); p.status().value
    'online'
    """

    def __init__(self, **settings):
        super().__init__(**settings)
        self.sent = bytearray()
        self.images: list[Image.Image] = []
        self.model = PrinterModel()
        self.plugged = True
        self.answering = True
        self.closed = False

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> "FakePrinter":
        """Build from a ``{"backend": "fake", "paper_mm": 58, ...}`` section."""
        return cls(**printer_settings(config))

    def unplug(self) -> None:
        """Simulate a vanished USB device: every operation fails with PrinterNotFound."""
        self.plugged = False

    def plug(self) -> None:
        """Bring the printer back."""
        self.plugged = True

    def print_image(self, image: Image.Image) -> None:
        """Print like a real printer and keep the image when it went through."""
        super().print_image(image)
        self.images.append(self._fit(image))

    def _write(self, data: bytes) -> None:
        self._check_link()
        self.sent += data
        self.model.feed(data)

    def _query(self, command: bytes) -> bytes:
        self._check_link()
        self.sent += command
        return self.model.feed(command)

    def _check_link(self) -> None:
        if not self.plugged:
            raise PrinterNotFound("fake printer unplugged")
        if not self.answering:
            raise PrinterTimeout("fake printer silent")

    def close(self) -> None:
        """Mark closed (kept for assertions)."""
        self.closed = True
