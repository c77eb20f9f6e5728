"""An admin changes the rating settings on the admin pages while a citizen is rating: the tablet
finishes that citizen with what they were shown (the server accepts it under that style), then
shows the new style and the admin's comment phrases to the next citizen."""
import pytest

from satisfaction_terminal.flow import Phase
from tests.admin.conftest import login_client

from .test_app_end_to_end import officer, serve_one, tap, terminal, wait_for  # noqa: F401 (fixtures)

PHRASES = ["Phòng chờ sạch sẽ", "Cần thêm bãi giữ xe"]


@pytest.fixture
def admin_pages(live_centre):
    live_centre.officer("quantri", "Nguyễn Văn Quản", "matkhau-qt", role="admin")
    return login_client(live_centre, "quantri", "matkhau-qt")


def change_style(admin_pages, style: str, phrases: list[str]) -> None:
    client, csrf = admin_pages
    r = client.post("/admin/settings/ratings", data={"csrf": csrf, "rating_style": style,
                                                     "comment_phrases": "\n".join(phrases)})
    assert r.status_code == 302


def test_terminal_settings_change_mid_rating_waits_for_the_citizen_and_the_rating_counts(
        live_centre, officer, terminal, admin_pages):
    ticket = serve_one(officer)
    assert wait_for(lambda: terminal.flow.phase is Phase.RATING, step=terminal.step)
    assert terminal.flow.style == "category"
    change_style(admin_pages, "stars", PHRASES)
    assert wait_for(lambda: terminal.flow.pending is not None, step=terminal.step)
    assert terminal.flow.style == "category" and terminal.flow.option("satisfied_service")   # not mid-rating
    rating_id = terminal.flow.state.offer.rating_id
    tap(terminal, "choose", "satisfied_service")

    ratings = live_centre.service.ratings
    assert wait_for(lambda: ratings.get(rating_id) is not None), (ratings.quarantined(rating_id), terminal.outbox.pending())
    assert (ratings.get(rating_id)["style"], ratings.get(rating_id)["ticket_id"]) == ("category", ticket["id"])

    terminal.clock.now += 10                                     # the thank-you screen ends: next citizen
    terminal.step()
    assert terminal.flow.phase is Phase.IDLE
    assert terminal.flow.style == "stars" and [o.value for o in terminal.flow.options] == ["1", "2", "3", "4", "5"]
    assert terminal.flow.phrases == PHRASES and terminal.scene((1024, 600)).style == "stars"


def test_terminal_settings_change_while_idle_applies_at_once(live_centre, terminal, admin_pages):
    change_style(admin_pages, "level", PHRASES)
    assert wait_for(lambda: terminal.flow.style == "level", step=terminal.step)
    tap(terminal, "start")
    assert [b.arg for b in terminal.buttons((1024, 600)) if b.action == "choose"] == \
        ["very_satisfied", "satisfied", "dissatisfied"]
    tap(terminal, "choose", "dissatisfied")
    assert [b.arg for b in terminal.buttons((1024, 600)) if b.action == "phrase"] == PHRASES
