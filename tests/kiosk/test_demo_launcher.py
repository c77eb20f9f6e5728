"""`motcua demo` starts a simulated kiosk: headless without a screen, with the seeded kiosk token."""
import subprocess
import sys
import time

from queue_server.demo.devices import device_commands


def test_demo_launcher_starts_headless_kiosk(monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    kiosks = [a for a in device_commands("http://127.0.0.1:5000", {"tokens": {"kiosk": "tok"}}) if "kiosk" in a]
    assert kiosks == [[sys.executable, "-m", "queue_server.cli", "kiosk", "--server", "http://127.0.0.1:5000",
                       "--token", "tok", "--demo", "--windowed", "--headless"]]


def test_demo_kiosk_process_keeps_running_against_a_server(live_centre):
    token = live_centre.device("may-boc-so-1", "kiosk")
    proc = subprocess.Popen([sys.executable, "-m", "queue_server.cli", "kiosk", "--server", live_centre.url,
                             "--token", token, "--demo", "--headless"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        device = live_centre.service.store.query("SELECT id FROM devices WHERE name = 'may-boc-so-1'")[0]["id"]
        while time.monotonic() < deadline and not live_centre.service.accounts.device_status(device):
            assert proc.poll() is None, proc.stdout.read().decode()
            time.sleep(0.2)
        assert live_centre.service.accounts.device_status(device) == {"printer": "online", "app": "ok",
                                                                      "scanner": "connected"}
        assert proc.poll() is None
    finally:
        proc.terminate()
        assert proc.wait(10) == 0
