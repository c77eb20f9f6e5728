"""The app without a server: the rating is in the outbox before the thank-you screen is drawn."""
from satisfaction_terminal.app import TerminalApp
from satisfaction_terminal.config import TerminalSettings
from satisfaction_terminal.flow import Phase
from satisfaction_terminal.outbox import Outbox

from .helpers import ManualClock, centre, finished


def make_app(tmp_path):
    settings = TerminalSettings(server="http://127.0.0.1:9", token="x", counter=5, outbox=str(tmp_path / "o.db"))
    app = TerminalApp(settings, clock=ManualClock(0.0))      # never started: no link, no sender thread
    app._on_change("snapshot", {"centre": centre("level")})
    return app


def test_app_offline_rating_is_on_disk_when_thanks_shows(tmp_path):
    app = make_app(tmp_path)
    app._on_change("event", {"seq": 2, "type": "ticket.finished", "ticket": finished("t9", "A012", counter=5)})
    app.step(now=1.0)
    assert app.flow.phase is Phase.RATING
    app.press("choose", "very_satisfied", now=2.0)
    assert app.flow.phase is Phase.THANKS
    assert [(p["ticket_id"], p["value"]) for p in Outbox(app.settings.outbox).pending()] == [("t9", "very_satisfied")]
    app.outbox.close()


def test_app_ignores_events_that_are_not_a_finished_ticket(tmp_path):
    app = make_app(tmp_path)
    app._on_change("event", {"seq": 2, "type": "ticket.called", "ticket": finished("t9", counter=5)})
    app._on_change("disconnect", None)
    app.step(now=1.0)
    assert app.flow.phase is Phase.IDLE
    app.outbox.close()


def test_app_scene_shows_offline_and_waiting_ratings(tmp_path):
    app = make_app(tmp_path)
    app.step(now=0.5)
    app.press("start", now=1.0)
    app.press("choose", "satisfied", now=2.0)
    scene = app.scene((1024, 600))
    assert (scene.online, scene.pending, scene.style) == (False, 1, "level")
    app.outbox.close()


def test_app_restarted_offline_remembers_the_rating_options(tmp_path):
    make_app(tmp_path).step(now=0.5)                     # learnt the options once, then switched off
    settings = TerminalSettings(server="http://127.0.0.1:9", token="x", counter=5, outbox=str(tmp_path / "o.db"))
    app = TerminalApp(settings, clock=ManualClock(0.0))
    assert [o.value for o in app.flow.options] == ["very_satisfied", "satisfied", "dissatisfied"]
    app.press("start", now=1.0)
    assert app.flow.phase is Phase.RATING
    app.outbox.close()


def test_app_that_never_reached_the_server_offers_no_rating(tmp_path):
    settings = TerminalSettings(server="http://127.0.0.1:9", token="x", counter=5, outbox=str(tmp_path / "n.db"))
    app = TerminalApp(settings, clock=ManualClock(0.0))
    assert app.buttons((1024, 600)) == []
    app.press("start", now=1.0)
    assert app.flow.phase is Phase.IDLE
    app.outbox.close()
