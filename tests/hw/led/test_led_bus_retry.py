"""The bus retries silent displays, addresses many on one line, and reopens a lost port."""

import pytest
from hw.led import (Command, FakeLedPanel, FakeLedPort, LedBus, LedBusNotFound, LedTimeout,
                    StxCodec, open_led_bus)


@pytest.fixture(params=["stx", "modbus"])
def bus(request):
    return open_led_bus({"backend": "fake", "protocol": request.param, "retries": 2})


def test_bus_many_displays_on_one_line(bus):
    for address in (1, 2, 3):
        bus.send(Command(address, str(100 + address)))
    panel = bus.fake_port.panel
    assert {a: c.text for a, c in panel.shown.items()} == {1: "101", 2: "102", 3: "103"}


def test_bus_retries_then_times_out(bus):
    panel = bus.fake_port.panel
    panel.stop_answering(2)
    with pytest.raises(LedTimeout) as err:
        bus.send(Command(2, "15"))
    assert len(panel.commands) == 3 and "không phản hồi" in err.value.message_vi
    bus.send(Command(1, "16"))
    panel.resume()
    bus.send(Command(2, "15"))


def test_bus_broadcast_does_not_wait_for_answers(bus):
    bus.fake_port.panel.stop_answering()
    bus.send(Command(0, "0"))
    assert len(bus.fake_port.panel.commands) == 1


def test_bus_reopens_a_lost_port_within_its_retries():
    panel = FakeLedPanel(StxCodec())
    ports = [FakeLedPort(panel), FakeLedPort(panel)]
    opened = []
    bus = LedBus(lambda: opened.append(1) or ports[len(opened) - 1], StxCodec())
    ports[0].plugged = False
    bus.send(Command(1, "2"))
    assert len(opened) == 2 and panel.shown[1].text == "2"


def test_bus_port_gone_for_good_is_typed():
    port = FakeLedPort(FakeLedPanel(StxCodec()))
    port.plugged = False
    with pytest.raises(LedBusNotFound):
        LedBus(lambda: port, StxCodec()).send(Command(1, "1"))


def test_bus_missing_serial_port_is_typed():
    bus = open_led_bus({"backend": "serial", "port": "/dev/nonexistent-rs485"})
    with pytest.raises(LedBusNotFound):
        bus.send(Command(1, "1"))
