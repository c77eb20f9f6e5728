"""The evdev scanner survives unplug, re-grabs on re-plug and backs off without spinning."""

import errno
import os

import pytest
from evdev import InputEvent, ecodes as e

from tests.hw.helpers import ScriptedEvdevSource, key_events
from hw.errors import DeviceNotFound
from hw.evdev_input import EvdevSource, evdev_opener, find_input_device
from hw.reader import DeviceState
from hw.scanner import EvdevScanner


def test_evdev_scanner_reads_across_unplug_with_backoff():
    delays, states = [], []
    scanner = EvdevScanner(lambda: plan.pop(0)(), sleep=delays.append, on_state=states.append)

    def unplugged():
        raise OSError(errno.ENOENT, "No such file")

    plan = [lambda: ScriptedEvdevSource([key_events("H12.22-231012-0001")]),
            unplugged, unplugged,
            lambda: ScriptedEvdevSource([key_events("H12.22-231012-0002")], on_end=scanner.close)]
    scanner.run()
    scans = [scanner.get(0), scanner.get(0)]
    assert [s.code.seq for s in scans] == [1, 2]
    assert delays == [0.5, 1.0, 2.0]
    assert states == [DeviceState.CONNECTED, DeviceState.DISCONNECTED, DeviceState.CONNECTED,
                      DeviceState.CLOSED]


def test_evdev_scanner_backoff_is_capped():
    delays = []
    scanner = EvdevScanner(lambda: (_ for _ in ()).throw(OSError(errno.ENODEV, "gone")),
                           sleep=lambda d: (delays.append(d), len(delays) == 8 and scanner.close()),
                           backoff=(0.5, 4.0))
    scanner.run()
    assert delays == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0, 4.0, 4.0]


def test_evdev_scanner_garbage_scan_is_delivered_as_error_not_crash():
    scanner = EvdevScanner(lambda: ScriptedEvdevSource([key_events("hello"), key_events("H12.22-231012-0003")],
                                                       on_end=scanner.close), sleep=lambda d: None)
    scanner.run()
    bad, good = scanner.get(0), scanner.get(0)
    assert not bad.ok and bad.error.reason_vi and good.code.seq == 3


class PipeDevice:
    """A stand-in evdev.InputDevice with a real fd, to test EvdevSource's grab/select/read."""

    def __init__(self):
        self.fd, self.write_fd = os.pipe()
        self.grabbed = False
        self.pending = []

    def grab(self):
        self.grabbed = True

    def ungrab(self):
        self.grabbed = False

    def push(self, events):
        self.pending += events
        os.write(self.write_fd, b"x")

    def read(self):
        os.read(self.fd, 1)
        events, self.pending = self.pending, []
        return iter(events)

    def close(self):
        os.close(self.fd)
        os.close(self.write_fd)


def test_evdev_source_grabs_and_times_out():
    device = PipeDevice()
    source = EvdevSource(device)
    assert device.grabbed and source.events(0.01) == []
    event = InputEvent(0, 0, e.EV_KEY, e.KEY_A, 1)
    device.push([event])
    assert source.events(1) == [event]
    source.close()
    assert not device.grabbed


def test_find_input_device_not_found_is_typed():
    with pytest.raises(DeviceNotFound):
        find_input_device(vendor_id=0x0C2E, product_id=0x0B61, list_devices=lambda: [])


def test_evdev_opener_needs_path_or_ids():
    with pytest.raises(ValueError):
        evdev_opener({"backend": "evdev"})


def test_evdev_source_spurious_wakeup_is_no_events():
    device = PipeDevice()
    device.read = lambda: (os.read(device.fd, 1), (_ for _ in ()).throw(BlockingIOError()))
    source = EvdevSource(device)
    os.write(device.write_fd, b"x")
    assert source.events(1) == []
    source.close()


class RemovableDevice(PipeDevice):
    """A PipeDevice that can be pulled out: select wakes and read raises ENODEV, as evdev does."""

    def unplug(self):
        self.removed = True
        os.write(self.write_fd, b"x")

    def read(self):
        if getattr(self, "removed", False):
            raise OSError(errno.ENODEV, "No such device")
        return super().read()


def test_evdev_scanner_unplug_and_replug_in_its_own_thread():
    devices, plugged = [], [True]

    def open_source():
        if not plugged[0]:
            raise FileNotFoundError(errno.ENOENT, "/dev/input/by-id/usb-scanner-event-kbd")
        devices.append(RemovableDevice())
        return EvdevSource(devices[-1])

    scanner = EvdevScanner(open_source, backoff=(0.05, 0.2))
    scanner.start()
    try:
        _until(lambda: scanner.state is DeviceState.CONNECTED and devices)
        plugged[0] = False
        devices[0].unplug()
        _until(lambda: scanner.state is DeviceState.DISCONNECTED)
        assert not devices[0].grabbed
        plugged[0] = True
        _until(lambda: len(devices) == 2 and scanner.state is DeviceState.CONNECTED)
        devices[1].push(key_events("H12.22-231012-0005"))
        assert scanner.get(timeout=3).code.seq == 5 and devices[1].grabbed
    finally:
        scanner.close()


def _until(condition, timeout=5.0):
    import time
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.01)
    raise AssertionError("condition not met in time")
