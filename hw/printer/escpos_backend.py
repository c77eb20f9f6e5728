"""Real printers: USB, network, file and dummy through python-escpos, serial through pyserial.

Every transport error becomes a typed fault (``classify``); a link that failed is closed
(never raising) and reopened on the next call, with a short backoff between failed opens, so a
printer plugged back in is used again within seconds and without a restart.
"""

import errno
import logging
import termios
import time
from collections.abc import Mapping
from typing import Any

from escpos import exceptions as escpos_errors
from escpos import printer as escpos_printer

from hw.printer.base import Printer, printer_settings
from hw.printer.errors import PrinterError, PrinterNotFound, PrinterTimeout
from hw.printer.links import EscposLink, Link, NetworkLink, UsbLink, backoff, link_for
from hw.printer.serial_link import SerialLink

log = logging.getLogger(__name__)
GONE_ERRNOS = {errno.ENODEV, errno.ENOENT, errno.EIO, errno.EPIPE, errno.ECONNRESET,
               errno.ECONNREFUSED, errno.EHOSTUNREACH, errno.ENETUNREACH, errno.EBADF}


def classify(exc: BaseException) -> PrinterError:
    """Map a transport exception (pyusb, pyserial, termios, socket, escpos) to a typed fault."""
    name = type(exc).__name__
    if isinstance(exc, PrinterError):
        return exc
    if isinstance(exc, TimeoutError) or "Timeout" in name:
        return PrinterTimeout(str(exc))
    if isinstance(exc, escpos_errors.DeviceNotFoundError) or name == "NoBackendError":
        return PrinterNotFound(str(exc))
    if getattr(exc, "errno", None) in GONE_ERRNOS or getattr(exc, "backend_error_code", 0) == -4:
        return PrinterNotFound(str(exc))
    if isinstance(exc, (OSError, termios.error)) or name in ("SerialException", "USBError",
                                                            "PortNotOpenError"):
        return PrinterNotFound(f"{name}: {exc}")
    return PrinterError(f"{name}: {exc}")


class EscposPrinter(Printer):
    """Prints rasters through a Link (or a python-escpos device, wrapped); reopens it after it
    vanished, waiting 0.25 s, 0.5 s, 1 s, then 2 s between failed opens.

    >>> from escpos.printer import Network
    >>> p = EscposPrinter(Network("192.168.1.50", timeout=3))   # doctest: +SKIP
    >>> p.status(), p.print_ticket(ticket)                     # doctest: +SKIP
    """

    def __init__(self, link, **settings):
        super().__init__(**settings)
        self.link: Link = link if isinstance(link, Link) else link_for(link)
        self._open = False
        self._failed_opens = 0
        self._next_open = 0.0
        try:
            self._ensure_open()
        except PrinterNotFound as exc:
            log.warning("printer not found at start, will retry: %s", exc)

    @property
    def device(self):
        """The python-escpos device behind the link (Dummy: ``.device.output``)."""
        return getattr(self.link, "device", None)

    def _ensure_open(self) -> None:
        """Open the link if it is not open; typed error if the device is absent (then back off)."""
        if self._open:
            return
        if time.monotonic() < self._next_open:
            raise PrinterNotFound("waiting before trying to open the printer again")
        try:
            self.link.open()
        except Exception as exc:
            self.link.close()
            self._failed_opens += 1
            self._next_open = time.monotonic() + backoff(self._failed_opens)
            raise classify(exc) from exc
        if self._failed_opens:
            log.info("printer is back after %d failed opens", self._failed_opens)
        self._open, self._failed_opens = True, 0

    def _call(self, fn, *args):
        """Run a link call. A link that was open but has died (idle TCP closed by the printer,
        USB re-enumerated) is reopened and the call tried once more."""
        was_open = self._open
        try:
            return self._call_once(fn, *args)
        except PrinterNotFound:
            if not was_open:
                raise
            return self._call_once(fn, *args)

    def _call_once(self, fn, *args):
        """Open if needed and run ``fn``; on any fault but a timeout, drop the link to reopen."""
        self._ensure_open()
        try:
            return fn(*args)
        except Exception as exc:
            fault = classify(exc)
            if not isinstance(fault, PrinterTimeout):
                self._drop()
            raise fault from exc

    def _write(self, data: bytes) -> None:
        """Send a job through the link."""
        self._call(self.link.write, data)

    def _query(self, command: bytes) -> bytes | None:
        """One status question (None when the link cannot read)."""
        if not self.link.can_read:
            return None
        return self._call(self.link.ask, command)

    def _drop(self) -> None:
        """Forget a dead connection without raising."""
        self.link.close()
        self._open = False

    def close(self) -> None:
        """Close the link."""
        self._drop()


def _usb(c: Mapping[str, Any]) -> Link:
    device = escpos_printer.Usb(int(c["vendor_id"]), int(c["product_id"]),
                                timeout=int(c.get("timeout_s", 3) * 1000),
                                in_ep=int(c.get("in_ep", 0x82)), out_ep=int(c.get("out_ep", 0x01)))
    return UsbLink(device, status_timeout_s=float(c.get("status_timeout_s", 0.5)))


def _serial(c: Mapping[str, Any]) -> Link:
    keys = ("baudrate", "parity", "stopbits", "bytesize", "flow_control", "timeout_s",
            "status_timeout_s")
    return SerialLink(c["device"], **{k: c[k] for k in keys if k in c})


def _network(c: Mapping[str, Any]) -> Link:
    device = escpos_printer.Network(c["host"], port=int(c.get("port", 9100)),
                                    timeout=float(c.get("timeout_s", 3)))
    return NetworkLink(device, status_timeout_s=float(c.get("status_timeout_s", 0.5)))


def _file(c: Mapping[str, Any]) -> Link:
    return EscposLink(escpos_printer.File(c["device"]))


def _dummy(c: Mapping[str, Any]) -> Link:
    return EscposLink(escpos_printer.Dummy())


TRANSPORTS = {"usb": _usb, "serial": _serial, "network": _network, "file": _file,
              "dummy": _dummy}


def open_escpos(config: Mapping[str, Any]) -> EscposPrinter:
    """An EscposPrinter for a ``{"backend": "usb"|"serial"|"network"|"file"|"dummy", ...}``
    section; ``"can_read": false`` for printers that never answer status queries."""
    try:
        link = TRANSPORTS[config["backend"]](config)
    except KeyError as exc:
        raise ValueError(f"printer config for {config['backend']!r} needs {exc}") from exc
    if config.get("can_read") is False:
        link.can_read = False
    return EscposPrinter(link, **printer_settings(config))
