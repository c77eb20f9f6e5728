"""The serial scanner over pyserial's loop:// port: UTF-8 CCCD, bad bytes, reconnect."""

import time

import serial

from hw.reader import DeviceState
from hw.scanner import SerialScanner
from hw.serial_wire import serial_opener
from tests.conftest import wait_until
from tests.hw.pty_device import PtyDevice

CCCD = "001099012345|123456789|Nguyễn Văn An|01011990|Nam|Phường Bến Nghé, TP. Hồ Chí Minh|15082021"


def started(opener, **kw):
    scanner = SerialScanner(opener, **kw)
    scanner.start()
    return scanner


def test_serial_scanner_reads_utf8_cccd():
    port = serial.serial_for_url("loop://", timeout=0.05)
    with started(lambda: port) as scanner:
        port.write(CCCD.encode() + b"\r\n")
        scan = scanner.get(timeout=3)
    assert scan.code.name == "Nguyễn Văn An"


def test_serial_scanner_rejects_bad_utf8_and_keeps_reading():
    port = serial.serial_for_url("loop://", timeout=0.05)
    with started(lambda: port) as scanner:
        port.write(b"\xff\xfe\r000.17.22.H56-210531-0001\r")
        bad, good = scanner.get(timeout=3), scanner.get(timeout=3)
    assert "UTF-8" in bad.error.reason_en and good.code.seq == 1


def test_serial_scanner_over_long_line_is_an_error_scan():
    scanner = SerialScanner(lambda: None)
    scanner.feed(b"1" * 5000 + b"\n")
    scan = scanner.get(0)
    assert scan.error and len(scan.raw) <= 2049


def test_serial_scanner_reopens_after_port_vanishes():
    ports = [serial.serial_for_url("loop://", timeout=0.05)]
    opens = []

    def opener():
        opens.append(1)
        if len(opens) == 1:
            raise serial.SerialException("could not open port /dev/scanner-qr")
        return ports[0]

    with started(opener, sleep=lambda d: None) as scanner:
        ports[0].write(b"H12.22-231012-0009\n")
        scan = scanner.get(timeout=3)
    assert scan.code.seq == 9 and len(opens) == 2


def test_serial_scanner_partial_scan_is_not_glued_to_the_next(tmp_path):
    scanner_dev = PtyDevice(tmp_path / "scanner-qr")
    with started(serial_opener({"port": scanner_dev.path, "timeout_s": 0.05}), char_timeout=0.2) as scanner:
        _wait(lambda: scanner.state is DeviceState.CONNECTED)
        scanner_dev.send(b"000.17.22.H5")              # the code moved out of the beam
        time.sleep(0.5)
        scanner_dev.send(b"H12.22-231012-0007\r\n")
        partial, good = scanner.get(timeout=3), scanner.get(timeout=3)
    scanner_dev.close()
    assert partial.error and "quét lại" in partial.error.reason_vi and partial.raw == "000.17.22.H5"
    assert good.ok and good.code.seq == 7


def test_serial_scanner_char_timeout_table():
    clock = [0.0]
    scanner = SerialScanner(lambda: None, char_timeout=0.3, monotonic=lambda: clock[0])
    for t, data in [(0.0, b"H12.22-"), (0.1, b"231012-"), (0.2, b"0001\n"), (1.0, b"XY"), (1.5, b""),
                    (1.6, b"H12.22-231012-0002\r")]:
        clock[0] = t
        scanner.feed(data)
    results = [scanner.get(0) for _ in range(3)]
    assert results[0].code.seq == 1 and results[1].raw == "XY" and not results[1].ok
    assert results[2].code.seq == 2 and scanner.get(0) is None


def test_serial_scanner_comes_back_after_replug_at_the_same_path(tmp_path):
    scanner_dev = PtyDevice(tmp_path / "scanner-qr")
    states = []
    with started(serial_opener({"port": scanner_dev.path, "timeout_s": 0.05}),
                 on_state=states.append) as scanner:
        _wait(lambda: scanner.state is DeviceState.CONNECTED)
        scanner_dev.unplug()
        _wait(lambda: scanner.state is DeviceState.DISCONNECTED)
        scanner_dev.plug()
        unplugged_at = time.monotonic()
        _wait(lambda: scanner.state is DeviceState.CONNECTED)
        assert time.monotonic() - unplugged_at < 10
        time.sleep(0.1)
        scanner_dev.send(b"H12.22-231012-0011\r")
        scan = scanner.get(timeout=3)
    scanner_dev.close()
    assert scan.code.seq == 11 and DeviceState.DISCONNECTED in states


_wait = wait_until
