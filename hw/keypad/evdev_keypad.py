"""USB HID keypads through evdev, grabbed so key presses don't reach other apps."""

from collections.abc import Callable, Mapping

from evdev import ecodes

from hw.keypad.base import Keypad
from hw.keypad.keymap import key_names
from hw.reader import ReconnectingReader

POLL_S = 0.2


class EvdevKeypad(Keypad, ReconnectingReader):
    """Maps key-down events to actions; reopens and re-grabs the device after an unplug.

    >>> pad = EvdevKeypad(evdev_opener({"path": "/dev/input/by-id/usb-keypad-event-kbd"}),
    ...                   DEFAULT_EVDEV_KEYMAP)   # doctest: +SKIP
    >>> pad.start(); pad.get(timeout=60)        # doctest: +SKIP
    """

    def __init__(self, open_source: Callable[[], object], keymap: Mapping[str, str],
                 on_action: Callable[[str], None] | None = None, **reader):
        Keypad.__init__(self, keymap, on_action)
        ReconnectingReader.__init__(self, "evdev-keypad", **reader)
        self.open_source = open_source

    def session(self) -> None:
        """Read one plug-in's worth of events."""
        source = self.open_source()
        self.connected()
        try:
            while not self.closing:
                for event in source.events(POLL_S):
                    if event.type == ecodes.EV_KEY and event.value == 1:
                        self.deliver_key(key_names(event.code))
        finally:
            source.close()

    def close(self) -> None:
        """Stop the thread and release the device."""
        ReconnectingReader.close(self)
