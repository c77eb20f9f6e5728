"""The RS-485 adapter pulled out and plugged back (a real pty at a symlinked path): the bus
says the adapter is missing, then works again on the next send, with no restart."""

import time

import pytest

from hw.led import Command, FakeLedPanel, LedBusNotFound, StxCodec, open_led_bus
from tests.hw.pty_device import PtyDevice


@pytest.fixture
def adapter(tmp_path):
    panel = FakeLedPanel(StxCodec())
    device = PtyDevice(tmp_path / "rs485-roomA", panel.feed)
    device.panel = panel
    yield device
    device.close()


def test_led_bus_comes_back_after_the_adapter_is_replugged(adapter):
    bus = open_led_bus({"backend": "serial", "port": adapter.path, "timeout_s": 0.2, "retries": 1})
    bus.send(Command(5, "R001"))
    assert adapter.panel.shown[5].text == "R001"
    adapter.unplug()
    with pytest.raises(LedBusNotFound):
        bus.send(Command(5, "R002"))
    with pytest.raises(LedBusNotFound):              # still gone: fails fast, does not hang
        bus.send(Command(5, "R002"))
    adapter.plug()
    bus.send(Command(5, "R003"))
    assert adapter.panel.shown[5].text == "R003"
    bus.close()


def test_led_bus_with_even_parity_talks_to_the_pty(adapter):
    bus = open_led_bus({"backend": "serial", "port": adapter.path, "baudrate": 19200, "parity": "E",
                        "stopbits": 1, "timeout_s": 0.2})
    bus.send(Command(7, "A12", blink=True))
    assert adapter.panel.shown[7] == Command(7, "A12", blink=True)
    assert bus._port.parity == "E" and bus._port.baudrate == 19200
    bus.close()
