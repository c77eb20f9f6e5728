"""Key maps: defaults, validation, lookup by evdev names."""

import pytest
from evdev import ecodes as e

from hw.keypad.keymap import (ACTIONS, DEFAULT_EVDEV_KEYMAP, DEFAULT_SERIAL_KEYMAP, action_for,
                              key_names, make_keymap)


@pytest.mark.parametrize("code, action", [
    (e.KEY_KP1, "next"), (e.KEY_KP2, "recall"), (e.KEY_KP3, "absent"), (e.KEY_KP4, "transfer"),
    (e.KEY_KP5, "finish"), (e.KEY_KP0, "pause"), (e.KEY_KPENTER, "next"), (e.KEY_F12, None)])
def test_default_keymap_table(code, action):
    assert action_for(DEFAULT_EVDEV_KEYMAP, key_names(code)) == action


def test_defaults_cover_every_action():
    assert set(DEFAULT_EVDEV_KEYMAP.values()) == set(ACTIONS) == set(DEFAULT_SERIAL_KEYMAP.values())


def test_make_keymap_rejects_unknown_action():
    with pytest.raises(ValueError, match="call_next"):
        make_keymap({"KEY_F1": "call_next"}, DEFAULT_EVDEV_KEYMAP)


def test_make_keymap_configured_replaces_default():
    assert make_keymap({"KEY_F1": "next"}, DEFAULT_EVDEV_KEYMAP) == {"KEY_F1": "next"}


def test_key_names_handles_aliases():
    assert "KEY_MUTE" in key_names(e.KEY_MUTE)
