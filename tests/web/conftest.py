"""Browser fixtures (browser, new_page, page) live in tests/conftest.py, shared by every browser test."""
