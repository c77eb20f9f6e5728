"""A complete fake printer that answers status queries and can fail on purpose."""

from collections.abc import Mapping
from typing import Any

from PIL import Image

from hw.printer.base import Printer, printer_settings
from hw.printer.errors import PrinterNotFound, PrinterTimeout

PAPER_OK, PAPER_NEAR_END, PAPER_OUT = 0x12, 0x1E, 0x72


class FakePrinter(Printer):
    """Records the bytes and images it was sent; paper and plug state can be changed.

    >>> p = FakePrinter(); p.set_paper_out(True); p.status()
    <PrinterStatus.PAPER_OUT: 'paper_out'>
    >>> p.unplug(); p.plug(); p.set_paper_out(False); p.status().value
    'online'
    """

    def __init__(self, **settings):
        super().__init__(**settings)
        self.sent = bytearray()
        self.images: list[Image.Image] = []
        self.paper = PAPER_OK
        self.plugged = True
        self.answering = True
        self.closed = False

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> "FakePrinter":
        """Build from a ``{"backend": "fake", "paper_mm": 58, ...}`` section."""
        return cls(**printer_settings(config))

    def set_paper_out(self, out: bool = True) -> None:
        """Simulate an empty roll (or a new roll when False)."""
        self.paper = PAPER_OUT if out else PAPER_OK

    def set_paper_near_end(self, near: bool = True) -> None:
        """Simulate the near-end sensor."""
        self.paper = PAPER_NEAR_END if near else PAPER_OK

    def unplug(self) -> None:
        """Simulate a vanished USB device: every operation fails with PrinterNotFound."""
        self.plugged = False

    def plug(self) -> None:
        """Bring the printer back."""
        self.plugged = True

    def set_answering(self, answering: bool) -> None:
        """When False, the printer is connected but silent (timeouts)."""
        self.answering = answering

    def print_image(self, image: Image.Image) -> None:
        """Print like a real printer and keep the image when it went through."""
        super().print_image(image)
        self.images.append(self._fit(image))

    def _write(self, data: bytes) -> None:
        self._check_link()
        self.sent += data

    def _query(self, command: bytes) -> bytes:
        self._check_link()
        self.sent += command
        return bytes([self.paper])

    def _check_link(self) -> None:
        if not self.plugged:
            raise PrinterNotFound("fake printer unplugged")
        if not self.answering:
            raise PrinterTimeout("fake printer silent")

    def close(self) -> None:
        """Mark closed (kept for assertions)."""
        self.closed = True

