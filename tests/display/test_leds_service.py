"""LedService: drives the fake RS-485 panel from a real server; retries a display that stopped answering."""

from display.config import LedServiceConfig
from display.leds import LedService, run_led_client
from hw.led import FakeLedPanel, FakeLedServer, StxCodec

from tests.conftest import wait_until

from .live import Officers


_wait = wait_until


def test_leds_service_follows_the_server_over_tcp(live_centre):
    panel = FakeLedPanel(StxCodec(width=4))
    with FakeLedServer(panel) as bus_server:
        cfg = LedServiceConfig.model_validate({
            "bus": {"backend": "serial", "port": bus_server.url, "timeout_s": 0.1, "retries": 1},
            "displays": {"1": {"address": 11, "blink_seconds": 0}, "2": {"address": 12, "pause_symbol": "--"}}})
        service = LedService(cfg, retry_seconds=0.2).start()
        officers = Officers(live_centre)
        officers.open(1, 2)
        officers.issue("stp-hotich", 1)
        client = run_led_client(live_centre.url, live_centre.device("led-a", "display", group="A"), service)
        client.connect()
        try:
            _wait(lambda: {11, 12} <= set(panel.shown))
            officers.act("call_next", 1)
            _wait(lambda: panel.shown[11].text.strip() == "1001" and panel.shown[11].blink)
            officers.act("pause", 2)
            _wait(lambda: panel.shown[12].text.strip() == "--")
        finally:
            client.close()
            service.close()


def test_leds_service_retries_a_silent_display(scene):
    cfg = LedServiceConfig.model_validate({"bus": {"backend": "fake", "retries": 0},
                                           "displays": {"1": {"address": 5, "blink_seconds": 0}}})
    service = LedService(cfg, retry_seconds=0.1).start()
    panel = service.bus.fake_port.panel
    panel.stop_answering(5)
    scene.open(1)
    scene.issue("stp-hotich", 1)
    state = scene.state()
    start = len(scene.events)
    scene.act("call_next", 1)
    for event in scene.events[start:]:
        state.apply_event(event)
        service.on_change("event", event, state)
    service.wait_idle()
    assert 1 in service.failed
    panel.resume()
    _wait(lambda: not service.failed)
    assert panel.shown[5].text.strip() == "1001" and not panel.shown[5].blink    # steady after the retry
    service.close()
