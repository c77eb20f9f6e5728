"""Reuse the browser fixtures of tests/web (Debian Chromium through Playwright)."""
from tests.web.conftest import browser, new_page, page  # noqa: F401
