"""Links to a printer: open, write, ask one status question, close — one class per transport.

Every link asks the same way: discard what the printer sent unasked (a stray answer to a
``DLE EOT n`` inside image data), send the question, read exactly one byte with a short timeout.
``close()`` never raises, so a link to an unplugged device can always be dropped and reopened.
Transport exceptions pass through unchanged; ``escpos_backend.classify`` types them.
"""

from abc import ABC, abstractmethod
import errno
import inspect
import logging
import socket

log = logging.getLogger(__name__)
DRAIN_S = 0.002               # how long a drain read waits on USB for bytes already sent


class Link(ABC):
    """One connection to a printer."""

    can_read = True

    def __init__(self, status_timeout_s: float = 0.5):
        self.status_timeout_s = status_timeout_s

    @abstractmethod
    def open(self) -> None:
        """Connect; raises the transport's error when the device is absent."""

    @abstractmethod
    def write(self, data: bytes) -> None:
        """Send bytes (blocks until the transport took them all)."""

    @abstractmethod
    def ask(self, command: bytes) -> bytes:
        """Drain stale input, send ``command``, return its one-byte answer (b"" when silent)."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection; never raises."""


class EscposLink(Link):
    """A write-only ``escpos.printer`` device (File, Dummy) as a link; the subclasses read.

    ``device`` is the python-escpos object; only its open/_raw/close are used, because its
    ``_read`` waits for 16 bytes and its ``close`` can raise on a vanished device.
    """

    def __init__(self, device, can_read: bool = False, status_timeout_s: float = 0.5):
        super().__init__(status_timeout_s)
        self.device = device
        self.can_read = can_read

    def open(self) -> None:
        if "raise_not_found" in inspect.signature(self.device.open).parameters:
            self.device.open(raise_not_found=True)
        else:
            self.device.open()

    def write(self, data: bytes) -> None:
        self.device._raw(data)

    def ask(self, command: bytes) -> bytes:
        """A write-only device never answers (callers check ``can_read`` first): no answer."""
        return b""

    def close(self) -> None:
        try:
            self.device.close()
        except Exception as exc:            # a vanished device: forget it anyway
            log.debug("closing printer link: %s", exc)
        self.device._device = False


class UsbLink(EscposLink):
    """A USB printer (escpos ``Usb``): status answers arrive on the bulk IN endpoint."""

    def __init__(self, device, status_timeout_s: float = 0.5):
        super().__init__(device, True, status_timeout_s)

    def ask(self, command: bytes) -> bytes:
        while self._read(DRAIN_S):           # bytes sent before the question are not its answer
            pass
        self.device._raw(command)
        return self._read(self.status_timeout_s)[-1:]

    def _read(self, timeout_s: float) -> bytes:
        """What the IN endpoint holds (b"" after ``timeout_s`` with nothing)."""
        from usb.core import USBTimeoutError
        try:
            return bytes(self.device.device.read(self.device.in_ep, 64, max(1, int(timeout_s * 1000))))
        except USBTimeoutError:
            return b""


class NetworkLink(EscposLink):
    """A raw TCP printer (escpos ``Network``, port 9100); an empty read means the link closed."""

    def __init__(self, device, status_timeout_s: float = 0.5):
        super().__init__(device, True, status_timeout_s)

    def ask(self, command: bytes) -> bytes:
        sock: socket.socket = self.device.device
        self._drain(sock)
        sock.sendall(command)
        sock.settimeout(self.status_timeout_s)
        try:
            reply = sock.recv(1)
        except TimeoutError:
            return b""
        finally:
            sock.settimeout(self.device.timeout)
        if not reply:
            raise ConnectionResetError(errno.ECONNRESET, "connection closed by the printer")
        return reply

    @staticmethod
    def _drain(sock: socket.socket) -> None:
        sock.setblocking(False)
        try:
            while True:
                if not sock.recv(4096):
                    raise ConnectionResetError(errno.ECONNRESET, "connection closed by the printer")
        except BlockingIOError:
            pass
        finally:
            sock.setblocking(True)


def link_for(device) -> Link:
    """The link for a python-escpos device: Usb and Network read status, others only write."""
    from escpos.printer import Network, Usb
    if isinstance(device, Usb):
        return UsbLink(device)
    if isinstance(device, Network):
        return NetworkLink(device)
    return EscposLink(device)


def write_time(size: int, baudrate: int) -> float:
    """Seconds a serial wire needs for ``size`` bytes (10 bits a byte with start and stop bits)."""
    return size * 10 / baudrate


def backoff(attempt: int, first: float = 0.25, cap: float = 2.0) -> float:
    """Seconds to wait before reopening after ``attempt`` failed opens (0.25, 0.5, 1, 2, 2 ...)."""
    return min(cap, first * 2 ** max(0, attempt - 1))

