"""Fixtures for the hardware tests."""

import json
import os

import pytest

from tests.hw.helpers import TcpPrinter


@pytest.fixture
def tcp_printer():
    printer = TcpPrinter()
    yield printer
    printer.unplug()


@pytest.fixture
def real_printer_config():
    """A real printer's config from MOTCUA_TEST_PRINTER (JSON), or skip."""
    raw = os.environ.get("MOTCUA_TEST_PRINTER")
    if not raw:
        pytest.skip("no real printer: set MOTCUA_TEST_PRINTER to its JSON config")
    return json.loads(raw)
