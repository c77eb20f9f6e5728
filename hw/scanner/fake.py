"""A fake scanner that delivers to the same inbox as the real ones."""

from collections.abc import Mapping
from typing import Any

from hw.codes import CodeConfig
from hw.reader import DeviceState
from hw.scanner.base import Scanner


class FakeScanner(Scanner):
    """Test and demo scanner.

    >>> s = FakeScanner(); s.scan("000.17.22.H56-210531-0001"); s.get(0).code.agency
    '000.17.22.H56'
    """

    @classmethod
    def from_config(cls, config: Mapping[str, Any], on_scan=None, codes=CodeConfig()):
        """Build from ``{"backend": "fake"}``."""
        return cls(on_scan, codes)

    def scan(self, text: str) -> None:
        """Simulate reading ``text`` (ignored while unplugged, like a real reader)."""
        if self.state is DeviceState.CONNECTED:
            self.deliver(text)

    def unplug(self) -> None:
        """Simulate the reader being pulled out."""
        self.state = DeviceState.DISCONNECTED

    def plug(self) -> None:
        """Simulate the reader coming back."""
        self.state = DeviceState.CONNECTED
