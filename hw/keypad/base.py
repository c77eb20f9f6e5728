"""The keypad interface: every backend delivers action names to one inbox."""

from collections.abc import Callable, Mapping

from hw.keypad.keymap import action_for
from hw.reader import DeviceState, Inbox


class Keypad:
    """Delivers "next", "recall", … to ``get()`` and ``on_action``.

    >>> pad = FakeKeypad(); pad.press("next"); pad.get(0)    # doctest: +SKIP
    'next'
    """

    def __init__(self, keymap: Mapping[str, str], on_action: Callable[[str], None] | None = None):
        self.keymap = dict(keymap)
        self.inbox: Inbox[str] = Inbox(on_action)
        self.state = DeviceState.CONNECTED

    def deliver_key(self, names: list[str]) -> None:
        """Queue the action mapped to a key (unmapped keys are ignored)."""
        if (action := action_for(self.keymap, names)) is not None:
            self.inbox.put(action)

    def get(self, timeout: float | None = None) -> str | None:
        """The next action, or None after ``timeout`` seconds."""
        return self.inbox.get(timeout)

    def close(self) -> None:
        """Stop reading; safe to call twice."""
        self.state = DeviceState.CLOSED

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
