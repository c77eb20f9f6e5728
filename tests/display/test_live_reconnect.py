"""With a real server: a lost link shows "mất kết nối", keeps the last state, resyncs on its own,
and calls made meanwhile are shown but not announced late."""
from urllib.parse import urlparse

import pygame

from display.app import DisplayApp
from display.config import DisplayConfig
from display.voice import open_display_voice
from hw.voice import FakeAudio

from .live import Officers, spoken, until
from .proxy import TcpProxy


def test_live_reconnect_resyncs_without_late_announcements(live_centre):
    target = urlparse(live_centre.url)
    proxy = TcpProxy((target.hostname, target.port))
    token = live_centre.device("man-hinh-a", "display", group="A")
    cfg = DisplayConfig(server=proxy.url, token=token, width=1280, height=720, fullscreen=False)
    audio = FakeAudio()
    pygame.font.init()
    app = DisplayApp(cfg, voice=open_display_voice(cfg.voice, output=audio), surface=pygame.Surface((1280, 720)))
    app.audio = audio
    officers = Officers(live_centre)
    officers.open(1, 2)
    officers.issue("stp-hotich", 4)
    try:
        app.start()
        until(app, lambda: app.client.connected and app.model.index.counters)
        officers.act("call_next", 1)
        until(app, lambda: app.model.fresh_calls(app.monotonic()))
        assert spoken(app) == 1

        proxy.cut()
        until(app, lambda: not app.views(app.monotonic()).connected)
        kept = app.views(app.monotonic())
        assert kept.counters[0].ticket == "1001"                  # the last state stays on screen
        officers.act("call_next", 2)
        officers.act("call_next", 1)

        proxy.restore()
        until(app, lambda: app.views(app.monotonic()).connected
              and app.views(app.monotonic()).counters[1].ticket == "1002", timeout=20)
        view = app.views(app.monotonic())
        assert view.counters[0].ticket == "1003" and [c.label for c in view.recent[:3]] == ["1003", "1002", "1001"]
        assert not view.flashing and spoken(app) == 1              # no late burst

        officers.act("call_next", 2)
        until(app, lambda: app.views(app.monotonic()).counters[1].ticket == "1004")
        assert spoken(app) == 2                                   # live again: announced
    finally:
        app.close()
        app.voice.close()
        proxy.close()
