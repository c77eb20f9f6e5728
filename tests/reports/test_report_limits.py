"""One report request cannot ask for unbounded work: a custom period is at most a year and lies in
plausible years (a supervisor's 0001-01-01 … 9999-12-31 ran 105 s and returned 533 MB), a list in a
file or an API answer is at most MAX_LIST_ROWS rows (a PDF MAX_PDF_ROWS), and each is refused with
a bilingual 400/413 at once, on the pages, the downloads, the `/api/reports/*` actions and the CLI.
CSV downloads are streamed."""
from __future__ import annotations

import random
import time
from datetime import date

import pytest

from queue_server.cli import main
from queue_server.config import DEMO_CONFIG, RatingStyle
from queue_server.limits import MAX_LIST_ROWS, MAX_PDF_ROWS

from .helpers import rating_rows, write

HUGE = "kind=custom&from=0001-01-01&to=9999-12-31"
TOO_LONG = "kind=custom&from=2025-01-01&to=2026-01-02"
FAR_YEAR = "kind=year&year=9999"
URLS = ["/api/reports/queue?", "/api/reports/ratings?", "/api/reports/satisfaction?",
        "/admin/reports/queue?", "/admin/reports/comments?", "/admin/reports/?",
        "/admin/reports/queue.csv?", "/admin/reports/ratings.xlsx?", "/admin/reports/satisfaction.pdf?"]


@pytest.fixture
def supervisor(centre):
    centre.officer("giamsat", "Trần Giám Sát", "matkhau-gs", role="supervisor")
    client = centre.app.test_client()
    assert client.post("/api/login", json={"username": "giamsat", "password": "matkhau-gs"}).status_code == 200
    return client


@pytest.mark.parametrize("query", [HUGE, TOO_LONG, FAR_YEAR])
def test_report_limits_refuse_unbounded_periods_everywhere(supervisor, query):
    for url in URLS:
        started = time.monotonic()
        response = supervisor.get(url + query)
        assert response.status_code == 400, (url, response.status_code)
        error = response.get_json()["error"]
        assert error["message"] != error["message_en"] and error["message_en"]
        assert time.monotonic() - started < 2, url


def test_report_limits_dossier_report_range(supervisor):
    assert supervisor.get("/api/reports/dossiers?from=0001-01-01&to=9999-12-31").status_code == 400
    response = supervisor.get("/api/reports/dossiers?from=2020-01-01&to=2026-01-01")
    assert response.status_code == 400 and "366" in response.get_json()["error"]["message"]


def test_report_limits_a_year_is_allowed(supervisor):
    assert supervisor.get("/api/reports/queue?kind=custom&from=2025-01-01&to=2025-12-31").status_code == 200
    assert supervisor.get("/admin/reports/queue.csv?kind=year&year=2026").status_code == 200


def test_report_limits_cli_refuses_a_huge_range(tmp_path, capsys):
    code = main(["report", "queue", "--config", str(DEMO_CONFIG), "--db", str(tmp_path / "c.db"),
                 "--from", "2020-01-01", "--to", "2026-01-01"])
    assert code == 1 and "366" in capsys.readouterr().err


def _dissatisfied(centre, n: int) -> None:
    """n dissatisfied ratings with comments in November 2026 (reporting month 11)."""
    ratings = rating_rows(random.Random(3), n, date(2026, 10, 20), 20, [d.id for d in centre.config.departments],
                          RatingStyle.CATEGORY)
    worst = "dissatisfied_time"
    for r in ratings:
        r.update(value=worst, comment="Chờ lâu quá")
    write(centre.service.store, "ratings", ratings)


def test_report_limits_refuse_lists_past_the_row_limit(centre, supervisor):
    _dissatisfied(centre, MAX_LIST_ROWS + 1)
    month = "kind=month&year=2026&number=11"
    for url in ("/admin/reports/ratings.xlsx?", "/admin/reports/ratings.json?", "/api/reports/ratings?"):
        response = supervisor.get(url + month)
        assert response.status_code == 413, url
        assert "50.001" in response.get_json()["error"]["message"]
    page = supervisor.get("/admin/reports/dissatisfied?" + month)       # the page shows the first 1,000
    assert page.status_code == 200 and "50.001" in page.get_data(as_text=True)


def test_report_limits_pdf_row_limit_and_streamed_csv(centre, supervisor):
    _dissatisfied(centre, MAX_PDF_ROWS + 1)
    month = "kind=month&year=2026&number=11"
    refused = supervisor.get("/admin/reports/ratings.pdf?" + month)
    assert refused.status_code == 413 and "CSV" in refused.get_json()["error"]["message"]
    csv = supervisor.get("/admin/reports/ratings.csv?" + month)
    assert csv.status_code == 200 and csv.is_streamed and "Content-Length" not in csv.headers
    assert csv.get_data(as_text=True).count("Chờ lâu quá") == 2 * (MAX_PDF_ROWS + 1)   # both lists hold them
