"""The LED service is supervised and reports which displays do not answer: letter series on a
digits-only Modbus display never stop the bus, a silent display reaches the server's device status
within 10 s and is cleared when it answers again, a pulled RS-485 adapter (real pty) comes back."""
import time
from types import SimpleNamespace

from display.config import LedServiceConfig
from display.health import StatusReporter
from display.leds import LedService, run_led_client
from queue_server.admin.dashboard import device_problems
from hw.led import FakeLedPanel, FakeLedServer, StxCodec
from tests.conftest import wait_until
from tests.hw.pty_device import PtyDevice

from .live import Officers

NO_STATE = SimpleNamespace(counters={})


_wait = wait_until


def _called(counter, label):
    return {"type": "ticket.called", "ticket": {"counter": counter, "label": label}}


def test_leds_letter_series_on_a_digits_only_modbus_display_never_stop_the_bus():
    cfg = LedServiceConfig.model_validate({"bus": {"backend": "fake", "protocol": "modbus", "retries": 0},
                                           "displays": {"1": {"address": 5, "blink_seconds": 0},
                                                        "2": {"address": 6, "blink_seconds": 0}}})
    service = LedService(cfg, retry_seconds=0.2).start()
    panel = service.bus.fake_port.panel
    for event in (_called(1, "R001"), _called(2, "AB12345"), _called(1, "R002")):
        service.on_change("event", event, NO_STATE)
    assert service.wait_idle()
    assert (panel.shown[5].text, panel.shown[6].text) == ("2", "2345")
    assert not service.failed and service._thread.is_alive() and service.health() == {"leds": "ok"}
    service.close()


def _device_status(centre, name):
    device = centre.service.store.query("SELECT id FROM devices WHERE name = ?", (name,))[0]["id"]
    return centre.service.accounts.device_status(device) or {}


def test_leds_silent_display_reaches_the_dashboard_and_clears(live_centre):
    panel = FakeLedPanel(StxCodec(width=4))
    with FakeLedServer(panel) as bus_server:
        cfg = LedServiceConfig.model_validate({
            "bus": {"backend": "serial", "port": bus_server.url, "timeout_s": 0.1, "retries": 1},
            "displays": {"1": {"address": 11, "blink_seconds": 0}, "2": {"address": 12}}})
        holder = {}
        reporter = StatusReporter(lambda s: holder["c"].call("device_status", {"status": s}, timeout=5))
        service = LedService(cfg, retry_seconds=2.0, report=reporter.part("leds")).start()
        Officers(live_centre).open(1, 2)
        client = holder["c"] = run_led_client(live_centre.url, live_centre.device("led-a", "display", group="A"),
                                              service)
        client.connect()
        reporter.start()
        try:
            _wait(lambda: _device_status(live_centre, "led-a").get("leds") == "ok")
            panel.stop_answering(12)
            seen = _wait(lambda: _device_status(live_centre, "led-a").get("leds_silent") == "12")
            assert seen < 10 and device_problems(_device_status(live_centre, "led-a")) == [
                "leds: not_answering", "leds_silent: 12"]           # as the admin dashboard lists it
            panel.resume()
            cleared = _wait(lambda: _device_status(live_centre, "led-a").get("leds") == "ok")
            assert cleared < 10 and 12 in panel.shown
        finally:
            reporter.close()
            client.close()
            service.close()


def test_leds_adapter_replug_is_reported_and_the_displays_are_set_again(tmp_path):
    panel = FakeLedPanel(StxCodec(width=4))
    adapter = PtyDevice(tmp_path / "rs485", panel.feed)
    cfg = LedServiceConfig.model_validate({
        "bus": {"backend": "serial", "port": adapter.path, "timeout_s": 0.1, "retries": 1},
        "displays": {"1": {"address": 11, "blink_seconds": 0}}})
    reports = []
    service = LedService(cfg, retry_seconds=1.0, report=reports.append).start()
    try:
        service.on_change("event", _called(1, "A007"), NO_STATE)
        _wait(lambda: panel.shown.get(11) and panel.shown[11].text == "A007")
        adapter.unplug()
        _wait(lambda: reports and reports[-1]["leds"] == "bus_not_found")
        panel.shown.clear()
        adapter.plug()
        back = _wait(lambda: reports[-1] == {"leds": "ok"})
        assert back < 10 and panel.shown[11].text == "A007" and not panel.shown[11].blink
    finally:
        service.close()
        adapter.close()


def test_leds_service_survives_an_event_it_cannot_plan():
    cfg = LedServiceConfig.model_validate({"bus": {"backend": "fake"},
                                           "displays": {"1": {"address": 5, "blink_seconds": 0}}})
    service = LedService(cfg, retry_seconds=0.2).start()
    service.on_change("event", {"type": "ticket.called", "ticket": {"counter": 1}}, NO_STATE)   # no label
    service.on_change("event", _called(1, "A001"), NO_STATE)
    assert service.wait_idle() and service.bus.fake_port.panel.shown[5].text == "A001"
    assert service.loop_errors == 1
    service.close()
