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
    (lambda d: d["counters"][0].update(services=["nope"]), "(top level)", "unknown service 'nope'"),
    (lambda d: d["centre"].update(report_cutoff_day=40), "centre.report_cutoff_day", "less than or equal to 31"),
    (lambda d: d["centre"].update(rating_style="emoji"), "centre.rating_style", "'category', 'level' or 'stars'"),
    (lambda d: d["departments"][0]["services"][0].update(series={"start": 10, "end": 5}),
     "departments[0].services[0].series", "before start"),
    (lambda d: d["departments"].append(dict(d["departments"][0])), "(top level)", "appears twice"),
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


def test_config_hours_open_and_closed(demo_config):
    from datetime import datetime
    from tests.conftest import TZ
    hours = demo_config.hours
    assert hours.is_open(datetime(2026, 11, 23, 8, 0, tzinfo=TZ))
    assert not hours.is_open(datetime(2026, 11, 23, 12, 0, tzinfo=TZ))     # lunch
    assert not hours.is_open(datetime(2026, 11, 22, 9, 0, tzinfo=TZ))      # Sunday


def test_config_service_label_tells_same_named_services_apart(demo_config):
    """The demo has "Trả kết quả" in three departments: lists must say which is which (issue #16)."""
    returns = [s.id for d in demo_config.departments for s in d.services if s.name == "Trả kết quả"]
    labels = [demo_config.service_label(sid) for sid in returns]
    assert len(returns) >= 2 and len(set(labels)) == len(labels)
    assert all(label.startswith("Trả kết quả — ") for label in labels)
    assert demo_config.service_label("stp-hotich") == demo_config.service("stp-hotich").name
