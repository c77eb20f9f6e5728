"""A voice pack: one WAV clip per word token, all in one sample format, named in ASCII (telex).

Besides numbers and letters, a pack holds one clip per counter sign name ("Quầy tổng hợp"), so a
call says what the sign over the counter says; `required_clips(counter_names)` lists them.
"""

import array
import re
import statistics
import unicodedata
import wave
from dataclasses import dataclass
from pathlib import Path

from hw.voice.loudness import TOLERANCE_DB
from hw.voice.numbers import DIGITS

SAMPLE_RATE = 22050
CHANNELS = 1
SAMPLE_WIDTH = 2
DEFAULT_PACK = Path(__file__).resolve().parent.parent / "voice_pack" / "vi"

PHRASES = {
    "chime": None,
    "call_ticket": "Mời công dân có số thứ tự",
    "to_counter": "đến quầy số",
    "to": "đến",
}
NAME_PREFIX = "ten_"
"""File stems of counter-name clips: "ten_" + the name in telex, words joined by "_"."""
NUMBER_WORDS = (*DIGITS, "mốt", "tư", "lăm", "mười", "mươi", "trăm", "nghìn", "triệu", "tỷ",
                "linh", "lẻ")
LETTER_NAMES = {
    "a": "a", "b": "bê", "c": "xê", "d": "dê", "e": "e", "f": "ép", "g": "giê", "h": "hát",
    "i": "i", "j": "gi", "k": "ca", "l": "e lờ", "m": "em mờ", "n": "en nờ", "o": "o", "p": "pê",
    "q": "cu", "r": "e rờ", "s": "ét xì", "t": "tê", "u": "u", "v": "vê", "w": "vê kép",
    "x": "ích xì", "y": "i dài", "z": "dét",
}
TONES = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
VOWEL_MARKS = {"\u0306": "w", "\u031b": "w"}


class VoicePackError(Exception):
    """A clip is missing or not in the pack's sample format."""


def telex(word: str) -> str:
    """ASCII file name of a Vietnamese word in telex: "mười" → "muwowif", "đến" → "ddeens"."""
    tone = ""
    out = []
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch in TONES:
            tone = TONES[ch]
        elif ch in VOWEL_MARKS:
            out.append(VOWEL_MARKS[ch])
        elif ch == "\u0302":
            out.append(out[-1])
        elif ch == "đ":
            out.append("dd")
        else:
            out.append(ch)
    return "".join(out) + tone


def name_token(name: str) -> str:
    """The token (and file stem) of a counter's sign name: "Quầy tổng hợp" → "ten_quaafy_toongr_howpj"."""
    words = re.findall(r"\w+", unicodedata.normalize("NFC", name.lower()))
    return NAME_PREFIX + "_".join(telex(word) for word in words)


def clip_name(token: str) -> str:
    """File stem of a token: phrase, letter and name ids as they are, number words in telex."""
    if token in PHRASES or token.startswith(("letter_", NAME_PREFIX)):
        return token
    return telex(token)


def required_clips(counter_names=()) -> dict[str, str]:
    """Every file stem a complete pack needs, mapped to the Vietnamese text it says; with the
    centre's counter sign names, their clips too."""
    clips = {name: text or "(chime)" for name, text in PHRASES.items()}
    clips.update({telex(word): word for word in NUMBER_WORDS})
    clips.update({f"letter_{c}": name for c, name in LETTER_NAMES.items()})
    clips.update({name_token(name): name for name in counter_names if name})
    return clips


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a pack, for `motcua voice check`."""

    clip: str
    text: str
    problem_vi: str
    problem_en: str


@dataclass(frozen=True)
class Clip:
    """Raw PCM frames of one clip in the pack's sample format."""

    frames: bytes


class VoicePack:
    """Loads clips from a directory of ``<stem>.wav`` files (22050 Hz mono 16-bit).

    >>> pack = VoicePack()            # the bundled espeak-ng pack
    >>> pack.clip("mười").frames[:2]  # doctest: +SKIP
    """

    def __init__(self, directory: str | Path = DEFAULT_PACK):
        self.directory = Path(directory)
        self._cache: dict[str, Clip] = {}

    def clip(self, token: str) -> Clip:
        """The clip for a token, loaded once and checked for the sample format."""
        name = clip_name(token)
        if name not in self._cache:
            self._cache[name] = self._load(self.directory / f"{name}.wav")
        return self._cache[name]

    def has(self, token: str) -> bool:
        """Whether the pack has a clip file for this token."""
        return (self.directory / f"{clip_name(token)}.wav").is_file()

    def missing(self, counter_names=()) -> list[str]:
        """File stems of ``required_clips()`` absent from the directory."""
        return [n for n in required_clips(counter_names) if not (self.directory / f"{n}.wav").is_file()]

    def check(self, counter_names=(), tolerance_db: float = TOLERANCE_DB) -> list[Problem]:
        """Missing clips, clips in another format, and clips much louder or quieter than the rest."""
        from hw.voice.loudness import rms_dbfs
        clips = required_clips(counter_names)
        problems = [Problem(n, clips[n], "thiếu tệp ghi âm", "clip missing") for n in self.missing(counter_names)]
        levels = {}
        for name in clips:
            try:
                if self.has(name):
                    levels[name] = rms_dbfs(array.array("h", self.clip(name).frames))
            except VoicePackError as exc:
                problems.append(Problem(name, clips[name], f"sai định dạng ({exc})", f"wrong format ({exc})"))
        voices = [v for n, v in levels.items() if n != "chime"]
        median = statistics.median(voices) if voices else 0.0
        for name, level in levels.items():
            if name != "chime" and abs(level - median) > tolerance_db:
                diff = level - median
                problems.append(Problem(name, clips[name],
                                        f"{'to' if diff > 0 else 'nhỏ'} hơn các tệp khác {abs(diff):.1f} dB",
                                        f"{abs(diff):.1f} dB {'louder' if diff > 0 else 'quieter'} than the others"))
        return problems

    @staticmethod
    def _load(path: Path) -> Clip:
        """Read a clip file, refusing a different sample format."""
        if not path.is_file():
            raise VoicePackError(f"missing voice clip {path}")
        with wave.open(str(path), "rb") as w:
            fmt = (w.getframerate(), w.getnchannels(), w.getsampwidth())
            if fmt != (SAMPLE_RATE, CHANNELS, SAMPLE_WIDTH):
                raise VoicePackError(f"{path}: format {fmt}, expected 22050 Hz mono 16-bit")
            return Clip(w.readframes(w.getnframes()))
