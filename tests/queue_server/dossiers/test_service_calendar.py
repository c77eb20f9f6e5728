"""The dossier calendar follows the holidays an administrator adds, live."""
from datetime import date, datetime

from queue_server.dossier_service import DossierService
from tests.conftest import TZ


def test_dossier_calendar_uses_extra_days(centre):
    settings = centre.config.dossiers.model_copy(update={"extra_holidays": [date(2026, 11, 24)],
                                                         "extra_working_days": [date(2026, 11, 28)]})
    config = centre.config.model_copy(update={"dossiers": settings})
    calendar = DossierService(config, centre.service.store, centre.clock).calendar
    assert not calendar.is_working_day(date(2026, 11, 24))         # a Tuesday made a day off
    assert calendar.is_working_day(date(2026, 11, 28))             # a Saturday worked
    received = datetime(2026, 11, 23, 9, 0, tzinfo=TZ)
    assert calendar.due_date(received, 1, "working_days").date() == date(2026, 11, 25)


def test_dossier_service_follows_a_live_config_change(centre):
    first = DossierService.of(centre.service)
    assert DossierService.of(centre.service) is first
    centre.service.config = centre.config.model_copy(update={"dossiers": centre.config.dossiers.model_copy(
        update={"extra_holidays": [date(2026, 11, 24)]})})
    again = DossierService.of(centre.service)
    assert again is not first and not again.calendar.is_working_day(date(2026, 11, 24))
