"""Compose announcements as token lists and assemble them into one WAV from a voice pack."""

import io
import wave
from dataclasses import dataclass

from hw.voice.numbers import read_number, read_ticket
from hw.voice.pack import CHANNELS, SAMPLE_RATE, SAMPLE_WIDTH, VoicePack

GAP_MS = 40
PHRASE_GAP_MS = 250
TAIL_MS = 500


@dataclass(frozen=True)
class Announcement:
    """One call: "Mời công dân có số thứ tự <ticket> đến quầy số <counter>".

    ``recall`` marks a repeated call; the queue announces it again, it never de-duplicates.
    """

    ticket: str
    counter: int
    recall: bool = False
    digit_by_digit: bool = False


def call_tokens(a: Announcement, zero_tens: str = "linh") -> list[str]:
    """The clip tokens of an announcement, opening chime first."""
    return (["chime", "call_ticket"] + read_ticket(a.ticket, a.digit_by_digit, zero_tens)
            + ["to_counter"] + read_number(a.counter, zero_tens))


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
                                       or token == "to_counter" else GAP_MS))
            w.writeframes(pack.clip(token).frames)
        w.writeframes(_silence(TAIL_MS))
    return out.getvalue()
