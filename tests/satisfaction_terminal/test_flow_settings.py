"""Settings from the admin pages reach the flow between citizens, never mid-rating."""
from satisfaction_terminal.flow import Phase, Setup

from .helpers import finished, make_flow, options


def stars(counter: int = 5) -> Setup:
    return Setup(counter, tuple(options("stars")), "stars", ("Nhanh gọn",))


def test_flow_settings_apply_at_once_when_idle():
    flow = make_flow()
    flow.configure(stars())
    assert flow.style == "stars" and flow.pending is None and flow.phrases == ["Nhanh gọn"]


def test_flow_settings_wait_while_a_citizen_rates_and_the_rating_keeps_its_style():
    flow = make_flow()
    flow.configure(Setup(5, tuple(options("category")), "category"))
    flow.ticket_finished(finished(), now=1.0)
    flow.configure(stars())
    assert flow.phase is Phase.RATING and flow.style == "category"
    rating = flow.press("choose", "satisfied_service", now=2.0)
    assert rating.payload()["style"] == "category" and rating.value == "satisfied_service"
    flow.tick(now=10.0)                                      # thank-you screen over
    assert flow.phase is Phase.IDLE and flow.style == "stars"


def test_flow_settings_apply_before_the_next_citizen_waiting_behind_a_comment():
    flow = make_flow()
    flow.ticket_finished(finished("t1"), now=1.0)
    flow.press("choose", "dissatisfied_time", now=2.0)       # comment screen
    flow.ticket_finished(finished("t2", "1024"), now=3.0)     # queued for after this citizen
    flow.configure(stars())
    flow.press("send", now=4.0)
    flow.tick(now=10.0)
    assert flow.phase is Phase.RATING and flow.state.offer.ticket_id == "t2" and flow.style == "stars"


def test_flow_settings_can_move_the_tablet_to_another_counter_between_citizens():
    flow = make_flow(counter=5)
    flow.configure(Setup(6, tuple(options()), "category"))
    assert not flow.ticket_finished(finished("t1", counter=5), now=1.0)
    assert flow.ticket_finished(finished("t2", counter=6), now=2.0)
