"""The browser fixtures of tests/web (one Debian Chromium per session), for the /hall and /board pages."""
from tests.web.conftest import browser, new_page, page  # noqa: F401
