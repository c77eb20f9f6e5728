"""Printer status values and the decoding of ESC/POS real-time status bytes (pure).

A printer is asked with ``DLE EOT n`` and answers one byte per question:

- n=1 printer status: bit 3 offline, bit 6 paper feed button pressed;
- n=2 offline cause: bit 2 cover open, bit 3 paper fed by the button, bit 5 stopped at paper end,
  bit 6 an error occurred (then n=3 says which);
- n=3 error cause: bit 3 autocutter error, bit 5 unrecoverable error, bit 6 auto-recoverable error;
- n=4 paper roll sensor: bits 2-3 paper near end, bits 5-6 paper out.

Every reply has bits 1 and 4 set and bits 0 and 7 clear; any other byte is not a status reply.
A TM-T20 with its cover open answers n=1/2/4 with 0x1E / 0x16 / 0x12.
"""

import enum
from collections.abc import Callable

DLE_EOT = b"\x10\x04"
DLE_EOT_PAPER = DLE_EOT + b"\x04"
FIXED_MASK, FIXED_BITS = 0x93, 0x12
OFFLINE_BIT, FEED_BUTTON_BIT = 0x08, 0x40
COVER_OPEN_BIT, FEEDING_BIT, PAPER_END_STOP_BIT, ERROR_BIT = 0x04, 0x08, 0x20, 0x40
CUTTER_BIT, UNRECOVERABLE_BIT, AUTO_RECOVERABLE_BIT = 0x08, 0x20, 0x40
PAPER_NEAR_END_BITS, PAPER_OUT_BITS = 0x0C, 0x60


class PrinterStatus(enum.Enum):
    """What a printer reports; UNKNOWN when its backend cannot be asked (file, dummy)."""

    ONLINE = "online"
    PAPER_NEAR_END = "paper_near_end"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    FEED_BUTTON = "feed_button"
    CUTTER_ERROR = "cutter_error"
    UNRECOVERABLE_ERROR = "unrecoverable_error"
    AUTO_RECOVERABLE_ERROR = "auto_recoverable_error"
    OFFLINE = "offline"
    NO_ANSWER = "no_answer"
    NOT_FOUND = "not_found"
    UNKNOWN = "unknown"

    @property
    def can_print(self) -> bool:
        """True when a ticket can be printed now (near end still prints)."""
        return self in (PrinterStatus.ONLINE, PrinterStatus.PAPER_NEAR_END, PrinterStatus.UNKNOWN)


def status_command(n: int) -> bytes:
    """DLE EOT n: the real-time status request for question ``n`` (1-4)."""
    return DLE_EOT + bytes([n])


def status_byte(reply: bytes | None) -> int | None:
    """The status byte of a reply, or None when the reply is empty or not a status byte."""
    if not reply or len(reply) != 1 or reply[0] & FIXED_MASK != FIXED_BITS:
        return None
    return reply[0]


def read_status(ask: Callable[[int], int | None]) -> PrinterStatus:
    """Decode a printer's state by asking DLE EOT 1, then 2 (and 3) when offline, else 4.

    ``ask(n)`` returns the status byte for question n, or None when there was no valid answer.
    """
    printer = ask(1)
    if printer is None:
        return PrinterStatus.NO_ANSWER
    if printer & OFFLINE_BIT:
        return _offline_cause(ask)
    if printer & FEED_BUTTON_BIT:
        return PrinterStatus.FEED_BUTTON
    return parse_paper_status(_as_reply(ask(4)))


def _offline_cause(ask: Callable[[int], int | None]) -> PrinterStatus:
    """Why an offline printer is offline (DLE EOT 2, and DLE EOT 3 for errors)."""
    cause = ask(2)
    if cause is None:
        return PrinterStatus.NO_ANSWER
    if cause & COVER_OPEN_BIT:
        return PrinterStatus.COVER_OPEN
    if cause & PAPER_END_STOP_BIT:
        return PrinterStatus.PAPER_OUT
    if cause & ERROR_BIT:
        return _error_cause(ask(3))
    if cause & FEEDING_BIT:
        return PrinterStatus.FEED_BUTTON
    return PrinterStatus.OFFLINE


def _error_cause(error: int | None) -> PrinterStatus:
    """The kind of error DLE EOT 3 reports (unrecoverable when it cannot say)."""
    if error is None:
        return PrinterStatus.NO_ANSWER
    if error & CUTTER_BIT:
        return PrinterStatus.CUTTER_ERROR
    if error & AUTO_RECOVERABLE_BIT:
        return PrinterStatus.AUTO_RECOVERABLE_ERROR
    return PrinterStatus.UNRECOVERABLE_ERROR


def _as_reply(byte: int | None) -> bytes:
    return b"" if byte is None else bytes([byte])


def parse_paper_status(reply: bytes) -> PrinterStatus:
    """Decode the answer to DLE EOT 4 (paper roll sensor); an empty reply means no answer.

    The fixed bits (0x12) must be set and bit 7 clear, otherwise the byte is not a status
    reply and is treated as no answer rather than trusted as "paper OK".
    """
    if not reply:
        return PrinterStatus.NO_ANSWER
    byte = reply[-1]
    if byte & FIXED_MASK != FIXED_BITS:
        return PrinterStatus.NO_ANSWER
    if byte & PAPER_OUT_BITS:
        return PrinterStatus.PAPER_OUT
    if byte & PAPER_NEAR_END_BITS:
        return PrinterStatus.PAPER_NEAR_END
    return PrinterStatus.ONLINE
