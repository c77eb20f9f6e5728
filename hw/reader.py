"""Background reading for input devices: reconnect with backoff, deliver to a queue and callback."""

from abc import ABC, abstractmethod
import enum
import logging
import queue
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from hw.errors import HardwareError

log = logging.getLogger(__name__)
T = TypeVar("T")


class DeviceState(enum.Enum):
    """Connection state of an input device."""

    CONNECTING = "connecting"
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    CLOSED = "closed"


class Inbox(Generic[T]):
    """Items from a device, pulled with ``get()`` or pushed to a callback (or both).

    >>> box = Inbox(); box.put("next"); box.get(0)
    'next'
    """

    def __init__(self, callback: Callable[[T], None] | None = None):
        self._items: queue.Queue[T] = queue.Queue()
        self.callback = callback

    def put(self, item: T) -> None:
        """Call the callback, then queue ``item``; a failing callback is logged, not raised."""
        if self.callback:
            try:
                self.callback(item)
            except Exception:
                log.exception("device callback failed for %r", item)
        self._items.put(item)

    def get(self, timeout: float | None = None) -> T | None:
        """The next item, or None after ``timeout`` seconds."""
        try:
            return self._items.get(timeout=timeout)
        except queue.Empty:
            return None


class InputDevice(Generic[T]):
    """What every input device offers: its items through ``get()`` (and a callback), a
    connection ``state``, ``close()`` and ``with`` support. Backends call ``inbox.put(item)``."""

    def __init__(self, callback: Callable[[T], None] | None = None):
        self.inbox: Inbox[T] = Inbox(callback)
        self.state = DeviceState.CONNECTED

    def get(self, timeout: float | None = None) -> T | None:
        """The next item, or None after ``timeout`` seconds."""
        return self.inbox.get(timeout)

    def close(self) -> None:
        """Stop reading; safe to call twice."""
        self.state = DeviceState.CLOSED

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class ReconnectingReader(ABC):
    """Runs ``session()`` in a thread and reopens the device after it fails (unplug).

    Subclasses implement ``session()``: open, read until ``self.closing`` or an OSError. Any
    exception ends only the session (a vanished tty raises termios.error, not OSError); the
    backoff is capped at 4 s so a replugged device is back within a few seconds.
    ``sleep`` is injectable; by default it wakes early on ``close()``, so no CPU spins.
    """

    def __init__(self, name: str, sleep: Callable[[float], None] | None = None,
                 backoff: tuple[float, float] = (0.5, 4.0),
                 on_state: Callable[[DeviceState], None] | None = None):
        self.name = name
        self._stop = threading.Event()
        self._sleep = sleep or self._stop.wait
        self.backoff = backoff
        self.on_state = on_state
        self.state = DeviceState.CONNECTING
        self._thread: threading.Thread | None = None

    @property
    def closing(self) -> bool:
        """True once close() was called."""
        return self._stop.is_set()

    def start(self) -> None:
        """Start the reading thread."""
        self._thread = threading.Thread(target=self.run, name=self.name, daemon=True)
        self._thread.start()

    def run(self) -> None:
        """Read sessions until closed, sleeping with exponential backoff between failures."""
        delay = self.backoff[0]
        while not self.closing:
            try:
                self.session()
            except Exception as exc:
                if self.closing:
                    break
                level = logging.WARNING if isinstance(exc, (OSError, HardwareError)) else logging.ERROR
                log.log(level, "%s lost: %r; retry in %.1fs", self.name, exc, delay)
                self.set_state(DeviceState.DISCONNECTED)
                self._sleep(delay)
                delay = min(delay * 2, self.backoff[1])
                continue
            delay = self.backoff[0]
        self.set_state(DeviceState.CLOSED)

    def connected(self) -> None:
        """Sessions call this once the device is open (resets nothing else)."""
        self.set_state(DeviceState.CONNECTED)

    def set_state(self, state: DeviceState) -> None:
        """Record and report a state change."""
        if state is not self.state:
            self.state = state
            if self.on_state:
                self.on_state(state)

    @abstractmethod
    def session(self) -> None:
        """Open the device and read from it until closing; raise OSError when it goes away."""

    def close(self, timeout: float = 2.0) -> None:
        """Stop reading and wait for the thread."""
        self._stop.set()
        if self._thread and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
