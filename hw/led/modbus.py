"""Modbus-RTU register displays: text goes to holding registers laid out by a ``RegisterMap``.

Each display model has its own map: where the value register(s) and the mode register are,
which write function it takes (0x10 for neighbouring registers in one frame, a lone register with
0x06; or 0x06 for every register) and how characters are encoded: ``number`` (one binary register, digits only),
``ascii`` (two characters a register, high byte first) or ``segments`` (one seven-segment glyph
a register, letters included). The default map is the motcua number display: R0 value, R1 mode.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from hw.led.codec import Codec, Command
from hw.led.crc import crc_ok, with_crc
from hw.led.errors import LedError
from hw.led.segments import char_of, glyph
from hw.led.text import DIGITS, LETTERS, Fitted, fit_text

WRITE_SINGLE, WRITE_MULTIPLE = 0x06, 0x10
STEADY, BLINK, BLANK = 0, 1, 2
NUMBER_DIGITS = frozenset("0123456789")


@dataclass(frozen=True)
class RegisterMap:
    """Where one display model keeps its text and mode (``mode_register`` None: no blinking)."""

    encoding: str = "number"            # "number", "ascii" or "segments"
    width: int = 4                      # characters on the display
    value_register: int = 0
    mode_register: int | None = 1
    write_function: int = WRITE_MULTIPLE
    steady: int = STEADY
    blink: int = BLINK
    blank: int = BLANK
    symbols: dict[str, int] = field(default_factory=lambda: {"----": 0xFFFF})   # number encoding only

    @property
    def value_count(self) -> int:
        """How many registers hold the text."""
        return {"number": 1, "ascii": (self.width + 1) // 2}.get(self.encoding, self.width)

    @property
    def letters(self) -> bool:
        return self.encoding != "number"


MODELS = {
    "number": RegisterMap(),
    "ascii": RegisterMap(encoding="ascii", width=4, value_register=0, mode_register=2),
    "segments": RegisterMap(encoding="segments", width=4, value_register=0, mode_register=4),
}


def register_map(model: str = "number", **overrides) -> RegisterMap:
    """A named model's map with some fields changed; KeyError names an unknown model."""
    if model not in MODELS:
        raise ValueError(f"unknown Modbus display model {model!r}; known: {', '.join(MODELS)}")
    return replace(MODELS[model], **{k: v for k, v in overrides.items() if v is not None})


class ModbusCodec(Codec):
    """Codec for Modbus-RTU number displays.

    >>> ModbusCodec().encode(Command(1, "1023")).hex(" ")
    '01 10 00 00 00 02 04 03 ff 00 00 c3 db'
    >>> ModbusCodec(layout=register_map("ascii")).encode(Command(1, "R001")).hex(" ")
    '01 10 00 00 00 03 06 52 30 30 31 00 00 f5 f9'
    """

    name = "modbus"
    broadcast_address = 0

    def __init__(self, register: int = 0, symbols: dict[str, int] | None = None,
                 layout: RegisterMap | None = None):
        layout = layout or RegisterMap(value_register=register, mode_register=register + 1)
        self.layout = replace(layout, symbols={"----": 0xFFFF, **layout.symbols, **(symbols or {})})
        self._image: dict[int, dict[int, int]] = {}        # display side (fakes): registers written

    # -- bus side ---------------------------------------------------------------------------------

    def fit(self, text: str) -> Fitted:
        """What the display will show for ``text``."""
        if not text or (not self.layout.letters and text in self.layout.symbols):
            return Fitted(text)
        if not self.layout.letters and not any(c.isdigit() for c in text):
            return Fitted("----", f"{text!r} shown as ----")
        alphabet = DIGITS | LETTERS if self.layout.letters else NUMBER_DIGITS
        return fit_text(text, self.layout.width, alphabet)

    def frames(self, command: Command) -> list[bytes]:
        """The write frames for ``command``: values first, then the mode."""
        if not 0 <= command.address <= 247:
            raise ValueError(f"Modbus address must be 0..247, not {command.address}")
        writes = self._writes(command)
        if self.layout.write_function == WRITE_SINGLE:
            return [self._single(command.address, reg, value) for reg, value in writes]
        return [self._single(command.address, *run[0]) if len(run) == 1 else self._multiple(command.address, run)
                for run in _runs(writes)]

    def encode(self, command: Command) -> bytes:
        """Every frame of ``command`` back to back."""
        return b"".join(self.frames(command))

    def _writes(self, command: Command) -> list[tuple[int, int]]:
        """(register, value) pairs to write, in order."""
        lay = self.layout
        if command.clear:
            if lay.mode_register is not None:
                return [(lay.mode_register, lay.blank)]
            return list(zip(self._value_registers(), self._values("")))
        writes = list(zip(self._value_registers(), self._values(self.fit(command.text).text)))
        if lay.mode_register is not None:
            writes.append((lay.mode_register, lay.blink if command.blink else lay.steady))
        return writes

    def _value_registers(self) -> range:
        return range(self.layout.value_register, self.layout.value_register + self.layout.value_count)

    def _values(self, text: str) -> list[int]:
        """Register values for a fitted text."""
        lay = self.layout
        if lay.encoding == "number":
            return [lay.symbols[text] if text in lay.symbols else int(text) if text else lay.symbols.get(" ", 0)]
        text = text.rjust(lay.width)
        if lay.encoding == "segments":
            return [glyph(c) for c in text]
        raw = text.ljust(2 * lay.value_count).encode("ascii")
        return [int.from_bytes(raw[i:i + 2], "big") for i in range(0, len(raw), 2)]

    @staticmethod
    def _single(address: int, register: int, value: int) -> bytes:
        return with_crc(bytes([address, WRITE_SINGLE]) + register.to_bytes(2, "big") + value.to_bytes(2, "big"))

    @staticmethod
    def _multiple(address: int, run: list[tuple[int, int]]) -> bytes:
        head = bytes([address, WRITE_MULTIPLE]) + run[0][0].to_bytes(2, "big")
        head += len(run).to_bytes(2, "big") + bytes([2 * len(run)])
        return with_crc(head + b"".join(value.to_bytes(2, "big") for _, value in run))

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

    # -- display side (fakes) ---------------------------------------------------------------------

    def decode(self, frame: bytes) -> tuple[Command | None, int]:
        """Device side: apply a 0x06 or 0x10 write at the start of ``frame`` to the registers."""
        size = self._request_size(frame)
        if size <= 0 or len(frame) < size:
            return None, -size if size < 0 else 0
        request = frame[:size]
        if not crc_ok(request):
            return Command(-1, ""), size
        self._apply(request)
        return self._command(request[0]), size

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

    def _apply(self, request: bytes) -> None:
        """Store the written registers in the display's image."""
        registers = self._image.setdefault(request[0], {})
        start = int.from_bytes(request[2:4], "big")
        data = request[4:6] if request[1] == WRITE_SINGLE else request[7:-2]
        for i in range(0, len(data), 2):
            registers[start + i // 2] = int.from_bytes(data[i:i + 2], "big")

    def _command(self, address: int) -> Command:
        """What display ``address`` now shows, from its registers."""
        lay, registers = self.layout, self._image.get(address, {})
        mode = registers.get(lay.mode_register, lay.steady) if lay.mode_register is not None else lay.steady
        text = self._text([registers.get(r, 0) for r in self._value_registers()])
        if mode == lay.blank or (lay.mode_register is None and not text.strip()):
            return Command(address, "", clear=True)
        return Command(address, text, blink=mode == lay.blink)

    def _text(self, values: list[int]) -> str:
        """The text register values read as."""
        if self.layout.encoding == "number":
            names = {v: k for k, v in self.layout.symbols.items()}
            return names.get(values[0], str(values[0]))
        if self.layout.encoding == "segments":
            return "".join(char_of(v) for v in values).strip()
        raw = b"".join(v.to_bytes(2, "big") for v in values)
        return raw.decode("ascii", "replace").replace("\x00", " ").strip()

    def reply(self, request: bytes, command: Command) -> bytes:
        """Device side: 0x06 is echoed whole; 0x10 echoes address, function, start, count."""
        if command.address < 0:
            return b""
        return request if request[1] == WRITE_SINGLE else with_crc(request[:6])


def _runs(writes: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Split (register, value) pairs into runs of neighbouring registers (one 0x10 frame each)."""
    runs: list[list[tuple[int, int]]] = []
    for reg, value in writes:
        if runs and runs[-1][-1][0] + 1 == reg:
            runs[-1].append((reg, value))
        else:
            runs.append([(reg, value)])
    return runs
