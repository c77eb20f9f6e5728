"""Serial / USB-CDC scanners (UTF-8, e.g. the CCCD QR) through pyserial."""

from collections.abc import Callable

from hw.codes import CodeConfig
from hw.reader import ReconnectingReader
from hw.scanner.base import Scan, Scanner

ENDS = (b"\r", b"\n")


class SerialScanner(Scanner, ReconnectingReader):
    """Reads CR/LF-terminated UTF-8 scans; reopens the port after it vanished.

    >>> s = SerialScanner(lambda: serial.Serial("/dev/scanner-qr", 9600, timeout=0.2))  # doctest: +SKIP
    >>> s.start(); s.get(timeout=10)                                                   # doctest: +SKIP
    """

    def __init__(self, open_port: Callable[[], object], on_scan: Callable[[Scan], None] | None = None,
                 codes: CodeConfig = CodeConfig(), **reader):
        Scanner.__init__(self, on_scan, codes)
        ReconnectingReader.__init__(self, "serial-scanner", **reader)
        self.open_port = open_port
        self._buffer = bytearray()

    def session(self) -> None:
        """Read one connection's worth of bytes."""
        port = self.open_port()
        self.connected()
        self._buffer.clear()
        try:
            while not self.closing:
                self.feed(port.read(max(1, port.in_waiting)))
        finally:
            port.close()

    def feed(self, data: bytes) -> None:
        """Add bytes; deliver each complete line, reject undecodable or over-long ones."""
        for byte in data:
            if bytes([byte]) in ENDS:
                self._end_line()
            elif len(self._buffer) <= self.codes.max_length * 4:
                self._buffer.append(byte)

    def _end_line(self) -> None:
        """A line ended: deliver it as a scan, or as an error if it is not UTF-8."""
        raw, self._buffer = bytes(self._buffer), bytearray()
        if not raw:
            return
        try:
            self.deliver(raw.decode("utf-8"))
        except UnicodeDecodeError:
            self.deliver_error(raw.decode("utf-8", "replace"), "Mã không đọc được (sai bảng mã)",
                               "scan is not valid UTF-8")

    def close(self) -> None:
        """Stop the thread and close the port."""
        ReconnectingReader.close(self)
