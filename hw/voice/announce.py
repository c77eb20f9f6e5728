"""Compose announcements as token lists and assemble them into one WAV from a voice pack."""

import io
import wave
from dataclasses import dataclass

from hw.voice.numbers import read_number, read_ticket
from hw.voice.pack import CHANNELS, SAMPLE_RATE, SAMPLE_WIDTH, VoicePack, name_token

GAP_MS = 40
PHRASE_GAP_MS = 250
TAIL_MS = 500


@dataclass(frozen=True)
class Announcement:
    """One call: "Mời công dân có số thứ tự <ticket> đến quầy số <counter>", or "… đến <counter_name>"
    when the counter's sign has a name ("Quầy tổng hợp").

    ``recall`` marks a repeated call; the queue announces it again, it never de-duplicates.
    """

    ticket: str
    counter: int
    recall: bool = False
    digit_by_digit: bool = False
    counter_name: str = ""


def sign_name(label: str, number: int) -> str:
    """The counter's own sign name, or "" when its label is just "Quầy <number>"."""
    return "" if not label or label.strip().lower() == f"quầy {number}" else label.strip()


def call_tokens(a: Announcement, zero_tens: str = "linh", named: bool = False) -> list[str]:
    """The clip tokens of an announcement, opening chime first; `named`: say the counter's sign name."""
    counter = ["to", name_token(a.counter_name)] if named and a.counter_name else (
        ["to_counter"] + read_number(a.counter, zero_tens))
    return ["chime", "call_ticket"] + read_ticket(a.ticket, a.digit_by_digit, zero_tens) + counter


def pack_tokens(a: Announcement, pack: VoicePack, zero_tens: str = "linh") -> list[str]:
    """The tokens to play with this pack: the sign name when the pack has its clip, else the number."""
    return call_tokens(a, zero_tens, named=bool(a.counter_name) and pack.has(name_token(a.counter_name)))


def _silence(ms: int) -> bytes:
    """PCM silence of the pack's format lasting ``ms`` milliseconds."""
    return b"\x00" * (SAMPLE_RATE * ms // 1000 * SAMPLE_WIDTH * CHANNELS)


def assemble(tokens: list[str], pack: VoicePack) -> bytes:
    """One WAV file (bytes) with the clips of ``tokens`` in order, short gaps between words,
    and a trailing pause so consecutive calls in the queue do not run together."""
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(CHANNELS)
        w.setsampwidth(SAMPLE_WIDTH)
        w.setframerate(SAMPLE_RATE)
        for i, token in enumerate(tokens):
            if i:
                w.writeframes(_silence(PHRASE_GAP_MS if tokens[i - 1] in ("chime", "call_ticket")
                                       or token in ("to_counter", "to") else GAP_MS))
            w.writeframes(pack.clip(token).frames)
        w.writeframes(_silence(TAIL_MS))
    return out.getvalue()
