"""Telex input: turn plain keystrokes into Vietnamese with diacritics, for the on-screen keyboard.

Pure functions over strings, so the rules are tested with data tables (tests/satisfaction_terminal/
test_telex_*.py). Shapes: aa→â, aw→ă, ee→ê, oo→ô, ow→ơ, uw→ư, uow→ươ, dd→đ, a lone w→ư. Tones:
s sắc, f huyền, r hỏi, x ngã, j nặng, z removes the tone. Typing a mark twice undoes it and keeps
the letter ("ass" → "as").

Tone placement follows the modern rule ("kiểu mới", used by the Ministry of Education's spelling
rules): in an open syllable oa, oe, uy take the tone on the second vowel — "hoà", "khoẻ", "thuỷ" —
where the old rule wrote "hòa", "khỏe", "thủy". Pass `modern=False` for the old rule.
"""
from __future__ import annotations

import unicodedata

TONE_KEYS = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}
TONE_MARKS = set(TONE_KEYS.values())
CIRCUMFLEX, BREVE, HORN = "\u0302", "\u0306", "\u031b"
SHAPE_MARKS = {CIRCUMFLEX, BREVE, HORN}
VOWELS = set("aeiouy")


def type_key(text: str, key: str, modern: bool = True) -> str:
    """The text after typing one key (a single character) with Telex rules."""
    head, word = split_word(text)
    if len(key) != 1 or not key.isalpha():
        return text + key
    return head + compose(word, key, modern)


def type_keys(keys: str, text: str = "", modern: bool = True) -> str:
    """Type a whole string of keys, e.g. type_keys("Vieejt Nam") == "Việt Nam"."""
    for key in keys:
        text = type_key(text, key, modern)
    return text


def split_word(text: str) -> tuple[str, str]:
    """(everything before the word being typed, the word): the word is the trailing run of letters."""
    i = len(text)
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return text[:i], text[i:]


def compose(word: str, key: str, modern: bool = True) -> str:
    """Apply one key to one word."""
    low = key.lower()
    if low in TONE_KEYS or low == "z":
        changed = _tone_key(word, key, modern)
    elif low in "aeo":
        changed = _circumflex(word, key)
    elif low == "w":
        changed = _horn_or_breve(word, key)
    elif low == "d":
        changed = _stroke(word, key)
    else:
        changed = None
    if changed is None:
        changed = word + key
    return place_tone(changed, modern)


# -- letters as (base, shape, tone) ---------------------------------------------------------------

def parts(ch: str) -> tuple[str, str, str]:
    """Split a letter into its base letter, shape mark (â ă ơ ...) and tone mark."""
    decomposed = unicodedata.normalize("NFD", ch)
    base = decomposed[0]
    shape = "".join(m for m in decomposed[1:] if m in SHAPE_MARKS)
    tone = "".join(m for m in decomposed[1:] if m in TONE_MARKS)
    return base, shape, tone


def build(base: str, shape: str = "", tone: str = "") -> str:
    return unicodedata.normalize("NFC", base + shape + tone)


def tone_of(word: str) -> str:
    """The tone mark of a word ('' when level tone)."""
    for ch in word:
        tone = parts(ch)[2]
        if tone:
            return tone
    return ""


def strip_tone(word: str) -> str:
    return "".join(build(*parts(ch)[:2]) for ch in word)


def _is_vowel(ch: str) -> bool:
    return parts(ch)[0].lower() in VOWELS


# -- placing the tone ------------------------------------------------------------------------------

def vowel_span(word: str) -> tuple[int, int]:
    """[start, end) of the syllable's vowel cluster; the u of qu and the i of gi belong to the consonant."""
    lower = strip_tone(word).lower()
    start = 0
    while start < len(word) and not _is_vowel(word[start]):
        start += 1
    end = start
    while end < len(word) and _is_vowel(word[end]):
        end += 1
    if end - start > 1 and lower[start - 1:start + 1] in ("qu", "gi") and start == 1:
        start += 1
    return start, end


def tone_position(word: str, modern: bool = True) -> int | None:
    """Index of the vowel that carries the tone, or None when the word has no vowel."""
    start, end = vowel_span(word)
    if start == end:
        return None
    cluster = strip_tone(word[start:end]).lower()
    marked = [i for i in range(start, end) if parts(word[i])[1]]
    if "ươ" in cluster:
        return start + cluster.index("ươ") + 1
    if marked:
        return marked[-1]
    if end - start == 1 or end < len(word):
        return end - 1
    if len(cluster) == 3:
        return start + 1
    if modern and cluster in ("oa", "oe", "uy"):
        return start + 1
    return start


def place_tone(word: str, modern: bool = True) -> str:
    """Move the word's tone (if any) to where the placement rule puts it."""
    tone = tone_of(word)
    position = tone_position(word, modern)
    if not tone or position is None:
        return word
    plain = strip_tone(word)
    base, shape, _ = parts(plain[position])
    return plain[:position] + build(base, shape, tone) + plain[position + 1:]


# -- the keys that change a word -------------------------------------------------------------------

def _tone_key(word: str, key: str, modern: bool) -> str | None:
    if tone_position(word, modern) is None:
        return None
    current = tone_of(word)
    if key.lower() == "z":
        return strip_tone(word) if current else None
    wanted = TONE_KEYS[key.lower()]
    if current == wanted:
        return strip_tone(word) + key          # typed twice: undo, keep the letter
    return _with_tone(word, wanted)


def _with_tone(word: str, tone: str) -> str:
    plain = strip_tone(word)
    for i, ch in enumerate(plain):
        if _is_vowel(ch):
            base, shape, _ = parts(ch)
            return plain[:i] + build(base, shape, tone) + plain[i + 1:]   # place_tone moves it
    return plain


def _circumflex(word: str, key: str) -> str | None:
    start, end = vowel_span(word)
    for i in range(end - 1, start - 1, -1):
        base, shape, tone = parts(word[i])
        if base.lower() != key.lower():
            continue
        if shape == CIRCUMFLEX:
            return word[:i] + build(base, "", tone) + word[i + 1:] + key     # undo: "aaa" → "aa"
        if not shape:
            return word[:i] + build(base, CIRCUMFLEX, tone) + word[i + 1:]
    return None


def _horn_or_breve(word: str, key: str) -> str | None:
    start, end = vowel_span(word)
    lower = strip_tone(word[start:end]).lower()
    if "uo" in lower or "ưo" in lower or "uơ" in lower:
        i = start + max(lower.find("uo"), lower.find("ưo"), lower.find("uơ"))
        return _mark(_mark(word, i, HORN), i + 1, HORN)
    if lower.startswith("ua") and not word[:start].lower().endswith("q"):
        return _mark(word, start, HORN)
    for i in range(end - 1, start - 1, -1):
        base, shape, _ = parts(word[i])
        if base.lower() in "oau" and not shape:
            return _mark(word, i, BREVE if base.lower() == "a" else HORN)
    for i in range(end - 1, start - 1, -1):
        base, shape, tone = parts(word[i])
        if shape in (HORN, BREVE):
            undone = "".join(build(*parts(c)[:1], "", parts(c)[2]) if parts(c)[1] in (HORN, BREVE) else c
                             for c in word)
            return undone + key                                            # "uww" → "uw"
    if start == end:
        return word + ("Ư" if key.isupper() else "ư")
    return None


def _mark(word: str, i: int, mark: str) -> str:
    base, _, tone = parts(word[i])
    return word[:i] + build(base, mark, tone) + word[i + 1:]


def _stroke(word: str, key: str) -> str | None:
    if word[:1] in ("d", "D"):
        return ("Đ" if word[0] == "D" else "đ") + word[1:]
    if word[:1] in ("đ", "Đ"):
        return ("D" if word[0] == "Đ" else "d") + word[1:] + key          # "ddd" → "dd"
    return None
