"""The display's voice: hw's VoiceQueue with this display's volume applied to every WAV."""
from __future__ import annotations

import array
import io
import sys
import wave

from hw.voice import AudioOutput, VoicePack, VoicePackError, VoiceQueue, open_audio
from hw.voice.pack import DEFAULT_PACK

from .config import DisplayVoiceConfig


def scale_wav(wav: bytes, volume: float) -> bytes:
    """The same 16-bit WAV with every sample multiplied by `volume` (0–1)."""
    if volume >= 1.0:
        return wav
    with wave.open(io.BytesIO(wav)) as r:
        params, frames = r.getparams(), r.readframes(r.getnframes())
    samples = array.array("h", frames)
    if sys.byteorder == "big":
        samples.byteswap()
    samples = array.array("h", (int(s * volume) for s in samples))
    if sys.byteorder == "big":
        samples.byteswap()
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setparams(params)
        w.writeframes(samples.tobytes())
    return out.getvalue()


class VolumeOutput(AudioOutput):
    """An audio output that plays every WAV at `volume` (pygame's mixer volume is per channel and
    reset by each new Sound, so the samples themselves are scaled)."""

    def __init__(self, inner: AudioOutput, volume: float):
        self.inner = inner
        self.volume = volume

    def play(self, wav: bytes) -> None:
        self.inner.play(scale_wav(wav, self.volume))

    def close(self) -> None:
        self.inner.close()


def open_display_voice(cfg: DisplayVoiceConfig, output: AudioOutput | None = None) -> VoiceQueue | None:
    """The voice queue for this display, or None when announcements are off."""
    if not cfg.enabled:
        return None
    section = cfg.hw_section()
    pack = VoicePack(section.get("pack") or DEFAULT_PACK)
    if missing := pack.missing():
        raise VoicePackError(f"voice pack {pack.directory} lacks {', '.join(missing)}")
    return VoiceQueue(VolumeOutput(output or open_audio(section), cfg.volume), pack,
                      section.get("zero_tens", "linh"), bool(section.get("digit_by_digit", False)))
