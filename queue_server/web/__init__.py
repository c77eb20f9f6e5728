"""Web pages served by the server itself (no CDN): home, login, counter console."""
from __future__ import annotations

from flask import Blueprint, current_app, render_template

from ..api.auth import csrf_token

web = Blueprint("web", __name__, template_folder="templates", static_folder="static", static_url_path="/static")


@web.get("/")
def home():
    service = current_app.extensions["motcua"]
    return render_template("home.html", centre=service.config.centre, csrf=csrf_token())
