"""Screenshots of the report pages and of the Phụ lục II PDF's first page for docs/screenshots/
(reports-*.png), made from the generated month; each is checked to be a real, non-blank image."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from tests.conftest import screenshots_dir

from .conftest import PERIOD_QUERY, admin_page

pytestmark = pytest.mark.browser
SHOTS = screenshots_dir()
PAGES = {"index": "/admin/reports/", "satisfaction": "/admin/reports/satisfaction",
         "dissatisfied": "/admin/reports/dissatisfied", "tallies": "/admin/reports/tallies",
         "queue": "/admin/reports/queue"}


def _assert_real_image(path: Path) -> None:
    image = Image.open(path).convert("L")
    assert image.width >= 600 and ImageStat.Stat(image).stddev[0] > 10, f"{path.name} looks blank"


def test_reports_screenshots_of_pages(report_centre, new_page):
    page = admin_page(new_page, report_centre, f"/admin/reports/?{PERIOD_QUERY}")
    for name, path in PAGES.items():
        page.goto(f"{report_centre.url}{path}?{PERIOD_QUERY}")
        target = SHOTS / f"reports-{name}.png"
        page.screenshot(path=str(target), full_page=True)
        _assert_real_image(target)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_reports_screenshot_of_pdf(report_centre, new_page, tmp_path):
    page = admin_page(new_page, report_centre, f"/admin/reports/satisfaction?{PERIOD_QUERY}")
    with page.expect_download() as info:
        page.click("a.download[data-format=pdf]")
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", info.value.path(),
                    str(SHOTS / "reports-pdf")], check=True, timeout=60)
    _assert_real_image(SHOTS / "reports-pdf.png")
