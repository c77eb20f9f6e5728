"""The real serial bus code over pyserial's socket:// to fake displays on TCP."""

import pytest

from hw.led import Command, FakeLedPanel, FakeLedServer, LedTimeout, make_codec, open_led_bus


@pytest.fixture(params=["stx", "modbus"])
def rig(request):
    config = {"protocol": request.param}
    server = FakeLedServer(FakeLedPanel(make_codec(config)))
    bus = open_led_bus({"backend": "serial", "port": server.url, "timeout_s": 0.1,
                        "retries": 1, **config})
    yield bus, server.panel
    bus.close()
    server.close()


def test_socket_bus_delivers_frames_to_each_display(rig):
    bus, panel = rig
    bus.send(Command(5, "1023", blink=True))
    bus.send(Command(6, "----"))
    assert panel.shown[5] == Command(5, "1023", blink=True) and panel.shown[6].text == "----"


def test_socket_bus_silent_display_times_out_after_retries(rig):
    bus, panel = rig
    panel.stop_answering(5)
    with pytest.raises(LedTimeout):
        bus.send(Command(5, "1"))
    assert [c.address for c in panel.commands] == [5, 5]
