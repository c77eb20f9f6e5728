"""Test helpers: decode the ESC/POS raster bytes a printer received back into images."""
from __future__ import annotations

import time

from PIL import Image

from hw.printer.commands import INIT


def decode_jobs(sent: bytes) -> list[Image.Image]:
    """Every print job in `sent` (ESC @, GS v 0 bands, feed, cut) as one 1-bit image per job."""
    jobs, i = [], 0
    while (start := sent.find(INIT, i)) != -1:
        i, bands = start + len(INIT), []
        while sent[i:i + 4] == b"\x1dv0\x00":
            xbytes = int.from_bytes(sent[i + 4:i + 6], "little")
            rows = int.from_bytes(sent[i + 6:i + 8], "little")
            data = sent[i + 8:i + 8 + xbytes * rows]
            bands.append(Image.frombytes("1", (xbytes * 8, rows), data))
            i += 8 + xbytes * rows
        if bands:
            image = Image.new("1", (bands[0].width, sum(b.height for b in bands)))
            y = 0
            for band in bands:
                image.paste(band, (0, y))
                y += band.height
            jobs.append(Image.eval(image.convert("L"), lambda v: 255 - v).convert("1"))   # set bit = black dot
    return jobs


def run_until(app, condition, timeout: float = 10.0) -> None:
    """Step the kiosk's main loop until `condition()` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out on screen {app.flow.screen.value}")
        app.step()
        time.sleep(0.01)


def dots(image: Image.Image) -> bytes:
    """The black dots of a 1-bit image, whatever its white value (Pillow keeps 1 or 255)."""
    return image.convert("L").point(lambda v: 0 if v else 255).tobytes()


def touch(app, action: str) -> None:
    """Touch a widget like a person: after the guard time of the last screen change."""
    run_until(app, lambda: app.flow.clock() - app.flow.changed_at > app.flow.settings.touch_guard_s + 0.05)
    assert app.tap_action(action), f"{action} is not on screen {app.flow.screen.value}"
