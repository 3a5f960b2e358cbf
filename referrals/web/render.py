"""Page rendering: every template gets the caller, the navigation and the CSRF token."""

from __future__ import annotations

from typing import Any

from fastapi import Request, Response
from fastapi.templating import Jinja2Templates

from referrals.users import Permission
from referrals.web.security import Actor

# (label, path, permission needed); "/reconciliation" is served by the reconcile branch's router.
NAVIGATION: tuple[tuple[str, str, Permission], ...] = (
    ("Queue", "/queue", Permission.WORK_QUEUE),
    ("Claims", "/claims", Permission.VIEW_CLAIMS),
    ("Reconciliation", "/reconciliation", Permission.VIEW_RECONCILIATION),
    ("Dashboard", "/dashboard", Permission.VIEW_DASHBOARD),
    ("Users", "/admin/users", Permission.MANAGE_USERS),
    ("Code sets", "/admin/codesets", Permission.MANAGE_CODESETS),
)


def render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    actor: Actor | None = getattr(request.state, "actor", None)
    full = {
        "actor": actor,
        "csrf_token": actor.csrf_token if actor else None,
        "navigation": [(label, path) for label, path, need in NAVIGATION if actor and actor.can(need)],
        **context,
    }
    return templates.TemplateResponse(request, template, full, status_code=status)
