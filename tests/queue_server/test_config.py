import pytest

from queue_server.config import ConfigError, load_config, parse_config

MINIMAL = {
    "centre": {"name": "Bộ phận một cửa xã Tân Lập"},
    "departments": [{"id": "ubnd", "name": "UBND xã", "services": [{"id": "chung", "name": "Thủ tục chung"}]}],
    "counters": [{"number": 1, "services": ["chung"]}],
}


def test_config_demo_centre_is_realistic(demo_config):
    assert len(demo_config.departments) == 17
    assert len(demo_config.counters) >= 20
    assert len({c.room for c in demo_config.counters}) >= 3
    assert any(len({demo_config.department_of(s).id for s in c.services}) > 1 for c in demo_config.counters)
    assert any(s.result_return for d in demo_config.departments for s in d.services)


def test_config_minimal_gets_documented_defaults():
    config = parse_config(MINIMAL)
    assert config.centre.report_cutoff_day == 15
    assert config.centre.rating_style.value == "category"
    assert config.centre.timezone == "Asia/Ho_Chi_Minh"
    assert config.counters[0].label == "Quầy 1"
    assert config.departments[0].services[0].series.start == 1


@pytest.mark.parametrize("change, key, reason", [
    (lambda d: d["counters"][0].update(services=["nope"]), "counters[0].services", "unknown service 'nope'"),
    (lambda d: d["centre"].update(report_cutoff_day=40), "centre.report_cutoff_day", "less than or equal to 31"),
    (lambda d: d["centre"].update(rating_style="emoji"), "centre.rating_style", "'category', 'level' or 'stars'"),
    (lambda d: d["departments"][0]["services"][0].update(series={"start": 10, "end": 5}),
     "departments[0].services[0].series", "before start"),
    (lambda d: d["departments"].append(dict(d["departments"][0])), "departments[1].id", "appears twice"),
    (lambda d: d["centre"].update(timezone="Asia/Hanoi_City"), "centre.timezone", "unknown time zone"),
    (lambda d: d["departments"][0]["services"].append({"id": "khac", "name": "Khác"}),
     "departments[0].services[1].series", "overlaps that of 'chung'"),
    (lambda d: d["counters"].append({"number": 1, "services": ["chung"]}), "counters[1].number", "appears twice"),
    (lambda d: d.update(hours={"sessions": []}), "hours.sessions", "at least 1"),
    (lambda d: d.update(hours={"sessions": [["07:00", "12:00"], ["11:00", "17:00"]]}), "hours.sessions",
     "must not overlap"),
    (lambda d: d.update(hours={"weekdays": [1, 8]}), "hours.weekdays[1]", "less than or equal to 7"),
    (lambda d: d.update(hours={"weekdays": []}), "hours.weekdays", "at least 1"),
    (lambda d: d.update(dossiers={"holidays_file": "/nonexistent/holidays.toml"}), "dossiers.holidays_file",
     "cannot read the holiday file"),
    (lambda d: d.update(dossiers={"extra_holidays": ["2026-03-02"], "extra_working_days": ["2026-03-02"]}),
     "dossiers", "both a day off and a day worked"),
    (lambda d: d.update(dossiers={"column_mapping": {"ma_ho_so": ["Mã"]}}), "dossiers.column_mapping",
     "unknown dossier field 'ma_ho_so'"),
    (lambda d: d.update(dossiers={"department_aliases": {"stp": ["Sở Tư pháp"]}}),
     "dossiers.department_aliases.stp", "no department 'stp'"),
    (lambda d: d.update(queue={"recalls_before_absent": 5, "max_recalls": 3}), "queue", "more than max_recalls"),
    (lambda d: d["departments"][0]["services"].extend([
        {"id": "tra1", "name": "Trả 1", "result_return": True, "series": {"prefix": "R"}},
        {"id": "tra2", "name": "Trả 2", "result_return": True, "series": {"prefix": "S"}}]),
     "departments[0]", "at most one result-return service"),
    (lambda d: d["counters"][0].update(colour="red"), "counters[0].colour", "Extra inputs"),
    (lambda d: d.pop("counters"), "counters", "Field required"),
])
def test_config_errors_name_key_and_reason(change, key, reason):
    import copy
    data = copy.deepcopy(MINIMAL)
    change(data)
    with pytest.raises(ConfigError) as err:
        parse_config(data, "centre.toml")
    assert any(k == key and reason in r for k, r in err.value.problems), err.value.problems
    assert str(err.value).startswith("centre.toml: ")


def test_config_bad_toml_names_the_file(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("[centre\nname = 1", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(path) in str(err.value) and "TOML" in str(err.value)


def test_config_missing_file(tmp_path):
    with pytest.raises(ConfigError):
        load_config(tmp_path / "none.toml")


def test_config_series_apart_when_prefix_or_range_differ():
    import copy
    data = copy.deepcopy(MINIMAL)
    data["departments"][0]["services"] += [
        {"id": "a", "name": "A", "series": {"prefix": "A", "start": 1, "end": 999}},
        {"id": "b", "name": "B", "series": {"start": 1000, "end": 1999}}]
    assert len(parse_config(data).departments[0].services) == 3
    data["departments"][0]["services"].append({"id": "c", "name": "C", "series": {"prefix": "a", "start": 500}})
    with pytest.raises(ConfigError, match="overlaps that of 'a'"):
        parse_config(data)


def test_config_problem_reasons_are_vietnamese_first():
    import copy
    data = copy.deepcopy(MINIMAL)
    data["centre"]["timezone"] = "Mars/Olympus"
    with pytest.raises(ConfigError) as err:
        parse_config(data, "centre.toml")
    assert str(err.value) == ("centre.toml: centre.timezone: không có múi giờ 'Mars/Olympus' (tên IANA, ví dụ "
                              "Asia/Ho_Chi_Minh) / unknown time zone 'Mars/Olympus' (an IANA name, e.g. "
                              "Asia/Ho_Chi_Minh)")


def test_config_service_label_tells_same_named_services_apart(demo_config):
    """The demo has "Trả kết quả" in three departments: lists must say which is which (issue #16)."""
    returns = [s.id for d in demo_config.departments for s in d.services if s.name == "Trả kết quả"]
    labels = [demo_config.service_label(sid) for sid in returns]
    assert len(returns) >= 2 and len(set(labels)) == len(labels)
    assert all(label.startswith("Trả kết quả — ") for label in labels)
    assert demo_config.service_label("stp-hotich") == demo_config.service("stp-hotich").name
