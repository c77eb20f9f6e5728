"""One counter's number display on a shared bus: show, call (blink), pause, clear."""

import threading
from collections.abc import Callable

from hw.led.bus import LedBus
from hw.led.codec import Command


class LedDisplay:
    """The number display of one counter.

    >>> from hw.led import open_led_bus
    >>> bus = open_led_bus({"backend": "fake"})
    >>> quay5 = LedDisplay(bus, address=5, blink_seconds=0)
    >>> quay5.call("1023")          # blinks (then holds steady after blink_seconds, if > 0)
    >>> quay5.pause()               # shows the pause symbol
    >>> bus.fake_port.panel.shown[5].text
    '----'
    """

    def __init__(self, bus: LedBus, address: int, pause_symbol: str = "----",
                 blink_seconds: float = 5.0,
                 timer: Callable[[float, Callable[[], None]], threading.Timer] = threading.Timer):
        self.bus = bus
        self.address = address
        self.pause_symbol = pause_symbol
        self.blink_seconds = blink_seconds
        self._timer_factory = timer
        self._timer: threading.Timer | None = None

    def show(self, text: str | int, blink: bool = False) -> None:
        """Show ``text`` now (cancels a pending end-of-blink)."""
        self._cancel()
        self.bus.send(Command(self.address, str(text), blink=blink))

    def call(self, number: str | int) -> None:
        """A new call: blink the number, then hold it steady after ``blink_seconds``."""
        self.show(number, blink=True)
        if self.blink_seconds > 0:
            self._timer = self._timer_factory(self.blink_seconds, lambda: self._settle(str(number)))
            self._timer.daemon = True
            self._timer.start()

    def _settle(self, number: str) -> None:
        """Stop blinking; a bus fault here is left for the next call to report."""
        try:
            self.bus.send(Command(self.address, number))
        except Exception:
            pass

    def pause(self) -> None:
        """Show the configured pause symbol."""
        self.show(self.pause_symbol)

    def clear(self) -> None:
        """Blank the display."""
        self._cancel()
        self.bus.send(Command(self.address, "", clear=True))

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def close(self) -> None:
        """Cancel the pending end-of-blink; the bus is closed by its owner."""
        self._cancel()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
