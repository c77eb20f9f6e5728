"""Terminal settings: TOML [terminal] section, command-line values on top, clear errors."""
import pytest

from queue_server.config import ConfigError
from satisfaction_terminal.config import DEFAULT_PHRASES, load_settings


def test_settings_defaults_need_only_a_counter():
    s = load_settings(None, counter=3)
    assert (s.counter, s.server, s.phrases, s.rating_timeout) == (3, "http://127.0.0.1:5000", DEFAULT_PHRASES, 30.0)


def test_settings_from_toml_with_command_line_on_top(tmp_path):
    path = tmp_path / "terminal.toml"
    path.write_text('[terminal]\ncounter = 4\nserver = "http://10.0.0.2:5000"\n'
                    'phrases = ["Rất nhanh", "Cần thêm ghế"]\n[terminal.officer_titles]\n7 = "Chuyên viên"\n',
                    encoding="utf-8")
    s = load_settings(path, counter=5, server=None)
    assert (s.counter, s.server, s.phrases, s.officer_titles) == (
        5, "http://10.0.0.2:5000", ["Rất nhanh", "Cần thêm ghế"], {"7": "Chuyên viên"})


def test_settings_errors_name_the_key(tmp_path):
    path = tmp_path / "terminal.toml"
    path.write_text("[terminal]\ncounter = 0\nrating_timeout = -1\ncolour = 'red'\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    keys = {key for key, _ in err.value.problems}
    assert keys == {"counter", "rating_timeout", "colour"}


def test_settings_too_many_phrases_are_refused():
    with pytest.raises(ConfigError):
        load_settings(None, counter=1, phrases=[f"Ý {i}" for i in range(7)])


def test_settings_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError):
        load_settings(tmp_path / "none.toml", counter=1)
