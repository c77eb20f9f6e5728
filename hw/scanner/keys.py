"""Turn evdev key events from a keyboard-wedge scanner into text (pure, US layout)."""

from evdev import ecodes as e

EV_KEY, KEY_DOWN, KEY_UP = e.EV_KEY, 1, 0
SHIFTS = {e.KEY_LEFTSHIFT, e.KEY_RIGHTSHIFT}
END_KEYS = {e.KEY_ENTER, e.KEY_KPENTER, e.KEY_TAB}
_PAIRS = {
    e.KEY_1: "1!", e.KEY_2: "2@", e.KEY_3: "3#", e.KEY_4: "4$", e.KEY_5: "5%", e.KEY_6: "6^",
    e.KEY_7: "7&", e.KEY_8: "8*", e.KEY_9: "9(", e.KEY_0: "0)", e.KEY_MINUS: "-_",
    e.KEY_EQUAL: "=+", e.KEY_LEFTBRACE: "[{", e.KEY_RIGHTBRACE: "]}", e.KEY_SEMICOLON: ";:",
    e.KEY_APOSTROPHE: "'\"", e.KEY_GRAVE: "`~", e.KEY_BACKSLASH: "\\|", e.KEY_COMMA: ",<",
    e.KEY_DOT: ".>", e.KEY_SLASH: "/?", e.KEY_SPACE: "  ",
    e.KEY_KP0: "00", e.KEY_KP1: "11", e.KEY_KP2: "22", e.KEY_KP3: "33", e.KEY_KP4: "44",
    e.KEY_KP5: "55", e.KEY_KP6: "66", e.KEY_KP7: "77", e.KEY_KP8: "88", e.KEY_KP9: "99",
    e.KEY_KPDOT: "..", e.KEY_KPMINUS: "--", e.KEY_KPPLUS: "++", e.KEY_KPASTERISK: "**",
    e.KEY_KPSLASH: "//",
}
KEY_CHARS: dict[int, str] = {
    **_PAIRS, **{getattr(e, f"KEY_{c}"): c.lower() + c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}}


class KeyDecoder:
    """Feed key events; returns the scanned text when Enter or Tab ends it.

    >>> from evdev import InputEvent, ecodes as e
    >>> d = KeyDecoder(); d.feed(InputEvent(0, 0, e.EV_KEY, e.KEY_A, 1))
    >>> d.feed(InputEvent(0, 0, e.EV_KEY, e.KEY_ENTER, 1))
    'a'
    """

    def __init__(self, max_length: int = 512):
        self.max_length = max_length
        self.shift = False
        self.caps = False
        self._chars: list[str] = []

    def feed(self, event) -> str | None:
        """Process one event; the finished scan at its end key, else None."""
        if event.type != EV_KEY:
            return None
        if event.code in SHIFTS:
            self.shift = event.value != KEY_UP
            return None
        if event.value != KEY_DOWN:
            return None
        if event.code == e.KEY_CAPSLOCK:
            self.caps = not self.caps
        elif event.code in END_KEYS:
            return self._finish()
        elif event.code in KEY_CHARS and len(self._chars) <= self.max_length:
            self._chars.append(self._char(event.code))
        return None

    def _char(self, code: int) -> str:
        """The character of a key under the current shift and caps-lock state."""
        lower, upper = KEY_CHARS[code]
        upper_case = self.shift != (self.caps and lower.isalpha())
        return upper if upper_case else lower

    def _finish(self) -> str | None:
        """End the scan: its text, or None for an empty one."""
        text, self._chars = "".join(self._chars), []
        return text or None
