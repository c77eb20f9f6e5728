"""Page access by role: a decorator for the server's HTML pages (admin, reports, console)."""
from __future__ import annotations

from functools import wraps

from flask import abort, g, redirect, request, url_for

from ..auth import Role


def require_page_role(*roles: Role):
    """Let through a logged-in person with one of `roles` (in `g.principal`); send a logged-out
    visitor to the login page (coming back afterwards) and answer 403 to anyone else.

    >>> @admin.get("/admin/")
    ... @require_page_role(Role.ADMIN, Role.SUPERVISOR)
    ... def dashboard(): ...
    """
    def decorate(view):
        @wraps(view)
        def guarded(*args, **kwargs):
            from . import page_principal
            principal = page_principal()
            if principal is None:
                return redirect(url_for("web.login_page", next=request.full_path))
            if principal.role not in roles:
                abort(403)
            g.principal = principal
            return view(*args, **kwargs)
        return guarded
    return decorate
