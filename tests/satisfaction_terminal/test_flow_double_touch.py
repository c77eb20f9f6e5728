"""Touch screens send double events (a finger bounce, FINGERDOWN plus its mouse twin): never twice."""
from satisfaction_terminal.flow import Phase

from .helpers import finished, make_flow


def test_flow_double_tap_on_an_option_submits_once():
    flow = make_flow()
    flow.ticket_finished(finished(), now=0.0)
    first = flow.press("choose", "satisfied_service", now=1.00)
    second = flow.press("choose", "satisfied_service", now=1.05)
    assert first is not None and second is None
    assert flow.phase is Phase.THANKS


def test_flow_presses_right_after_a_screen_change_are_ignored():
    flow = make_flow()
    flow.press("start", now=1.0)
    assert flow.press("choose", "satisfied_service", now=1.1) is None      # meant for the idle screen
    assert flow.phase is Phase.RATING


def test_flow_second_tap_on_send_does_not_submit_again():
    flow = make_flow()
    flow.ticket_finished(finished(), now=0.0)
    flow.press("choose", "dissatisfied_time", now=1.0)
    assert flow.press("send", now=2.0) is not None
    assert flow.press("send", now=2.1) is None
    assert flow.press("send", now=3.0) is None          # the thank-you screen has no send button


def test_flow_bounced_key_types_one_letter_but_a_real_double_letter_types_two():
    flow = make_flow()
    flow.press("start", now=0.5)
    flow.press("choose", "suggestion", now=1.0)
    flow.press("key", "o", now=2.00)
    flow.press("key", "o", now=2.05)                    # bounce
    assert flow.state.comment == "o"
    flow.press("key", "o", now=2.40)                    # a second deliberate tap: Telex oo → ô
    assert flow.state.comment == "ô"


def test_flow_touch_on_a_new_ticket_screen_after_thanks_is_not_a_rating():
    flow = make_flow()
    flow.ticket_finished(finished("t1"), now=0.0)
    flow.press("choose", "satisfied_service", now=1.0)
    flow.ticket_finished(finished("t2"), now=2.0)
    flow.tick(now=6.0)
    assert flow.phase is Phase.RATING
    assert flow.press("choose", "satisfied_service", now=6.1) is None
