"""Loudness of voice clips: measure in dBFS and bring every clip of a pack to one level.

Clips recorded (or synthesised) one by one come out at different levels; played back to back in
one call, a quiet word is lost in a noisy hall. Pure functions on 16-bit PCM samples.
"""

import array
import math

FULL_SCALE = 32768
TARGET_RMS_DBFS = -18.0
PEAK_LIMIT_DBFS = -1.0
TOLERANCE_DB = 3.0
"""How far a clip may sit from the pack's median level before `check` reports it."""


def rms_dbfs(samples: array.array) -> float:
    """Root-mean-square level in dB below full scale (-inf for silence)."""
    if not samples:
        return -math.inf
    rms = math.sqrt(sum(s * s for s in samples) / len(samples))
    return 20 * math.log10(rms / FULL_SCALE) if rms else -math.inf


def peak_dbfs(samples: array.array) -> float:
    """The loudest sample in dB below full scale (-inf for silence)."""
    peak = max((abs(s) for s in samples), default=0)
    return 20 * math.log10(peak / FULL_SCALE) if peak else -math.inf


def normalise(samples: array.array, target_dbfs: float = TARGET_RMS_DBFS,
              peak_limit_dbfs: float = PEAK_LIMIT_DBFS) -> array.array:
    """The samples scaled to `target_dbfs` RMS, never louder than `peak_limit_dbfs` at the peak."""
    level, peak = rms_dbfs(samples), peak_dbfs(samples)
    if level == -math.inf:
        return array.array("h", samples)
    gain_db = min(target_dbfs - level, peak_limit_dbfs - peak)
    gain = 10 ** (gain_db / 20)
    return array.array("h", (max(-FULL_SCALE, min(FULL_SCALE - 1, round(s * gain))) for s in samples))
