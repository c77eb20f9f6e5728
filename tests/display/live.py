"""Helpers for tests against a real server: a display app with fake audio, officers at counters."""
from __future__ import annotations

import time

import pygame

from display.app import DisplayApp
from display.config import DisplayConfig
from display.voice import open_display_voice
from hw.voice import FakeAudio
from queue_server.actions import perform


def make_display(live_centre, group="A", mode="hall", **cfg) -> DisplayApp:
    """A DisplayApp on an off-screen surface with FakeAudio, connected to `live_centre`."""
    token = live_centre.device(f"man-hinh-{group}-{mode}", "display", group=group)
    config = DisplayConfig(server=live_centre.url, token=token, mode=mode, width=1280, height=720,
                           fullscreen=False, **cfg)
    audio = FakeAudio()
    pygame.font.init()
    app = DisplayApp(config, voice=open_display_voice(config.voice, output=audio),
                     surface=pygame.Surface((config.width, config.height)))
    app.audio = audio
    app.start()
    until(app, lambda: app.client.connected and app.model.index.counters)
    return app


def until(app: DisplayApp, condition, timeout: float = 10.0):
    """Step the app (as its main loop would) until `condition()` is true."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.step()
        if condition():
            return
        time.sleep(0.01)
    raise AssertionError("condition not met in time")


class Officers:
    """Officers logged in at counters, acting through the server's action table."""

    def __init__(self, live_centre):
        self.centre = live_centre
        self.service = live_centre.service
        self.principals = {}

    def open(self, *counters):
        for c in counters:
            username, password = self.centre.officer(f"canbo{c}", f"Cán bộ {c}")
            _, principal = self.service.auth.login(username, password)
            self.principals[c] = principal
            self.act("open_counter", c)

    def act(self, name, counter, **payload):
        return perform(self.service, self.principals[counter], name, {"counter": counter, **payload})

    def issue(self, service_id="stp-hotich", n=1):
        for _ in range(n):
            self.service.execute(lambda now: self.service.engine.issue(service_id, now))


def spoken(app) -> int:
    app.voice.wait_idle(5)
    return len(app.audio.played)
