"""Real printers through python-escpos transports (USB, serial, network, file, Dummy)."""

import errno
import inspect
import logging
from collections.abc import Mapping
from typing import Any

from escpos import exceptions as escpos_errors
from escpos import printer as escpos_printer

from hw.printer.base import Printer, printer_settings
from hw.printer.errors import PrinterError, PrinterNotFound, PrinterTimeout

log = logging.getLogger(__name__)
GONE_ERRNOS = {errno.ENODEV, errno.ENOENT, errno.EIO, errno.EPIPE, errno.ECONNRESET,
               errno.ECONNREFUSED, errno.EHOSTUNREACH, errno.ENETUNREACH}


def classify(exc: BaseException) -> PrinterError:
    """Map a transport exception (pyusb, pyserial, socket, escpos) to a typed printer fault."""
    name = type(exc).__name__
    if isinstance(exc, TimeoutError) or "Timeout" in name:
        return PrinterTimeout(str(exc))
    if isinstance(exc, escpos_errors.DeviceNotFoundError) or name == "NoBackendError":
        return PrinterNotFound(str(exc))
    if getattr(exc, "errno", None) in GONE_ERRNOS or getattr(exc, "backend_error_code", 0) == -4:
        return PrinterNotFound(str(exc))
    if isinstance(exc, OSError) or name in ("SerialException", "USBError"):
        return PrinterNotFound(str(exc))
    return PrinterError(f"{name}: {exc}")


class EscposPrinter(Printer):
    """Prints rasters through an ``escpos.printer`` device; reopens it after it vanished.

    ``empty_read_is_eof``: an empty read means the link closed (TCP), not a silent printer.

    >>> from escpos.printer import Network
    >>> p = EscposPrinter(Network("192.168.1.50", timeout=3))   # doctest: +SKIP
    >>> p.status(), p.print_ticket(ticket)                     # doctest: +SKIP
    """

    def __init__(self, device, can_read: bool = True, empty_read_is_eof: bool = False,
                 **settings):
        super().__init__(**settings)
        self.device = device
        self.can_read = can_read
        self.empty_read_is_eof = empty_read_is_eof
        self._open = False
        try:
            self._ensure_open()
        except PrinterNotFound as exc:
            log.warning("printer not found at start, will retry: %s", exc)

    def _ensure_open(self) -> None:
        """Open the transport if it is not open; typed error if the device is absent."""
        if self._open:
            return
        try:
            if "raise_not_found" in inspect.signature(self.device.open).parameters:
                self.device.open(raise_not_found=True)
            else:
                self.device.open()
        except Exception as exc:
            raise classify(exc) from exc
        self._open = True

    def _call(self, fn, *args):
        """Run a transport call. A connection that was open but has died (idle TCP closed by
        the printer, USB re-enumerated) is reopened and the call tried once more."""
        was_open = self._open
        try:
            return self._call_once(fn, *args)
        except PrinterNotFound:
            if not was_open:
                raise
            return self._call_once(fn, *args)

    def _call_once(self, fn, *args):
        """Open if needed and run ``fn``; on a vanished device close it so the next call reopens."""
        self._ensure_open()
        try:
            return fn(*args)
        except Exception as exc:
            fault = classify(exc)
            if isinstance(fault, PrinterNotFound):
                self._drop()
            raise fault from exc

    def _write(self, data: bytes) -> None:
        """Send a job through the transport."""
        self._call(self.device._raw, data)

    def _query(self, command: bytes) -> bytes | None:
        """Send a status command and read the answer (None when the transport cannot read)."""
        if not self.can_read:
            return None
        return self._call(self._ask, command)

    def _ask(self, command: bytes) -> bytes:
        """One status round trip; on TCP an empty read means the printer closed the link."""
        self.device._raw(command)
        reply = bytes(self.device._read() or b"")
        if not reply and self.empty_read_is_eof:
            raise ConnectionResetError(errno.ECONNRESET, "connection closed by the printer")
        return reply

    def _drop(self) -> None:
        """Forget a dead connection without raising."""
        try:
            self.device.close()
        except Exception as exc:
            log.debug("closing dead printer: %s", exc)
        self._open = False

    def close(self) -> None:
        """Close the transport."""
        if self._open:
            self._drop()


def _usb(c: Mapping[str, Any]):
    return escpos_printer.Usb(int(c["vendor_id"]), int(c["product_id"]),
                              timeout=int(c.get("timeout_s", 3) * 1000),
                              in_ep=int(c.get("in_ep", 0x82)), out_ep=int(c.get("out_ep", 0x01)))


def _serial(c: Mapping[str, Any]):
    return escpos_printer.Serial(c["device"], baudrate=int(c.get("baudrate", 9600)),
                                 timeout=float(c.get("timeout_s", 3)))


def _network(c: Mapping[str, Any]):
    return escpos_printer.Network(c["host"], port=int(c.get("port", 9100)),
                                  timeout=float(c.get("timeout_s", 3)))


def _file(c: Mapping[str, Any]):
    return escpos_printer.File(c["device"])


TRANSPORTS = {"usb": (_usb, True), "serial": (_serial, True), "network": (_network, True),
              "file": (_file, False), "dummy": (lambda c: escpos_printer.Dummy(), False)}


def open_escpos(config: Mapping[str, Any]) -> EscposPrinter:
    """An EscposPrinter for a ``{"backend": "usb"|"serial"|"network"|"file"|"dummy", ...}``
    section; ``"can_read": false`` for printers that never answer status queries."""
    build, can_read = TRANSPORTS[config["backend"]]
    try:
        device = build(config)
    except KeyError as exc:
        raise ValueError(f"printer config for {config['backend']!r} needs {exc}") from exc
    return EscposPrinter(device, can_read=config.get("can_read", can_read),
                         empty_read_is_eof=config["backend"] == "network",
                         **printer_settings(config))
