"""Decoding keyboard-wedge key events into scanned text."""

import string

import pytest
from evdev import InputEvent, ecodes as e
from hypothesis import given, settings, strategies as st

from tests.hw.helpers import key_events
from hw.scanner.keys import KeyDecoder


def decode(events, max_length=512):
    decoder = KeyDecoder(max_length)
    return [text for ev in events if (text := decoder.feed(ev)) is not None]


def key(code, value=1):
    return InputEvent(0, 0, e.EV_KEY, code, value)


@pytest.mark.parametrize("text", [
    "000.17.22.H56-210531-0001", "H12.22-231012-0001", "https://q.vn/t/Ab_9?x=1&y=2", "a b"])
def test_decode_roundtrip_table(text):
    assert decode(key_events(text)) == [text]


def test_decode_tab_ends_a_scan():
    assert decode(key_events("A1", end="KEY_TAB")) == ["A1"]


def test_decode_keypad_keys():
    events = [key(e.KEY_KP1), key(e.KEY_KP0), key(e.KEY_KPDOT), key(e.KEY_KPMINUS),
              key(e.KEY_KP7), key(e.KEY_KPENTER)]
    assert decode(events) == ["10.-7"]


def test_decode_caps_lock_inverts_letters_only():
    events = [key(e.KEY_CAPSLOCK), key(e.KEY_H), key(e.KEY_1), key(e.KEY_ENTER)]
    assert decode(events) == ["H1"]


def test_decode_ignores_autorepeat_and_empty_scans():
    events = [key(e.KEY_ENTER), key(e.KEY_A), key(e.KEY_A, 2), key(e.KEY_ENTER)]
    assert decode(events) == ["a"]


def test_decode_caps_runaway_input_at_max_length():
    assert decode(key_events("1" * 50), max_length=10) == ["1" * 11]


@settings(deadline=None)
@given(st.text(alphabet=string.ascii_letters + string.digits + "-./:?=&_ ", max_size=80))
def test_decode_any_printable_roundtrip(text):
    expected = [text] if text else []
    assert decode(key_events(text)) == expected
