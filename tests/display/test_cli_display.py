"""`motcua display` and `motcua leds` as processes against a real server; the demo launcher."""
import os
import subprocess
import sys
import time

from queue_server.demo.devices import DEVICE_LAUNCHERS, device_commands

from .live import Officers

ENV = os.environ | {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONUNBUFFERED": "1"}


def test_cli_display_headless_demo_runs_and_stops(live_centre):
    token = live_centre.device("man-hinh-cli", "display", group="A")
    proc = subprocess.run([sys.executable, "-m", "queue_server.cli", "display", "--server", live_centre.url,
                           "--token", token, "--headless", "--demo", "--seconds", "3"],
                          capture_output=True, text=True, timeout=60, env=ENV)
    assert proc.returncode == 0, proc.stderr
    assert "motcua display: hall" in proc.stdout and "Traceback" not in proc.stderr


def test_cli_display_bad_config_is_refused(tmp_path):
    bad = tmp_path / "display.toml"
    bad.write_text('mode = "wall"\n', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "queue_server.cli", "display", "--config", str(bad),
                           "--headless", "--demo"], capture_output=True, text=True, timeout=60, env=ENV)
    assert proc.returncode == 2 and "mode" in proc.stdout


def test_cli_leds_demo_follows_calls(live_centre, tmp_path):
    leds = tmp_path / "leds.toml"
    leds.write_text('[bus]\nbackend = "serial"\nport = "/dev/rs485-roomA"\n\n[displays.1]\naddress = 1\n',
                    encoding="utf-8")
    token = live_centre.device("led-cli", "display", group="A")
    proc = subprocess.Popen([sys.executable, "-m", "queue_server.cli", "leds", "--server", live_centre.url,
                             "--token", token, "--config", str(leds), "--demo"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    try:
        assert "1 displays" in proc.stdout.readline()
        officers = Officers(live_centre)
        officers.open(1)
        officers.issue()
        officers.act("call_next", 1)
        time.sleep(1.0)
        assert proc.poll() is None                       # still running, no crash on the event
    finally:
        proc.terminate()
        proc.wait(10)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr.read()


def test_cli_display_demo_launcher(capsys):
    assert any(f.__name__ == "_hall_display" for f in DEVICE_LAUNCHERS)
    argv = [a for a in device_commands("http://127.0.0.1:5000", {"tokens": {"display": "T0KEN"}})
            if "display" in a]
    assert argv and argv[0][argv[0].index("--token") + 1] == "T0KEN" and "--demo" in argv[0]
    assert "http://127.0.0.1:5000/hall#token=T0KEN" in capsys.readouterr().out
