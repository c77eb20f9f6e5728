"""A configuration `motcua config check` passes is one `motcua server` can run, and the other way
round: real processes on a file with an unknown time zone and one with colliding number series."""
import subprocess
import sys

import pytest

from queue_server.config import DEMO_CONFIG

from .conftest import free_port

BROKEN = {
    "timezone": (('timezone = "Asia/Ho_Chi_Minh"', 'timezone = "Asia/Hochiminh"'), "centre.timezone",
                 "không có múi giờ 'Asia/Hochiminh'"),
    "series": (('series = { start = 1501, end = 1999 }', 'series = { start = 1401, end = 1999 }'),
               "departments[0].services[1].series", "dãy số của 'stp-lylich' trùng với dãy số của 'stp-hotich'"),
}


def _motcua(*args, timeout=60):
    return subprocess.run([sys.executable, "-m", "queue_server.cli", *args], capture_output=True, text=True,
                          timeout=timeout)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_process_broken_config_fails_check_and_server_alike(tmp_path, name):
    (old, new), key, reason = BROKEN[name]
    text = DEMO_CONFIG.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "centre.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    for args in (["config", "check", str(path)],
                 ["server", "--config", str(path), "--db", str(tmp_path / "c.db"), "--port", str(free_port())]):
        proc = _motcua(*args)
        assert proc.returncode == 2, (args, proc.stdout, proc.stderr)
        assert f"{path}: {key}: {reason}" in proc.stderr and "Traceback" not in proc.stderr


def test_process_demo_config_passes_check(tmp_path):
    proc = _motcua("config", "check", str(DEMO_CONFIG))
    assert proc.returncode == 0 and "hợp lệ / OK" in proc.stdout
