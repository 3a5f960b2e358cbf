"""The web app: `create_app(settings)` builds it; `intake serve` runs it under uvicorn.

Errors become HTTP responses in one place, `_handle_error`: an IntakeError's `http_status`
and `code` (JSON for /api, a page otherwise; 401 on a page redirects to the login form).
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from referrals.config import Settings, load_settings
from referrals.errors import IntakeError, NotFoundError, UsageError
from referrals.store.engine import engine_for, upgrade
from referrals.web.config import WebSettings, load_secret
from referrals.web.errors import InvalidInput
from referrals.web.security import LoginThrottle

log = logging.getLogger(__name__)
WEB_DIR = Path(__file__).parent

SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
    "content-security-policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
}


def create_app(settings: Settings | None = None, web: WebSettings | None = None) -> FastAPI:
    """A ready app on the configured database (migrated to the newest schema)."""
    settings = settings or load_settings()
    web = web or WebSettings()
    # The OpenAPI document is served by routes_api behind authentication; no CDN-backed docs UI.
    app = FastAPI(title="referral-intake", version="0.1.0", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.settings = settings
    app.state.web = web
    app.state.engine = engine_for(settings)
    upgrade(app.state.engine)
    app.state.secret = load_secret(web, settings.home)
    app.state.throttle = LoginThrottle(
        app.state.engine, web.login_attempts_per_minute, web.login_attempts_per_ip_minute
    )
    app.state.templates = Jinja2Templates(directory=str(WEB_DIR / "templates"))
    app.mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static")
    _add_routes(app)
    for kind in (IntakeError, StarletteHTTPException, RequestValidationError):
        app.add_exception_handler(kind, _handle_error)
    app.add_middleware(WebBoundary)
    return app


def _add_routes(app: FastAPI) -> None:
    from referrals.web import (
        routes_admin,
        routes_api,
        routes_auth,
        routes_codesets,
        routes_pages,
        routes_reconciliation,
        routes_records,
    )

    for module in (
        routes_auth,
        routes_api,
        routes_pages,
        routes_records,
        routes_admin,
        routes_reconciliation,
        routes_codesets,
    ):
        app.include_router(module.router)
    routes_reconciliation.add_reconciliation_api(app)


def _as_intake_error(exc: Exception) -> IntakeError:
    if isinstance(exc, IntakeError):
        return exc
    if isinstance(exc, RequestValidationError):
        fields = ", ".join(".".join(str(p) for p in e.get("loc", ())) for e in exc.errors())
        return InvalidInput(f"invalid request fields: {fields}")
    if isinstance(exc, StarletteHTTPException):
        if exc.status_code == 404:
            return NotFoundError("no such page")
        error = UsageError(f"HTTP {exc.status_code}")
        error.http_status = exc.status_code
        return error
    log.error("internal failure (%s) at %s", type(exc).__name__, _where(exc))
    return IntakeError("internal failure")


def _where(exc: Exception) -> str:
    """The innermost frames of the traceback, without the exception's text (it may quote data)."""
    frames = traceback.extract_tb(exc.__traceback__)[-4:]
    return " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames))


async def _handle_error(request: Request, exc: Exception) -> Response:
    """The one boundary where exceptions become HTTP status codes."""
    error = _as_intake_error(exc)
    if error.http_status >= 500:
        log.error("request failed: %s %s", error.code, request.url.path)
    if _wants_json(request):
        body = {"error": error.code, "message": str(error.args[0]), "remedy": error.remedy}
        headers = {"www-authenticate": "Bearer"} if error.http_status == 401 else None
        return JSONResponse(body, status_code=error.http_status, headers=headers)
    if error.http_status == 401:
        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
    templates: Jinja2Templates = request.app.state.templates
    context = {"error": error, "actor": getattr(request.state, "actor", None)}
    return templates.TemplateResponse(request, "error.html", context, status_code=error.http_status)


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api") or path in ("/healthz", "/metrics")


class WebBoundary:
    """Adds headers that keep pages out of caches and frames, and answers an unexpected exception
    through `_handle_error` itself (Starlette's own last resort would log the exception's text,
    which may quote data). Pure ASGI: responses stream through untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        static = str(scope.get("path", "")).startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                if static:  # the app's own CSS and JS, no patient data: may be cached
                    present.add(b"cache-control")
                extra = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        started = False

        async def send_tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send_with_headers(message)

        try:
            await self.app(scope, receive, send_tracked)
        except Exception as exc:
            if started:
                log.error("response broken off: %s at %s", type(exc).__name__, _where(exc))
                return
            response = await _handle_error(Request(scope), exc)
            await response(scope, receive, send_with_headers)
