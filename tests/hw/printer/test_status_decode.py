"""Decoding DLE EOT 1/2/3/4 answers into one state per fault (a table of real printer bytes)."""

import pytest

from hw.printer.emulator import PrinterModel
from hw.printer.status import PrinterStatus, read_status, status_byte


def asker(replies: dict[int, int | None]):
    """An ``ask(n)`` answering from a table; a question the table lacks fails the test."""
    return lambda n: replies[n]


@pytest.mark.parametrize("replies, state", [
    ({1: 0x16, 4: 0x12}, PrinterStatus.ONLINE),                       # TM-T20 online
    ({1: 0x12, 4: 0x12}, PrinterStatus.ONLINE),                       # no drawer pin bit
    ({1: 0x16, 4: 0x1E}, PrinterStatus.PAPER_NEAR_END),
    ({1: 0x1E, 2: 0x16}, PrinterStatus.COVER_OPEN),                   # TM-T20 cover open: 1E / 16 / 12
    ({1: 0x1E, 2: 0x32}, PrinterStatus.PAPER_OUT),                    # stopped at paper end
    ({1: 0x16, 4: 0x72}, PrinterStatus.PAPER_OUT),
    ({1: 0x1E, 2: 0x52, 3: 0x1A}, PrinterStatus.CUTTER_ERROR),
    ({1: 0x1E, 2: 0x52, 3: 0x32}, PrinterStatus.UNRECOVERABLE_ERROR),
    ({1: 0x1E, 2: 0x52, 3: 0x52}, PrinterStatus.AUTO_RECOVERABLE_ERROR),
    ({1: 0x1E, 2: 0x52, 3: 0x12}, PrinterStatus.UNRECOVERABLE_ERROR),  # an error it cannot name
    ({1: 0x1E, 2: 0x1A}, PrinterStatus.FEED_BUTTON),                  # feeding by the button
    ({1: 0x56}, PrinterStatus.FEED_BUTTON),                           # button held, online
    ({1: 0x1E, 2: 0x12}, PrinterStatus.OFFLINE),                      # offline, no cause given
    ({1: None}, PrinterStatus.NO_ANSWER),
    ({1: 0x1E, 2: None}, PrinterStatus.NO_ANSWER),
    ({1: 0x16, 4: None}, PrinterStatus.NO_ANSWER),
])
def test_read_status_table(replies, state):
    assert read_status(asker(replies)) is state


@pytest.mark.parametrize("reply, byte", [
    (b"\x16", 0x16), (b"", None), (b"\x00", None), (b"\xff", None), (b"\x13", None),
    (b"\x16\x12", None),                                  # two bytes: not the answer to one question
])
def test_status_byte_accepts_only_one_valid_reply(reply, byte):
    assert status_byte(reply) == byte


@pytest.mark.parametrize("setup, state", [
    ({}, PrinterStatus.ONLINE), ({"paper": "near_end"}, PrinterStatus.PAPER_NEAR_END),
    ({"paper": "out"}, PrinterStatus.PAPER_OUT), ({"cover_open": True}, PrinterStatus.COVER_OPEN),
    ({"offline": True}, PrinterStatus.OFFLINE), ({"feed_button": True}, PrinterStatus.FEED_BUTTON),
    ({"error": "cutter"}, PrinterStatus.CUTTER_ERROR),
    ({"error": "unrecoverable"}, PrinterStatus.UNRECOVERABLE_ERROR),
    ({"error": "auto_recoverable"}, PrinterStatus.AUTO_RECOVERABLE_ERROR),
    ({"cover_open": True, "paper": "out"}, PrinterStatus.COVER_OPEN),   # the cover first: close it
])
def test_model_answers_decode_to_its_state(setup, state):
    model = PrinterModel(**setup)
    assert read_status(lambda n: status_byte(model.feed(bytes([0x10, 0x04, n])))) is state
