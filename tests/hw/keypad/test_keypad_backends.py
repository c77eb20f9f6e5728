"""The same keypad checks against the fake, evdev (scripted source) and serial (loop://)."""

import json
import os

import pytest
import serial
from evdev import InputEvent, ecodes as e

from tests.hw.helpers import LiveEvdevSource
from hw.errors import UnknownBackend
from hw.keypad import EvdevKeypad, FakeKeypad, SerialKeypad, open_keypad
from hw.keypad.keymap import DEFAULT_EVDEV_KEYMAP, DEFAULT_SERIAL_KEYMAP

EVDEV_KEYS = {"next": e.KEY_KP1, "recall": e.KEY_KP2, "pause": e.KEY_KP0}
SERIAL_KEYS = {"next": b"1", "recall": b"2", "pause": b"0"}


@pytest.fixture(params=["fake", "evdev", "serial", "real"])
def pad_and_press(request):
    if request.param == "fake":
        pad = open_keypad({"backend": "fake"})
        yield pad, pad.press
    elif request.param == "evdev":
        source = LiveEvdevSource()
        pad = EvdevKeypad(lambda: source, DEFAULT_EVDEV_KEYMAP)
        pad.start()
        yield pad, lambda a: source.push([InputEvent(0, 0, e.EV_KEY, EVDEV_KEYS[a], 1),
                                          InputEvent(0, 0, e.EV_KEY, EVDEV_KEYS[a], 2),
                                          InputEvent(0, 0, e.EV_KEY, EVDEV_KEYS[a], 0)])
    elif request.param == "serial":
        port = serial.serial_for_url("loop://", timeout=0.05)
        pad = SerialKeypad(lambda: port, DEFAULT_SERIAL_KEYMAP)
        pad.start()
        yield pad, lambda a: port.write(SERIAL_KEYS[a])
    else:
        raw = os.environ.get("MOTCUA_TEST_KEYPAD")
        if not raw:
            pytest.skip("no real keypad: set MOTCUA_TEST_KEYPAD to its JSON config")
        pad = open_keypad(json.loads(raw))
        yield pad, lambda a: print(f"press {a} now")
    pad.close()


def test_keypad_delivers_actions_in_order_once_per_press(pad_and_press):
    pad, press = pad_and_press
    for action in ("next", "recall", "pause"):
        press(action)
    assert [pad.get(timeout=30) for _ in range(3)] == ["next", "recall", "pause"]
    assert pad.get(timeout=0.3) is None


def test_fake_keypad_press_key_uses_keymap():
    pad = FakeKeypad({"KEY_F1": "finish"})
    pad.press_key("KEY_F1")
    pad.press_key("KEY_F2")
    assert pad.get(0) == "finish" and pad.get(0) is None


def test_fake_keypad_rejects_unknown_action():
    with pytest.raises(ValueError):
        FakeKeypad().press("coffee")


def test_serial_keypad_line_mode():
    pad = SerialKeypad(lambda: None, {"F1": "transfer"}, lines=True)
    pad.feed(b"F1\r\nF9\r\n")
    assert pad.get(0) == "transfer" and pad.get(0) is None


def test_open_keypad_unknown_backend():
    with pytest.raises(UnknownBackend):
        open_keypad({"backend": "bluetooth"})


def test_open_keypad_callback_gets_actions():
    got = []
    pad = open_keypad({"backend": "fake", "keymap": {"KEY_F5": "absent"}}, on_action=got.append)
    pad.press_key("KEY_F5")
    assert got == ["absent"]


def test_open_keypad_reports_a_missing_serial_keypad():
    import threading

    lost = threading.Event()
    pad = open_keypad({"backend": "serial", "port": "/dev/nonexistent-keypad"},
                      on_state=lambda s: s.value == "disconnected" and lost.set())
    assert lost.wait(3)
    pad.close()
