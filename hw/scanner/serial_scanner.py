"""Serial / USB-CDC scanners (UTF-8, e.g. the CCCD QR) through pyserial."""

import time
from collections.abc import Callable

from hw.codes import CodeConfig
from hw.reader import ReconnectingReader
from hw.scanner.base import Scan, Scanner

ENDS = (b"\r", b"\n")
INCOMPLETE_VI = "Quét chưa trọn mã, quý ông/bà vui lòng quét lại"
INCOMPLETE_EN = "incomplete scan (no end of line in time); please scan again"


class SerialScanner(Scanner, ReconnectingReader):
    """Reads CR/LF-terminated UTF-8 scans; reopens the port after it vanished.

    A scan arrives in one burst; a pause longer than ``char_timeout`` inside one ends it as an
    incomplete scan (an error), so a half-read code is never glued onto the next one.

    >>> s = SerialScanner(lambda: serial.Serial("/dev/scanner-qr", 9600, timeout=0.2))  # doctest: +SKIP
    >>> s.start(); s.get(timeout=10)                                                   # doctest: +SKIP
    """

    def __init__(self, open_port: Callable[[], object], on_scan: Callable[[Scan], None] | None = None,
                 codes: CodeConfig = CodeConfig(), char_timeout: float = 0.3,
                 monotonic: Callable[[], float] = time.monotonic, **reader):
        Scanner.__init__(self, on_scan, codes)
        ReconnectingReader.__init__(self, "serial-scanner", **reader)
        self.open_port = open_port
        self.char_timeout = char_timeout
        self.monotonic = monotonic
        self._buffer = bytearray()
        self._last_byte_at = 0.0

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
        """Add bytes; deliver each complete line, reject undecodable, over-long or cut-off ones."""
        now = self.monotonic()
        if self._buffer and now - self._last_byte_at > self.char_timeout:
            self._cut_off()
        if data:
            self._last_byte_at = now
        for byte in data:
            if bytes([byte]) in ENDS:
                self._end_line()
            elif len(self._buffer) <= self.codes.max_length * 4:
                self._buffer.append(byte)

    def _cut_off(self) -> None:
        """A scan stopped half-way (the code moved away, a glitch): drop it, say so."""
        raw, self._buffer = bytes(self._buffer), bytearray()
        self.deliver_error(raw.decode("utf-8", "replace"), INCOMPLETE_VI, INCOMPLETE_EN)

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
