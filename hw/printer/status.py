"""Printer status values and the decoding of ESC/POS real-time status bytes (pure)."""

import enum

DLE_EOT_PAPER = b"\x10\x04\x04"
PAPER_NEAR_END_BITS = 0x0C
PAPER_OUT_BITS = 0x60


class PrinterStatus(enum.Enum):
    """What a printer reports; UNKNOWN when its backend cannot be asked (file, dummy)."""

    ONLINE = "online"
    PAPER_NEAR_END = "paper_near_end"
    PAPER_OUT = "paper_out"
    NO_ANSWER = "no_answer"
    NOT_FOUND = "not_found"
    UNKNOWN = "unknown"

    @property
    def can_print(self) -> bool:
        """True when a ticket can be printed now (near end still prints)."""
        return self in (PrinterStatus.ONLINE, PrinterStatus.PAPER_NEAR_END, PrinterStatus.UNKNOWN)


def parse_paper_status(reply: bytes) -> PrinterStatus:
    """Decode the answer to DLE EOT 4 (paper roll sensor); an empty reply means no answer.

    The fixed bits (0x12) must be set and bit 7 clear, otherwise the byte is not a status
    reply and is treated as no answer rather than trusted as "paper OK".
    """
    if not reply:
        return PrinterStatus.NO_ANSWER
    byte = reply[-1]
    if byte & 0x93 != 0x12:
        return PrinterStatus.NO_ANSWER
    if byte & PAPER_OUT_BITS:
        return PrinterStatus.PAPER_OUT
    if byte & PAPER_NEAR_END_BITS:
        return PrinterStatus.PAPER_NEAR_END
    return PrinterStatus.ONLINE
