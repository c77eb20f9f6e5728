"""The serial scanner over pyserial's loop:// port: UTF-8 CCCD, bad bytes, reconnect."""

import serial

from hw.scanner import SerialScanner

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
