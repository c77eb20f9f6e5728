"""USB keyboard-wedge scanners read through evdev, grabbed so scans don't reach other apps."""

from collections.abc import Callable

from hw.codes import CodeConfig
from hw.reader import ReconnectingReader
from hw.scanner.base import Scan, Scanner
from hw.scanner.keys import KeyDecoder

POLL_S = 0.2


class EvdevScanner(Scanner, ReconnectingReader):
    """Reads scans from an input device; reopens and re-grabs it after an unplug.

    ``open_source()`` returns an object with ``events(timeout)`` and ``close()`` (EvdevSource).

    >>> s = EvdevScanner(lambda: EvdevSource.open("/dev/input/by-id/usb-scanner-kbd"))  # doctest: +SKIP
    >>> s.start(); s.get(timeout=10)                                                  # doctest: +SKIP
    """

    def __init__(self, open_source: Callable[[], object], on_scan: Callable[[Scan], None] | None = None,
                 codes: CodeConfig = CodeConfig(), **reader):
        Scanner.__init__(self, on_scan, codes)
        ReconnectingReader.__init__(self, "evdev-scanner", **reader)
        self.open_source = open_source

    def session(self) -> None:
        """Read one plug-in's worth of events."""
        source = self.open_source()
        decoder = KeyDecoder(self.codes.max_length)
        self.connected()
        try:
            while not self.closing:
                for event in source.events(POLL_S):
                    if (text := decoder.feed(event)) is not None:
                        self.deliver(text)
        finally:
            source.close()

    def close(self) -> None:
        """Stop the thread and release the device."""
        ReconnectingReader.close(self)
