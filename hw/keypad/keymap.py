"""Counter keypad actions and key maps (key name → action), pure."""

from collections.abc import Mapping

ACTIONS = ("next", "recall", "absent", "transfer", "finish", "pause")
DEFAULT_EVDEV_KEYMAP = {
    "KEY_KP1": "next", "KEY_KP2": "recall", "KEY_KP3": "absent",
    "KEY_KP4": "transfer", "KEY_KP5": "finish", "KEY_KP0": "pause", "KEY_KPENTER": "next",
    "KEY_1": "next", "KEY_2": "recall", "KEY_3": "absent",
    "KEY_4": "transfer", "KEY_5": "finish", "KEY_0": "pause",
}
DEFAULT_SERIAL_KEYMAP = {"1": "next", "2": "recall", "3": "absent", "4": "transfer",
                         "5": "finish", "0": "pause"}


def make_keymap(config: Mapping[str, str] | None, default: Mapping[str, str]) -> dict[str, str]:
    """The configured key map (or the default), checked: every value must be a known action."""
    keymap = dict(default if config is None else config)
    unknown = {a for a in keymap.values() if a not in ACTIONS}
    if unknown:
        raise ValueError(f"unknown keypad actions {sorted(unknown)}; use {', '.join(ACTIONS)}")
    return keymap


def key_names(code: int) -> list[str]:
    """evdev's names for a key code (some codes have aliases, e.g. KEY_MUTE / KEY_MIN_INTERESTING)."""
    from evdev import ecodes

    names = ecodes.KEY.get(code, [])
    return [names] if isinstance(names, str) else list(names)


def action_for(keymap: Mapping[str, str], names: list[str]) -> str | None:
    """The action of the first mapped name, or None for an unmapped key."""
    return next((keymap[n] for n in names if n in keymap), None)
