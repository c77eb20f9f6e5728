"""The keypad interface: every backend delivers action names to one inbox."""

from collections.abc import Callable, Mapping

from hw.keypad.keymap import action_for
from hw.reader import InputDevice


class Keypad(InputDevice[str]):
    """Delivers "next", "recall", … to ``get()`` and ``on_action``.

    >>> pad = FakeKeypad(); pad.press("next"); pad.get(0)    # doctest: +SKIP
    'next'
    """

    def __init__(self, keymap: Mapping[str, str], on_action: Callable[[str], None] | None = None):
        super().__init__(on_action)
        self.keymap = dict(keymap)

    def deliver_key(self, names: list[str]) -> None:
        """Queue the action mapped to a key (unmapped keys are ignored)."""
        if (action := action_for(self.keymap, names)) is not None:
            self.inbox.put(action)

