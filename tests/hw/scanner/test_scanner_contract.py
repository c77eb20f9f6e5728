"""The same scan checks against every scanner backend (real one only when configured)."""

import json
import os

import pytest
import serial

from tests.hw.helpers import LiveEvdevSource, key_events
from hw.errors import UnknownBackend
from hw.scanner import EvdevScanner, FakeScanner, SerialScanner, open_scanner

CODE = "000.17.22.H56-210531-0001"


@pytest.fixture(params=["fake", "serial", "evdev", "real"])
def scan_and_read(request):
    """(scanner, send): ``send(text)`` makes the scanner read ``text``."""
    if request.param == "fake":
        scanner = open_scanner({"backend": "fake"})
        yield scanner, scanner.scan
    elif request.param == "serial":
        port = serial.serial_for_url("loop://", timeout=0.05)
        scanner = SerialScanner(lambda: port)
        scanner.start()
        yield scanner, lambda text: port.write(text.encode() + b"\r")
    elif request.param == "evdev":
        source = LiveEvdevSource()
        scanner = EvdevScanner(lambda: source)
        scanner.start()
        yield scanner, lambda text: source.push(key_events(text))
    else:
        raw = os.environ.get("MOTCUA_TEST_SCANNER")
        if not raw:
            pytest.skip("no real scanner: set MOTCUA_TEST_SCANNER to its JSON config")
        scanner = open_scanner(json.loads(raw))
        yield scanner, lambda text: print(f"scan {text} now")
    scanner.close()


def test_scanner_delivers_parsed_code(scan_and_read):
    scanner, send = scan_and_read
    send(CODE)
    scan = scanner.get(timeout=30)
    assert scan.ok and scan.code.code == CODE


def test_scanner_callback_gets_the_same_scan(scan_and_read):
    scanner, send = scan_and_read
    got = []
    scanner.inbox.callback = got.append
    send(CODE)
    scan = scanner.get(timeout=30)
    assert got == [scan]


def test_fake_scanner_unplugged_reads_nothing():
    scanner = FakeScanner()
    scanner.unplug()
    scanner.scan(CODE)
    assert scanner.get(0) is None


def test_open_scanner_unknown_backend():
    with pytest.raises(UnknownBackend, match="evdev"):
        open_scanner({"backend": "bluetooth"})


def test_open_scanner_reports_a_missing_serial_reader():
    import threading

    states, lost = [], threading.Event()
    scanner = open_scanner({"backend": "serial", "port": "/dev/nonexistent-scanner"},
                           on_state=lambda s: (states.append(s), lost.set()))
    assert lost.wait(3)
    scanner.close()
    assert states[0].value == "disconnected" and states[-1].value == "closed"


def test_fake_scanner_reports_unplug_and_plug_like_real_readers():
    from hw.reader import DeviceState
    states = []
    scanner = open_scanner({"backend": "fake"}, on_state=states.append)
    scanner.unplug()
    scanner.scan("H12.22-231012-0001")              # ignored while unplugged
    scanner.plug()
    scanner.scan("H12.22-231012-0002")
    assert states == [DeviceState.DISCONNECTED, DeviceState.CONNECTED]
    assert scanner.get(0).code.seq == 2 and scanner.get(0) is None
