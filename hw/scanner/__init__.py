"""Barcode / QR readers: ``open_scanner(config, on_scan)`` → a Scanner delivering ``Scan`` items."""

from collections.abc import Callable, Mapping
from typing import Any

from hw.backends import choose_backend
from hw.codes import CodeConfig
from hw.evdev_input import evdev_opener
from hw.reader import DeviceState
from hw.scanner.base import Scan, Scanner
from hw.scanner.evdev_scanner import EvdevScanner
from hw.scanner.fake import FakeScanner
from hw.scanner.serial_scanner import SerialScanner
from hw.serial_wire import serial_opener

__all__ = ["EvdevScanner", "FakeScanner", "Scan", "Scanner", "SerialScanner", "open_scanner"]


def open_scanner(config: Mapping[str, Any], on_scan: Callable[[Scan], None] | None = None,
                 codes: CodeConfig = CodeConfig(),
                 on_state: Callable[[DeviceState], None] | None = None) -> Scanner:
    """Start the scanner named by ``config["backend"]``: "evdev", "serial" or "fake".

    ``on_state`` hears CONNECTED / DISCONNECTED so the app can say "máy quét chưa kết nối".
    """
    def started(scanner):
        """Start a reader thread and return the scanner."""
        scanner.start()
        return scanner

    return choose_backend("scanner", config, {
        "evdev": lambda c: started(EvdevScanner(evdev_opener(c), on_scan, codes, on_state=on_state)),
        "serial": lambda c: started(SerialScanner(serial_opener(c), on_scan, codes, on_state=on_state,
                                                  char_timeout=float(c.get("char_timeout_s", 0.3)))),
        "fake": lambda c: FakeScanner.from_config(c, on_scan, codes, on_state),
    })
