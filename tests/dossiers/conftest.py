import pytest

from queue_server.centre_calendar import CentreCalendar


@pytest.fixture(scope="session")
def cal() -> CentreCalendar:
    return CentreCalendar.vietnam()
