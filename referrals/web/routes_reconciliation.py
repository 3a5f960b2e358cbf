"""Reconciliation for the billing role: the reconcile package's API router, and a page over its report.

The reconciliation engine is built on its own branch (`referrals.reconcile`); when that package is
not installed, the API is absent and the page says so (404) instead of failing.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Query, Request, Response

from referrals.errors import NotFoundError
from referrals.store.engine import session_scope
from referrals.users import Permission
from referrals.web.render import render
from referrals.web.security import Actor, require

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)
Billing = Annotated[Actor, Depends(require(Permission.VIEW_RECONCILIATION))]


def reconcile_module(name: str) -> Any | None:
    try:
        return importlib.import_module(f"referrals.reconcile.{name}")
    except ModuleNotFoundError:
        return None


def add_reconciliation_api(app: FastAPI) -> None:
    """Mount `/api/reconciliation` when the reconcile package is there (its routes check the role)."""
    api = reconcile_module("api")
    if api is not None:
        app.include_router(api.reconciliation_router())


def _ensure_tables(request: Request) -> None:
    """The reconcile package creates its tables on first use (as its own API does)."""
    if not getattr(request.app.state, "reconcile_tables_ready", False):
        persist = reconcile_module("persist")
        if persist is not None:
            persist.ensure_tables(request.app.state.engine)
        request.app.state.reconcile_tables_ready = True


@router.get("/reconciliation")
def reconciliation_page(
    request: Request,
    actor: Billing,
    date_from: Annotated[dt.date | None, Query(alias="from")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to")] = None,
    payer: Annotated[str | None, Query(max_length=80)] = None,
    outcome: Annotated[str | None, Query(pattern="^(matched|suggested|discrepancy)?$")] = None,
) -> Response:
    report_module = reconcile_module("report")
    if report_module is None:
        raise NotFoundError("reconciliation is not part of this installation")
    _ensure_tables(request)
    where = report_module.ReportFilter(date_from, date_to, payer or None, outcome or None, None)
    with session_scope(request.app.state.engine) as session:
        report = report_module.build_report(session, where, limit=500, offset=0)
    filters = {"from": date_from, "to": date_to, "payer": payer or "", "outcome": outcome or ""}
    return render(request, "reconciliation.html", {"report": report, "filters": filters})
