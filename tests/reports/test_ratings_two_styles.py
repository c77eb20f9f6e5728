"""A period rated under two styles reports both: Phụ lục II, the rating lists and their exports
count every rating (made through the real rating path, the style changed on the admin side)."""

import pytest

from queue_server.admin import configedit
from queue_server.auth import Principal, Role
from queue_server.reporting import periods
from queue_server.reporting.export import render_document
from queue_server.reports_web import library
from tests.queue_server.api.conftest import Client

ADMIN = Principal("user", 99, Role.ADMIN, "Quản trị thử", "tphcc-demo")
PERIOD = periods.month(2026, 12, 15)          # 16/11/2026 – 15/12/2026; the clock is 23/11/2026


@pytest.fixture
def rated(centre):
    """Three category ratings, then the style becomes stars: two star ratings and one category
    rating from a tablet still showing the old options."""
    centre.officer("hoa", "Lê Thị Hoa", "matkhau1")
    officer = Client(centre.app, centre.login_token("hoa", "matkhau1"))
    assert officer.post("/api/counters/1/open").status_code == 200
    tablet = Client(centre.app, centre.device("tablet-1", "terminal", counter=1))

    def rate(n, value, style=None, comment=""):
        body = {"id": f"rating-{n:04d}", "value": value, "comment": comment, **({"style": style} if style else {})}
        answer = tablet.post("/api/ratings", body).get_json()
        assert answer["quarantined"] is False, answer

    rate(1, "satisfied_service")
    rate(2, "dissatisfied_time", comment="Chờ lâu")
    rate(3, "satisfied_attitude")
    centre.app.extensions["motcua.admin"].change_config(
        ADMIN, "centre.ratings", "centre", lambda d: configedit.update_centre(d, {"rating_style": "stars"}))
    rate(4, "5", "stars")
    rate(5, "1", "stars", comment="Kém")
    rate(6, "dissatisfied_competence", "category", comment="Hướng dẫn chưa rõ")   # the old options
    return centre


def test_phu_luc_2_reports_both_styles_and_shares_count_every_rating(rated):
    service = rated.service
    report = library.satisfaction(service.config, service.store, PERIOD)
    assert report.style.value == "stars" and report.total.total == 2
    assert [o.style.value for o in report.other_styles] == ["category"]
    category = report.other_styles[0]
    assert dict(zip(category.values, category.total.counts)) == {
        "satisfied_service": 1, "satisfied_attitude": 1, "dissatisfied_competence": 1, "dissatisfied_time": 1,
        "suggestion": 0}
    assert report.all_ratings == 6 and report.as_dict()["all_ratings"] == 6
    assert "Số lượt đánh giá: 6 /" in library.phu_luc_2.share_lines(report)[0]


def test_phu_luc_2_exports_carry_the_other_style_table(rated):
    service = rated.service
    doc = library.satisfaction_document(service.config, service.store, PERIOD)
    assert [t.caption for t in doc.tables] == ["Bảng tổng hợp theo đơn vị",
                                             "Đánh giá theo nhóm ý kiến (cách đánh giá khác trong kỳ)"]
    csv = render_document(doc, "csv").decode("utf-8-sig")
    assert "Không hài lòng về nghiệp vụ nhân viên" in csv and "5 sao (Rất tốt)" in csv
    assert render_document(doc, "xlsx")[:2] == b"PK"


def test_rating_lists_judge_and_label_each_rating_by_its_own_style(rated):
    service = rated.service
    lists = library.rating_lists(service.config, service.store, PERIOD)
    assert [(i.label, i.comment) for i in lists["dissatisfied"]] == [
        ("Không hài lòng về thời gian giao dịch", "Chờ lâu"), ("Kém", "Kém"),
        ("Không hài lòng về nghiệp vụ nhân viên", "Hướng dẫn chưa rõ")]
    assert [i.label for i in lists["comments"]] == [
        "Không hài lòng về thời gian giao dịch", "Kém", "Không hài lòng về nghiệp vụ nhân viên"]
    assert sum(t.total for t in lists["counters"]) == 2
    other = lists["other_styles"]
    assert [o["style"].value for o in other] == ["category"] and sum(t.total for t in other[0]["counters"]) == 4
    doc = library.ratings_document(service.config, service.store, PERIOD)
    assert "Đánh giá theo quầy (theo nhóm ý kiến)" in [t.caption for t in doc.tables]


def test_per_day_summaries_count_by_style(rated):
    from queue_server.storage.reports import Reports
    reports = Reports(rated.service.store)
    assert reports.rating_styles("tphcc-demo", PERIOD) == ["category", "stars"]
    assert sum(n for _, _, n in reports.rating_counts("tphcc-demo", "category", PERIOD)) == 4
    assert sum(n for _, _, n in reports.rating_counts("tphcc-demo", "stars", PERIOD)) == 2


def test_report_pages_show_the_other_style_tables(rated):
    from tests.admin.conftest import login_client
    rated.officer("quantri", "Nguyễn Văn Quản", "matkhau-qt", role="admin")
    client, _ = login_client(rated, "quantri", "matkhau-qt")
    query = "?kind=month&year=2026&number=12"
    tallies = client.get(f"/admin/reports/tallies{query}").get_data(as_text=True)
    assert "Đánh giá theo quầy (theo nhóm ý kiến)" in tallies and "Đánh giá theo cán bộ (theo nhóm ý kiến)" in tallies
    satisfaction = client.get(f"/admin/reports/satisfaction{query}").get_data(as_text=True)
    assert "Đánh giá theo nhóm ý kiến (cách đánh giá khác trong kỳ)" in satisfaction
    dissatisfied = client.get(f"/admin/reports/dissatisfied{query}").get_data(as_text=True)
    assert "Không hài lòng về nghiệp vụ nhân viên" in dissatisfied and "Hướng dẫn chưa rõ" in dissatisfied
