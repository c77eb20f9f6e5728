"""The rating flow for each of the centre's rating styles."""
import pytest

from satisfaction_terminal.flow import Phase

from .helpers import finished, make_flow

SATISFIED = {"category": "satisfied_service", "level": "very_satisfied", "stars": "5"}
DISSATISFIED = {"category": "dissatisfied_time", "level": "dissatisfied", "stars": "3"}


@pytest.mark.parametrize("style", ["category", "level", "stars"])
def test_flow_satisfied_rating_goes_straight_to_thanks(style):
    flow = make_flow(style)
    flow.ticket_finished(finished(), now=1.0)
    rating = flow.press("choose", SATISFIED[style], now=2.0)
    assert flow.phase is Phase.THANKS
    assert rating.payload() == {"id": "r-0001", "counter": 5, "ticket_id": "t1", "value": SATISFIED[style],
                                "comment": ""}


@pytest.mark.parametrize("style", ["category", "level", "stars"])
def test_flow_dissatisfied_rating_asks_for_a_reason(style):
    flow = make_flow(style)
    flow.ticket_finished(finished(), now=1.0)
    assert flow.press("choose", DISSATISFIED[style], now=2.0) is None
    assert flow.phase is Phase.COMMENT
    flow.press("phrase", "Thời gian chờ lâu", now=3.0)
    for i, key in enumerate("chaamj"):
        flow.press("key", key, now=4.0 + i)
    rating = flow.press("send", now=20.0)
    assert (rating.value, rating.comment) == (DISSATISFIED[style], "Thời gian chờ lâu; chậm")
    assert flow.phase is Phase.THANKS


def test_flow_four_stars_is_not_asked_for_a_reason():
    flow = make_flow("stars")
    flow.ticket_finished(finished(), now=1.0)
    assert flow.press("choose", "4", now=2.0).value == "4"


def test_flow_suggestion_opens_the_comment_step():
    flow = make_flow("category")
    flow.press("start", now=1.0)
    flow.press("choose", "suggestion", now=2.0)
    assert flow.phase is Phase.COMMENT and flow.state.choice.value == "suggestion"


def test_flow_phrase_toggles_off_when_touched_again():
    flow = make_flow()
    flow.ticket_finished(finished(), now=1.0)
    flow.press("choose", "dissatisfied_competence", now=2.0)
    flow.press("phrase", "Cán bộ chưa hướng dẫn rõ", now=3.0)
    flow.press("phrase", "Cán bộ chưa hướng dẫn rõ", now=4.0)
    assert flow.press("send", now=5.0).comment == ""


def test_flow_back_from_comment_lets_the_citizen_choose_again():
    flow = make_flow()
    flow.ticket_finished(finished(), now=1.0)
    flow.press("choose", "dissatisfied_time", now=2.0)
    flow.press("back", now=3.0)
    rating = flow.press("choose", "satisfied_attitude", now=4.0)
    assert (rating.id, rating.value, rating.ticket_id) == ("r-0001", "satisfied_attitude", "t1")


def test_flow_unknown_value_is_ignored():
    flow = make_flow("level")
    flow.ticket_finished(finished(), now=1.0)
    assert flow.press("choose", "satisfied_service", now=2.0) is None
    assert flow.phase is Phase.RATING


def test_flow_walk_up_rating_has_no_ticket():
    flow = make_flow()
    flow.press("start", now=1.0)
    rating = flow.press("choose", "satisfied_service", now=2.0)
    assert rating.ticket_id is None and rating.counter == 5


def test_flow_typing_uses_telex_and_backspace():
    flow = make_flow()
    flow.press("start", now=1.0)
    flow.press("choose", "suggestion", now=2.0)
    for i, key in enumerate("toots"):
        flow.press("key", key, now=3.0 + i)
    flow.press("backspace", now=9.0)
    flow.press("key", "t", now=10.0)
    assert flow.state.comment == "tốt"
