"""What a display-family codec provides: frames for the bus, and the device side for fakes."""

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass

from hw.led.text import Fitted


@dataclass(frozen=True)
class Command:
    """A decoded request: show ``text`` (blinking or not) on display ``address``, or clear it."""

    address: int
    text: str
    blink: bool = False
    clear: bool = False


class Codec(ABC):
    """One display protocol. Pure functions; the bus does the I/O.

    Bus side: ``encode(command)``, ``read_reply(read, request)`` (raise LedError on a bad
    reply, return b"" on silence). Display side (fakes): ``decode(frame)`` and ``reply(command)``.
    """

    name = "base"
    broadcast_address: int | None = None

    def fit(self, text: str) -> Fitted:
        """What the display will show for ``text`` (shortened, letters dropped: see ``note``)."""
        return Fitted(text)

    def frames(self, command: Command) -> list[bytes]:
        """The request frames for ``command``, each answered on its own."""
        return [self.encode(command)]

    @abstractmethod
    def encode(self, command: Command) -> bytes:
        """The request bytes for ``command``; any text is shown as ``fit`` says, never refused."""

    @abstractmethod
    def read_reply(self, read: Callable[[int], bytes], request: Command) -> bytes:
        """Read and check the answer with ``read(n)``; b"" on silence, LedError if bad."""

    @abstractmethod
    def decode(self, frame: bytes) -> tuple[Command | None, int]:
        """The first command in ``frame`` and how many bytes it used (0: need more)."""

    @abstractmethod
    def reply(self, request: bytes, command: Command) -> bytes:
        """Device side: the answer to ``request`` (b"" for none)."""
