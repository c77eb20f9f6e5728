import pytest

from queue_server.config import Series
from queue_server.engine import QueueError, TicketStatus
from queue_server.engine.numbering import label, next_number

from .conftest import issue


def test_issue_numbers_follow_the_series(engine, now):
    labels = [issue(engine, now).label for _ in range(3)]
    assert labels == ["1001", "1002", "1003"]


def test_issue_series_are_per_service(engine, now):
    assert issue(engine, now, "stp-hotich").label == "1001"
    assert issue(engine, now, "stp-lylich").label == "1501"
    assert issue(engine, now, "syt-chung").label == "7001"


def test_issue_prefixed_series_is_zero_padded(engine, now):
    assert issue(engine, now, "cat-xnc").label == "C001"
    assert issue(engine, now, "stp-trakq").label == "R001"


def test_issue_new_ticket_waits_with_its_department(engine, now):
    ticket = issue(engine, now, "stc-dkkd")
    assert ticket.status is TicketStatus.WAITING
    assert ticket.department_id == "stc"
    assert ticket.queue_at == ticket.issued_at


def test_issue_unknown_service_is_refused(engine, now):
    with pytest.raises(QueueError) as err:
        engine.issue("no-such-service", now())
    assert err.value.status == 404


def test_issue_reports_people_ahead(engine, now):
    issue(engine, now)
    issue(engine, now)
    event = engine.issue("stp-hotich", now.advance(minutes=1))[-1]
    assert event.data["ahead"] == 2


def test_issue_priority_ticket_goes_ahead_of_normal_ones(engine, now):
    issue(engine, now)
    issue(engine, now)
    event = engine.issue("stp-hotich", now.advance(minutes=1), priority=True)[-1]
    assert event.data["ahead"] == 0


@pytest.mark.parametrize("series, last, expected", [
    (Series(start=1001, end=1999), None, 1001),
    (Series(start=1001, end=1999), 1001, 1002),
    (Series(start=1, end=999, prefix="A", digits=3), 41, 42),
])
def test_next_number_table(series, last, expected):
    assert next_number(series, last) == expected


def test_next_number_refuses_past_the_end():
    with pytest.raises(QueueError) as err:
        next_number(Series(start=1, end=3), 3)
    assert err.value.code == "series_exhausted"


@pytest.mark.parametrize("series, number, text", [
    (Series(start=1001, end=1999), 1023, "1023"),
    (Series(prefix="A", digits=3), 12, "A012"),
    (Series(prefix="B", digits=0), 7, "B7"),
])
def test_label_table(series, number, text):
    assert label(series, number) == text
