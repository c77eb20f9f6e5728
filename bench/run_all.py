"""Run every benchmark in bench/ one after the other, printing their figures.

    .venv/bin/python bench/run_all.py [name ...]     # e.g. queue kiosk (default: all)
"""
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(names: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if names:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in names]
    failed = 0
    for script in scripts:
        print(f"== {script.stem}", flush=True)
        start = time.monotonic()
        failed += subprocess.call([sys.executable, str(script)], cwd=HERE.parent) != 0
        print(f"   ({time.monotonic() - start:.0f} s)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
