"""The Vietnamese user guide (docs/vi/*.md) as web pages at /help, linked from the console and admin.

One source: the Markdown files in docs/vi/ are what the repository shows and what the server serves,
with the browser tests' screenshots from docs/screenshots/. Public: it holds no centre data.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import markdown
from flask import Blueprint, abort, current_app, render_template, send_from_directory

DOCS = Path(__file__).resolve().parents[2] / "docs"
GUIDE = DOCS / "vi"
PAGES = {"": "README", "can-bo": "can-bo", "quan-tri": "quan-tri"}

help_pages = Blueprint("help", __name__, template_folder="templates")


@lru_cache(maxsize=8)
def _html(name: str, mtime: float) -> tuple[str, str]:
    """(title, body HTML) of one guide page; links between pages and to screenshots rewritten."""
    text = (GUIDE / f"{name}.md").read_text(encoding="utf-8")
    text = re.sub(r"\]\(\.\./screenshots/([\w.-]+\.png)\)", r"](/help/screenshots/\1)", text)
    text = re.sub(r"\]\(([\w-]+)\.md\)", r"](/help/\1)", text).replace("](README)", "](/help/)")
    title = next((line[2:] for line in text.splitlines() if line.startswith("# ")), "Hướng dẫn")
    return title, markdown.markdown(text, extensions=["tables"], output_format="html")


@help_pages.get("/help/")
@help_pages.get("/help/<page>")
def guide(page: str = ""):
    """A page of the user guide, or a plain message when the guide is not installed."""
    name = PAGES.get(page)
    if name is None:
        abort(404)
    path = GUIDE / f"{name}.md"
    if not path.is_file():
        body = ("<p>Hướng dẫn sử dụng chưa được cài trên máy chủ này; xem thư mục <code>docs/vi/</code> "
                "trong mã nguồn. <span lang='en'>The user guide is not installed here: see docs/vi/.</span></p>")
        return render_template("help.html", title="Hướng dẫn sử dụng", body=body,
                               centre=current_app.extensions["motcua"].config.centre), 404
    title, body = _html(name, path.stat().st_mtime)
    return render_template("help.html", title=title, body=body, centre=current_app.extensions["motcua"].config.centre)


@help_pages.get("/help/screenshots/<name>")
def screenshot(name: str):
    """The screenshots the guide shows (PNG only)."""
    if not re.fullmatch(r"[\w-]+\.png", name):
        abort(404)
    return send_from_directory(DOCS / "screenshots", name, mimetype="image/png", max_age=3600)
