"""The motcua STX framing for simple RS-485 digit displays (spec in docs/hardware.md).

Request: STX | address 2 ASCII digits | command S/B/C | text (width chars) | ETX | LRC 2 hex.
LRC = XOR of the bytes from the address through ETX. Reply: ACK | address, or NAK | address.
Address 00 is broadcast (no reply).
"""

from collections.abc import Callable

from hw.led.codec import Codec, Command
from hw.led.errors import LedError
from hw.led.text import DIGITS, LETTERS, Fitted, fit_text

STX, ETX, ACK, NAK = 0x02, 0x03, 0x06, 0x15
ALLOWED = DIGITS | LETTERS


def lrc(data: bytes) -> bytes:
    """XOR of ``data`` as two uppercase ASCII hex digits."""
    value = 0
    for byte in data:
        value ^= byte
    return f"{value:02X}".encode()


class StxCodec(Codec):
    """Codec for the STX family.

    >>> StxCodec(width=4).encode(Command(5, "12", blink=True))
    b'\\x0205B  12\\x0347'
    """

    name = "stx"
    broadcast_address = 0

    def __init__(self, width: int = 4, letters: bool = True):
        self.width = width
        self.alphabet = ALLOWED if letters else DIGITS

    def fit(self, text: str) -> Fitted:
        """Letters are sent as ASCII capitals; a digits-only display (``letters=False``) drops them."""
        return fit_text(text, self.width, self.alphabet)

    def encode(self, command: Command) -> bytes:
        """The request frame; text right-aligned and padded to the display width."""
        if not 0 <= command.address <= 99:
            raise ValueError(f"STX address must be 0..99, not {command.address}")
        body = f"{command.address:02d}".encode() + self._payload(command) + bytes([ETX])
        return bytes([STX]) + body + lrc(body)

    def _payload(self, command: Command) -> bytes:
        """Command letter and fixed-width text."""
        if command.clear:
            return b"C"
        text = self.fit(command.text).text.rjust(self.width)
        return (b"B" if command.blink else b"S") + text.encode()

    def read_reply(self, read: Callable[[int], bytes], request: Command) -> bytes:
        """ACK for this address, b"" on silence; LedError on NAK or garbage."""
        reply = read(3)
        if not reply:
            return b""
        expected = f"{request.address:02d}".encode()
        if len(reply) == 3 and reply[0] == ACK and reply[1:] == expected:
            return reply
        if reply[:1] == bytes([NAK]):
            raise LedError(f"display {request.address} refused the frame (NAK)")
        raise LedError(f"bad reply from display {request.address}: {reply!r}")

    def decode(self, frame: bytes) -> tuple[Command | None, int]:
        """Device side: parse the first complete frame; skip noise before STX."""
        start = frame.find(bytes([STX]))
        if start < 0:
            return None, len(frame)
        end = frame.find(bytes([ETX]), start)
        if end < 0 or len(frame) < end + 3:
            return None, start
        body, check = frame[start + 1:end + 1], frame[end + 1:end + 3]
        used = end + 3
        if lrc(body) != check or not body[:2].isdigit():
            return Command(-1, ""), used
        return self._command(body), used

    def _command(self, body: bytes) -> Command:
        address, cmd, text = int(body[:2]), body[2:3], body[3:-1].decode("ascii", "replace")
        return Command(address, text.strip(), blink=cmd == b"B", clear=cmd == b"C")

    def reply(self, request: bytes, command: Command) -> bytes:
        """ACK (or NAK for a frame with a bad checksum, address -1)."""
        if command.address < 0:
            return bytes([NAK]) + b"??"
        return bytes([ACK]) + f"{command.address:02d}".encode()
