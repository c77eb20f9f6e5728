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


def test_app_loop_survives_a_malformed_server_message(tmp_path):
    app = make_app(tmp_path)
    app._on_change("snapshot", {"seq": 3})                      # no centre: a broken message
    app.step(now=1.0)
    app._on_change("event", {"seq": 4, "type": "ticket.finished", "ticket": finished("t9", counter=5)})
    app.step(now=2.0)
    assert app.flow.phase is Phase.RATING
    app.outbox.close()


def test_app_rating_kept_in_memory_while_the_outbox_file_is_full(tmp_path):
    """A real full SQLite file (max_page_count): the rating waits in memory, then is written."""
    app = make_app(tmp_path)
    app.step(now=0.5)
    pages = app.outbox.db.execute("PRAGMA page_count").fetchone()[0]
    app.outbox.db.execute(f"PRAGMA max_page_count = {pages}")
    made = []
    for n in range(8):                                          # enough long comments to need a page
        app.press("start", now=10.0 * n + 1)
        app.press("choose", "dissatisfied", now=10.0 * n + 2)
        made.append(app.flow.state.offer.rating_id)
        app.flow.state.comment = "x" * 290
        app.press("send", now=10.0 * n + 4)
        app.step(now=10.0 * n + 9.9)
    assert app.unsaved, "the file never filled up"
    app.outbox.db.execute("PRAGMA max_page_count = 1000000")      # space is back
    app.step(now=100.0)
    assert app.unsaved == [] and sorted(p["id"] for p in app.outbox.pending()) == sorted(made)
    app.outbox.close()
