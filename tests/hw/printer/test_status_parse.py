"""Decoding the paper sensor reply; silence is never "paper OK"."""

import pytest

from hw.printer.status import PrinterStatus, parse_paper_status


@pytest.mark.parametrize("reply, status", [
    (b"\x12", PrinterStatus.ONLINE),
    (b"\x1e", PrinterStatus.PAPER_NEAR_END),
    (b"\x16", PrinterStatus.PAPER_NEAR_END),
    (b"\x72", PrinterStatus.PAPER_OUT),
    (b"\x32", PrinterStatus.PAPER_OUT),
    (b"", PrinterStatus.NO_ANSWER),
    (b"\x00", PrinterStatus.NO_ANSWER),
    (b"\xff", PrinterStatus.NO_ANSWER),
])
def test_parse_paper_status_table(reply, status):
    assert parse_paper_status(reply) is status


@pytest.mark.parametrize("status, can_print", [
    (PrinterStatus.ONLINE, True), (PrinterStatus.PAPER_NEAR_END, True),
    (PrinterStatus.UNKNOWN, True), (PrinterStatus.PAPER_OUT, False),
    (PrinterStatus.NO_ANSWER, False), (PrinterStatus.NOT_FOUND, False)])
def test_status_can_print(status, can_print):
    assert status.can_print is can_print
