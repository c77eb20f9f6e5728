"""A long list is cut on the page (PAGE_ROWS rows and a note) but complete in the downloads."""
from __future__ import annotations

import csv
import io
import random
import re
from datetime import date

from queue_server.config import RatingStyle
from queue_server.reporting import ratings_lists
from queue_server.reports_web import PAGE_ROWS

from .helpers import rating_rows, write
from .test_reports_web_roles import _client_as

QUERY = "kind=month&number=11&year=2026"   # 16/10 – 15/11/2026


def test_reports_page_cuts_long_list_and_downloads_keep_all(centre):
    ratings = rating_rows(random.Random(5), 3 * PAGE_ROWS, date(2026, 10, 16), 31,
                          [d.id for d in centre.config.departments], RatingStyle.CATEGORY)
    write(centre.service.store, "ratings", ratings)
    bad = sum(ratings_lists.is_dissatisfied(RatingStyle.CATEGORY, r["value"]) for r in ratings)
    assert bad > PAGE_ROWS
    client = _client_as(centre, "admin")
    html = client.get(f"/admin/reports/dissatisfied?{QUERY}").get_data(as_text=True)
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert body.count("<tr") == PAGE_ROWS
    shown = f"{PAGE_ROWS:,}".replace(",", ".")
    assert re.search(rf"hiển thị {shown} / {f'{bad:,}'.replace(',', '.')} dòng đầu tiên", html)
    rows = list(csv.reader(io.StringIO(client.get(f"/admin/reports/ratings.csv?{QUERY}").get_data(as_text=True))))
    start = rows.index(["Danh sách đánh giá không hài lòng"])
    listed = [r for r in rows[start + 2:] if r and r[0].isdigit()]
    assert int(listed[bad - 1][0]) == bad   # every dissatisfied rating is in the file


def test_reports_page_short_table_has_no_cut_note(centre):
    html = _client_as(centre, "admin").get(f"/admin/reports/satisfaction?{QUERY}").get_data(as_text=True)
    assert 'class="cut"' not in html
