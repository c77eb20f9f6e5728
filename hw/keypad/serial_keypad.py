"""Serial keypads: each received character (or line, for multi-character key names) is a key."""

from collections.abc import Callable, Mapping

from hw.keypad.base import Keypad
from hw.reader import ReconnectingReader


class SerialKeypad(Keypad, ReconnectingReader):
    """Reads key names from a serial port; ``lines=True`` for devices that send "F1\\r\\n".

    >>> pad = SerialKeypad(lambda: serial.Serial("/dev/keypad-5", 9600, timeout=0.2),
    ...                    DEFAULT_SERIAL_KEYMAP)   # doctest: +SKIP
    """

    def __init__(self, open_port: Callable[[], object], keymap: Mapping[str, str],
                 on_action: Callable[[str], None] | None = None, lines: bool = False, **reader):
        Keypad.__init__(self, keymap, on_action)
        ReconnectingReader.__init__(self, "serial-keypad", **reader)
        self.open_port = open_port
        self.lines = lines
        self._line = ""

    def session(self) -> None:
        """Read one connection's worth of bytes."""
        port = self.open_port()
        self.connected()
        try:
            while not self.closing:
                self.feed(port.read(max(1, port.in_waiting)))
        finally:
            port.close()

    def feed(self, data: bytes) -> None:
        """Turn received bytes into key presses."""
        for ch in data.decode("ascii", "ignore"):
            if not self.lines:
                if ch.isprintable():
                    self.deliver_key([ch])
            elif ch in "\r\n":
                line, self._line = self._line.strip(), ""
                if line:
                    self.deliver_key([line])
            elif len(self._line) < 32:
                self._line += ch

    def close(self) -> None:
        """Stop the thread and close the port."""
        ReconnectingReader.close(self)
