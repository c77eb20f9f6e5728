"""A fake counter keypad."""

from collections.abc import Callable, Mapping

from hw.keypad.base import Keypad
from hw.keypad.keymap import ACTIONS, DEFAULT_EVDEV_KEYMAP


class FakeKeypad(Keypad):
    """Press actions or keys by name.

    >>> pad = FakeKeypad(); pad.press("recall"); pad.press_key("KEY_KP1"); pad.get(0), pad.get(0)
    ('recall', 'next')
    """

    def __init__(self, keymap: Mapping[str, str] = DEFAULT_EVDEV_KEYMAP,
                 on_action: Callable[[str], None] | None = None):
        super().__init__(keymap, on_action)

    def press(self, action: str) -> None:
        """Deliver ``action`` as if its key was pressed."""
        if action not in ACTIONS:
            raise ValueError(f"unknown keypad action {action!r}")
        self.inbox.put(action)

    def press_key(self, name: str) -> None:
        """Press a key by name, going through the key map."""
        self.deliver_key([name])
