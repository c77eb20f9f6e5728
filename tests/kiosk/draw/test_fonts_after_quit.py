"""Fonts survive pygame being quit and started again in the same process (a real crash: a cached
font freed by pygame.quit() segfaulted the next kiosk drawn in the test run)."""
import subprocess
import sys


def test_kiosk_fonts_after_pygame_quit():
    # In a child process: a segfault must fail this test, not kill the test run.
    code = ("import os; os.environ['SDL_VIDEODRIVER'] = 'dummy'; os.environ['PYGAME_HIDE_SUPPORT_PROMPT'] = '1'\n"
            "import pygame\n"
            "from kiosk import draw\n"
            "pygame.init(); before = draw.measure('Lấy số thứ tự', 40)\n"
            "pygame.quit(); pygame.init()\n"
            "for i in range(200): after = draw.measure('Lấy số thứ tự', 40)\n"
            "pygame.quit(); after2 = draw.measure('Lấy số thứ tự', 40)\n"
            "assert before == after == after2, (before, after, after2)\n"
            "print('ok')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip().endswith("ok"), (done.returncode, done.stderr[-2000:])
