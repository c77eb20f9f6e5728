"""Modbus-RTU register displays: the number goes to holding registers (functions 0x10 / 0x06).

Register map (configurable start): R+0 = value, R+1 = mode (0 steady, 1 blinking, 2 blank).
Digit-only displays cannot draw "----", so a pause symbol is sent as ``symbols[text]``
(default "----" → 0xFFFF, which such displays show as dashes when so configured).
"""

from collections.abc import Callable

from hw.led.codec import Codec, Command
from hw.led.crc import crc_ok, with_crc
from hw.led.errors import LedError

WRITE_SINGLE, WRITE_MULTIPLE = 0x06, 0x10
STEADY, BLINK, BLANK = 0, 1, 2


class ModbusCodec(Codec):
    """Codec for Modbus-RTU number displays.

    >>> ModbusCodec().encode(Command(1, "1023")).hex(" ")
    '01 10 00 00 00 02 04 03 ff 00 00 c3 db'
    """

    name = "modbus"
    broadcast_address = 0

    def __init__(self, register: int = 0, symbols: dict[str, int] | None = None):
        self.register = register
        self.symbols = {"----": 0xFFFF, **(symbols or {})}

    def encode(self, command: Command) -> bytes:
        """0x06 (mode := blank) to clear, else 0x10 writing value and mode."""
        if not 0 <= command.address <= 247:
            raise ValueError(f"Modbus address must be 0..247, not {command.address}")
        if command.clear:
            return self._single(command.address, self.register + 1, BLANK)
        values = [self._value(command.text), BLINK if command.blink else STEADY]
        head = bytes([command.address, WRITE_MULTIPLE]) + self.register.to_bytes(2, "big")
        head += len(values).to_bytes(2, "big") + bytes([2 * len(values)])
        return with_crc(head + b"".join(v.to_bytes(2, "big") for v in values))

    def _single(self, address: int, register: int, value: int) -> bytes:
        return with_crc(bytes([address, WRITE_SINGLE]) + register.to_bytes(2, "big")
                        + value.to_bytes(2, "big"))

    def _value(self, text: str) -> int:
        """The register value for ``text``: a configured symbol or a number up to 0xFFFE."""
        if text in self.symbols:
            return self.symbols[text]
        if text.isdigit() and int(text) <= 0xFFFE:
            return int(text)
        raise ValueError(f"a Modbus number display cannot show {text!r}")

    def read_reply(self, read: Callable[[int], bytes], request: Command) -> bytes:
        """The 8-byte echo, b"" on silence; LedError on an exception reply or bad CRC."""
        reply = read(5)
        if not reply:
            return b""
        if len(reply) == 5 and reply[1] & 0x80 and crc_ok(reply):
            raise LedError(f"display {request.address} exception code {reply[2]}")
        reply += read(3)
        if len(reply) != 8 or not crc_ok(reply) or reply[0] != request.address:
            raise LedError(f"bad reply from display {request.address}: {reply.hex(' ')}")
        return reply

    def decode(self, frame: bytes) -> tuple[Command | None, int]:
        """Device side: parse a 0x06 or 0x10 request at the start of ``frame``."""
        size = self._request_size(frame)
        if size <= 0 or len(frame) < size:
            return None, -size if size < 0 else 0
        request = frame[:size]
        if not crc_ok(request):
            return Command(-1, ""), size
        return self._command(request), size

    @staticmethod
    def _request_size(frame: bytes) -> int:
        """Length of the request starting ``frame``; 0 if unknown yet, -1 to skip a byte."""
        if len(frame) < 2:
            return 0
        if frame[1] == WRITE_SINGLE:
            return 8
        if frame[1] == WRITE_MULTIPLE:
            return 9 + frame[6] if len(frame) > 6 else 0
        return -1

    def _command(self, request: bytes) -> Command:
        """The Command a well-formed request carries."""
        address = request[0]
        if request[1] == WRITE_SINGLE:
            return Command(address, "", clear=int.from_bytes(request[4:6], "big") == BLANK)
        value, mode = int.from_bytes(request[7:9], "big"), int.from_bytes(request[9:11], "big")
        names = {v: k for k, v in self.symbols.items()}
        return Command(address, names.get(value, str(value)), blink=mode == BLINK)

    def reply(self, request: bytes, command: Command) -> bytes:
        """Device side: 0x06 is echoed whole; 0x10 echoes address, function, start, count."""
        if command.address < 0:
            return b""
        return request if request[1] == WRITE_SINGLE else with_crc(request[:6])
