"""A device token that begins with '-' (minted before tokens got their 'mc' prefix) works on the
command line of every device command, as real processes against a real server."""
import os
import subprocess
import sys
from datetime import datetime, timezone

from queue_server.storage.accounts import Accounts

ENV = os.environ | {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONUNBUFFERED": "1"}
DASH_TOKEN = "-Zq3vX9_dash-token-from-an-older-server-0000000"


def _old_dash_token(centre, name: str, role: str, **where) -> str:
    """A device whose stored token begins with '-', as an older server could mint it."""
    centre.device(name, role, **where)
    accounts = Accounts(centre.service.store)
    device = next(d for d in accounts.devices(centre.service.centre_id) if d["name"] == name)
    accounts.add_token(DASH_TOKEN, "device", datetime.now(timezone.utc), device_id=device["id"])
    return DASH_TOKEN


def test_process_display_accepts_a_token_beginning_with_a_dash(live_centre):
    token = _old_dash_token(live_centre, "man-hinh-cu", "display", group="A")
    proc = subprocess.run([sys.executable, "-m", "queue_server.cli", "display", "--server", live_centre.url,
                           "--token", token, "--headless", "--demo", "--seconds", "3"],
                          capture_output=True, text=True, timeout=60, env=ENV)
    assert proc.returncode == 0, proc.stderr
    assert "motcua display: hall" in proc.stdout and "expected one argument" not in proc.stderr


def test_process_leds_accepts_a_token_beginning_with_a_dash(live_centre, tmp_path):
    leds = tmp_path / "leds.toml"
    leds.write_text('[bus]\nbackend = "serial"\nport = "/dev/rs485-roomA"\n\n[displays.1]\naddress = 1\n',
                    encoding="utf-8")
    token = _old_dash_token(live_centre, "led-cu", "display", group="A")
    proc = subprocess.Popen([sys.executable, "-m", "queue_server.cli", "leds", "--server", live_centre.url,
                             "--token", token, "--config", str(leds), "--demo"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    try:
        assert "1 displays" in proc.stdout.readline()
    finally:
        proc.terminate()
        proc.wait(10)
    assert "expected one argument" not in proc.stderr.read()
