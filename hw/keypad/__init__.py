"""Counter keypads: ``open_keypad(config, on_action)`` → a Keypad delivering action names."""

from collections.abc import Callable, Mapping
from typing import Any

from hw.backends import choose_backend
from hw.evdev_input import evdev_opener
from hw.keypad.base import Keypad
from hw.keypad.evdev_keypad import EvdevKeypad
from hw.keypad.fake import FakeKeypad
from hw.keypad.keymap import ACTIONS, DEFAULT_EVDEV_KEYMAP, DEFAULT_SERIAL_KEYMAP, make_keymap
from hw.keypad.serial_keypad import SerialKeypad
from hw.serial_wire import serial_opener
from hw.reader import DeviceState

__all__ = ["ACTIONS", "EvdevKeypad", "FakeKeypad", "Keypad", "SerialKeypad", "open_keypad"]


def _evdev(config, on_action, on_state):
    """A started EvdevKeypad for a config section."""
    pad = EvdevKeypad(evdev_opener(config), make_keymap(config.get("keymap"), DEFAULT_EVDEV_KEYMAP),
                      on_action, on_state=on_state)
    pad.start()
    return pad


def _serial(config, on_action, on_state):
    """A started SerialKeypad for a config section (wire settings as hw.config.SerialWire)."""
    pad = SerialKeypad(serial_opener(config),
                       make_keymap(config.get("keymap"), DEFAULT_SERIAL_KEYMAP), on_action,
                       lines=bool(config.get("lines", False)), on_state=on_state)
    pad.start()
    return pad


def open_keypad(config: Mapping[str, Any], on_action: Callable[[str], None] | None = None,
                on_state: Callable[[DeviceState], None] | None = None) -> Keypad:
    """Start the keypad named by ``config["backend"]``: "evdev", "serial" or "fake";
    ``on_state`` hears CONNECTED / DISCONNECTED."""
    return choose_backend("keypad", config, {
        "evdev": lambda c: _evdev(c, on_action, on_state),
        "serial": lambda c: _serial(c, on_action, on_state),
        "fake": lambda c: FakeKeypad(make_keymap(c.get("keymap"), DEFAULT_EVDEV_KEYMAP), on_action),
    })
