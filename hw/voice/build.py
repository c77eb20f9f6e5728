"""Make or mend a voice pack: synthesise clips offline with espeak-ng, bring every clip to one level.

A centre replaces any clip with a professional recording of the same file name
(`motcua voice script` lists them with the words to say), then runs `motcua voice normalise`.
"""

import array
import io
import math
import subprocess
import wave
from pathlib import Path

from hw.voice.loudness import normalise
from hw.voice.pack import CHANNELS, SAMPLE_RATE, SAMPLE_WIDTH, required_clips

THRESHOLD = 400
PAD_MS = 15


def speak(text: str, speed: int = 150) -> array.array:
    """Samples of ``text`` spoken by espeak-ng's Vietnamese voice (22050 Hz mono 16-bit)."""
    wav = subprocess.run(["espeak-ng", "-v", "vi", "-s", str(speed), "--stdout", text],
                         check=True, capture_output=True).stdout
    return _samples(io.BytesIO(wav))


def trim(samples: array.array) -> array.array:
    """Cut silence before the first and after the last sample louder than THRESHOLD."""
    loud = [i for i, s in enumerate(samples) if abs(s) > THRESHOLD]
    if not loud:
        return samples
    pad = SAMPLE_RATE * PAD_MS // 1000
    return samples[max(0, loud[0] - pad):loud[-1] + pad]


def chime() -> array.array:
    """A soft two-note "ding-dong" (E6 then C6) with exponential decay, 0.9 s."""
    out = array.array("h")
    for freq, length in ((1318.5, 0.45), (1046.5, 0.45)):
        for i in range(int(SAMPLE_RATE * length)):
            t = i / SAMPLE_RATE
            out.append(int(9000 * math.exp(-5 * t) * math.sin(2 * math.pi * freq * t)))
    return out


def read_clip(path: Path) -> array.array:
    """The samples of a clip file in the pack's format."""
    with open(path, "rb") as f:
        return _samples(f)


def write_clip(path: Path, samples: array.array) -> None:
    """Write samples as a 22050 Hz mono 16-bit WAV."""
    with wave.open(str(path), "wb") as w:
        w.setnchannels(CHANNELS)
        w.setsampwidth(SAMPLE_WIDTH)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(samples.tobytes())


def build_pack(out: Path, counter_names=(), speed: int = 150, only_missing: bool = False) -> list[str]:
    """Synthesise every required clip (or only the missing ones) into `out`, normalised; returns their names."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in required_clips(counter_names).items():
        if only_missing and (out / f"{name}.wav").is_file():
            continue
        samples = chime() if name == "chime" else normalise(trim(speak(text, speed)))
        write_clip(out / f"{name}.wav", samples)
        written.append(name)
    return written


def normalise_pack(directory: Path) -> list[str]:
    """Bring every voice clip of a pack to the same loudness (the chime is left as it is)."""
    done = []
    for path in sorted(directory.glob("*.wav")):
        if path.stem != "chime":
            write_clip(path, normalise(read_clip(path)))
            done.append(path.stem)
    return done


def _samples(source) -> array.array:
    with wave.open(source, "rb") as w:
        fmt = (w.getframerate(), w.getnchannels(), w.getsampwidth())
        if fmt != (SAMPLE_RATE, CHANNELS, SAMPLE_WIDTH):
            raise ValueError(f"format {fmt}, expected 22050 Hz mono 16-bit")
        return array.array("h", w.readframes(w.getnframes()))
