"""The admin's notice lines reach the hall display live (config.changed), beside the display's
own notice; offline the mark shows and the notices stay; a bad change never stops the loop."""
from urllib.parse import urlparse

import pygame

from display.app import DisplayApp
from display.config import DisplayConfig
from display.model import notice_line
from queue_server.admin import configedit

from .helpers import SCREENSHOTS
from .live import until
from .proxy import TcpProxy

LUNCH = "Trung tâm nghỉ trưa từ 11 giờ 30 đến 13 giờ 30, quý ông/bà vui lòng quay lại sau"
WIFI = "Wi-Fi cho khách: motcua-khach"


def _admin(centre):
    centre.officer("quantri", "Nguyễn Văn Quản", "matkhau-qt", role="admin")
    me = centre.service.auth.principal(centre.login_token("quantri", "matkhau-qt"))
    admin = centre.app.extensions["motcua.admin"]
    return lambda notices: admin.change_config(me, "centre.notices", "centre",
                                               lambda d: configedit.update_centre(d, {"notices": notices}))


def _display(url, token, **cfg):
    config = DisplayConfig(server=url, token=token, width=1280, height=720, fullscreen=False, **cfg)
    pygame.font.init()
    app = DisplayApp(config, surface=pygame.Surface((1280, 720)))
    app.start()
    until(app, lambda: app.client.connected and app.model.index.counters)
    return app


def test_notice_lines_from_the_admin_reach_the_display_live_and_stay_offline(live_centre):
    set_notices = _admin(live_centre)
    target = urlparse(live_centre.url)
    proxy = TcpProxy((target.hostname, target.port))
    app = _display(proxy.url, live_centre.device("man-hinh-a", "display", group="A"), notice=WIFI)
    try:
        assert app.views(app.monotonic()).notice == WIFI
        set_notices([LUNCH, "Nộp hồ sơ đất đai tại quầy 22"])
        until(app, lambda: LUNCH in app.views(app.monotonic()).notice)
        assert app.views(app.monotonic()).notice == notice_line(WIFI, [LUNCH, "Nộp hồ sơ đất đai tại quầy 22"])
        app.render(app.monotonic())
        pygame.image.save(app.surface, f"{SCREENSHOTS}/display-hall-notices.png")
        set_notices([LUNCH])
        until(app, lambda: "quầy 22" not in app.views(app.monotonic()).notice)

        proxy.cut()
        until(app, lambda: not app.views(app.monotonic()).connected)
        view = app.views(app.monotonic())
        assert LUNCH in view.notice and app.needs_frame(False, app.monotonic() + 5)
        app.render(app.monotonic())
        pygame.image.save(app.surface, f"{SCREENSHOTS}/display-hall-offline-notices.png")
        proxy.restore()
        until(app, lambda: app.views(app.monotonic()).connected, timeout=20)
    finally:
        app.close()
        proxy.close()


class Exploding:
    """A listener that fails on everything (an LED service with a bug)."""

    def on_change(self, kind, payload, state):
        raise RuntimeError("boom")


def test_display_loop_survives_a_bad_listener_and_a_bad_answer(live_centre):
    set_notices = _admin(live_centre)
    app = _display(live_centre.url, live_centre.device("man-hinh-b", "display", group="A"))
    try:
        app.listeners.append(Exploding())
        app.changes.put(("board", None))              # e.g. an empty answer from a newer server
        app.step()
        set_notices([LUNCH])
        until(app, lambda: LUNCH in app.views(app.monotonic()).notice)
        assert app.client.connected and {k for k, _ in app.failures} == {"listener", "apply"}
    finally:
        app.close()
