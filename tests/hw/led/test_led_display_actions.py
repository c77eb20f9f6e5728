"""A counter's display: a call blinks then settles, pause shows the symbol, clear blanks."""

from hw.led import Command, open_led_bus, open_led_display


class InstantTimer:
    """Runs the callback when started (stands in for threading.Timer)."""

    started = []

    def __init__(self, delay, fn):
        self.delay, self.fn, self.daemon = delay, fn, False

    def start(self):
        InstantTimer.started.append(self.delay)
        self.fn()

    def cancel(self):
        pass


def setup(**display):
    bus = open_led_bus({"backend": "fake"})
    return bus.fake_port.panel, open_led_display(bus, {"address": 4, **display})


def test_display_call_blinks_then_holds_steady():
    panel, display = setup(blink_seconds=3)
    display._timer_factory = InstantTimer
    display.call(1023)
    assert panel.commands == [Command(4, "1023", blink=True), Command(4, "1023")]
    assert InstantTimer.started[-1] == 3


def test_display_new_call_cancels_pending_settle():
    panel, display = setup(blink_seconds=60)
    display.call(1)
    display.call(2)
    assert display._timer is not None and panel.commands[-1] == Command(4, "2", blink=True)
    display.close()
    assert display._timer is None


def test_display_pause_shows_configured_symbol():
    panel, display = setup(pause_symbol="-  -")
    display.pause()
    assert panel.shown[4] == Command(4, "-  -")


def test_display_clear_blanks():
    panel, display = setup()
    display.clear()
    assert panel.shown[4].clear
