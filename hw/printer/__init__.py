"""Ticket printers: ``open_printer(config)`` → a Printer (ESC/POS backends or the fake)."""

from collections.abc import Mapping
from typing import Any

from hw.backends import choose_backend
from hw.printer.base import Printer
from hw.printer.errors import (AutoRecoverableError, CoverOpen, CutterError, FeedButton, PaperOut,
                               PrinterError, PrinterNotFound, PrinterOffline, PrinterTimeout,
                               UnrecoverableError, fault_for)
from hw.printer.escpos_backend import TRANSPORTS, EscposPrinter, open_escpos
from hw.printer.fake import FakePrinter
from hw.printer.status import PrinterStatus
from hw.printer.ticket import TicketPrint, render_ticket

__all__ = ["AutoRecoverableError", "CoverOpen", "CutterError", "EscposPrinter", "FakePrinter",
           "FeedButton", "PaperOut", "Printer", "PrinterError", "PrinterNotFound", "PrinterOffline",
           "PrinterStatus", "PrinterTimeout", "TicketPrint", "UnrecoverableError", "fault_for",
           "open_printer", "render_ticket"]


def open_printer(config: Mapping[str, Any]) -> Printer:
    """The printer named by ``config["backend"]``: usb, serial, network, file, dummy or fake.

    A real printer that is absent at start is still returned: ``status()`` says NOT_FOUND and
    printing raises PrinterNotFound until it is plugged back; it is never replaced by the fake.
    """
    factories = {name: open_escpos for name in TRANSPORTS}
    factories["fake"] = FakePrinter.from_config
    return choose_backend("printer", config, factories)
