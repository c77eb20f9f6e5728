#!/usr/bin/env python3
"""Generate the default Vietnamese voice pack offline with espeak-ng into hw/voice_pack/vi/.

Every clip is 22050 Hz mono 16-bit with leading/trailing silence trimmed, plus a generated
two-tone chime. A centre can replace any clip with a professional recording of the same name
(see docs/hardware.md for the list).  Usage: scripts/make_voice_pack.py [--out DIR] [--speed 150]
"""

import argparse
import array
import io
import math
import subprocess
import sys
import wave
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from hw.voice.pack import DEFAULT_PACK, SAMPLE_RATE, required_clips  # noqa: E402

THRESHOLD = 400
PAD_MS = 15


def speak(text: str, speed: int) -> array.array:
    """Samples of ``text`` spoken by espeak-ng's Vietnamese voice (22050 Hz mono 16-bit)."""
    wav = subprocess.run(["espeak-ng", "-v", "vi", "-s", str(speed), "--stdout", text],
                         check=True, capture_output=True).stdout
    with wave.open(io.BytesIO(wav)) as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (SAMPLE_RATE, 1, 2)
        return array.array("h", w.readframes(w.getnframes()))


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


def write(path: Path, samples: array.array) -> None:
    """Write samples as a 22050 Hz mono 16-bit WAV."""
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(samples.tobytes())


def main() -> None:
    """Generate every required clip."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_PACK)
    parser.add_argument("--speed", type=int, default=150, help="espeak-ng words per minute")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in required_clips().items():
        samples = chime() if name == "chime" else trim(speak(text, args.speed))
        write(args.out / f"{name}.wav", samples)
    print(f"wrote {len(required_clips())} clips to {args.out}")


if __name__ == "__main__":
    main()
