"""A fake scanner that delivers to the same inbox as the real ones."""

from collections.abc import Callable, Mapping
from typing import Any

from hw.codes import CodeConfig
from hw.reader import DeviceState
from hw.scanner.base import Scanner


class FakeScanner(Scanner):
    """Test and demo scanner.

    >>> s = FakeScanner(); s.scan("000.17.22.H56-210531-0001"); s.get(0).code.agency
    '000.17.22.H56'
    """

    def __init__(self, on_scan=None, codes: CodeConfig = CodeConfig(),
                 on_state: Callable[[DeviceState], None] | None = None):
        super().__init__(on_scan, codes)
        self.on_state = on_state

    @classmethod
    def from_config(cls, config: Mapping[str, Any], on_scan=None, codes=CodeConfig(), on_state=None):
        """Build from ``{"backend": "fake"}``."""
        return cls(on_scan, codes, on_state)

    def scan(self, text: str) -> None:
        """Simulate reading ``text`` (ignored while unplugged, like a real reader)."""
        if self.state is DeviceState.CONNECTED:
            self.deliver(text)

    def unplug(self) -> None:
        """Simulate the reader being pulled out (``on_state`` hears it, as with real readers)."""
        self._set(DeviceState.DISCONNECTED)

    def plug(self) -> None:
        """Simulate the reader coming back."""
        self._set(DeviceState.CONNECTED)

    def _set(self, state: DeviceState) -> None:
        if state is not self.state:
            self.state = state
            if self.on_state:
                self.on_state(state)
