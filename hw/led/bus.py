"""One RS-485 bus shared by many displays: send a frame, wait for the answer, retry."""

import logging
import termios
import threading
from collections.abc import Callable

from hw.led.codec import Codec, Command
from hw.led.errors import LedBusNotFound, LedError, LedTimeout

log = logging.getLogger(__name__)


class LedBus:
    """Serialises frames to the displays on one port; reopens the port after it vanished.

    >>> bus = LedBus(lambda: serial.Serial("/dev/rs485", 9600, timeout=0.2), StxCodec())  # doctest: +SKIP
    >>> bus.send(Command(5, "1023", blink=True))                                        # doctest: +SKIP
    """

    def __init__(self, open_port: Callable[[], object], codec: Codec, retries: int = 2):
        self.open_port = open_port
        self.codec = codec
        self.retries = retries
        self._port = None
        self._lock = threading.Lock()
        self.notes: set[str] = set()            # what could not be shown as asked, logged once each

    def send(self, command: Command) -> None:
        """Send ``command``; LedTimeout if the display stays silent after every retry."""
        self._note(command)
        with self._lock:
            for frame in self.codec.frames(command):
                self._send_frame(frame, command)

    def _note(self, command: Command) -> None:
        """Log once per kind of shortening (letters dropped, number cut): the bus goes on."""
        note = "" if command.clear else self.codec.fit(command.text).note
        if note and note not in self.notes:
            self.notes.add(note)
            log.warning("LED displays (%s): %s (e.g. %r)", self.codec.name, note, command.text)

    def _send_frame(self, frame: bytes, command: Command) -> None:
        """One frame with its retries."""
        last: LedError = LedTimeout(f"display {command.address}")
        for attempt in range(self.retries + 1):
            try:
                if self._exchange(frame, command):
                    return
            except LedError as err:
                last = err
            log.info("display %s: no valid answer (try %d)", command.address, attempt + 1)
        raise last

    def _exchange(self, frame: bytes, command: Command) -> bool:
        """One write and read; True when answered (or broadcast, which has no answer)."""
        port = self._open()
        try:
            port.reset_input_buffer()
            port.write(frame)
            if command.address == self.codec.broadcast_address:
                return True
            return bool(self.codec.read_reply(port.read, command))
        except (OSError, termios.error) as exc:       # a vanished tty raises termios.error
            self.close()
            raise LedBusNotFound(str(exc)) from exc

    def _open(self):
        """The open port, opening it if needed."""
        if self._port is None:
            try:
                self._port = self.open_port()
            except (OSError, termios.error) as exc:
                raise LedBusNotFound(str(exc)) from exc
        return self._port

    def close(self) -> None:
        """Close the port; the next send reopens it."""
        port, self._port = self._port, None
        if port is not None:
            try:
                port.close()
            except (OSError, termios.error):
                pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
