"""`GET /api/reconciliation` (and one line's drill-down) for the web app's billing role.

Mount in the web app (which keeps its engine in `app.state.engine`):

    from referrals.reconcile.api import reconciliation_router
    app.include_router(reconciliation_router())

By default every route requires the web app's `Permission.VIEW_RECONCILIATION` (billing and
admin roles); pass another FastAPI dependency as `guard` to use a different check (tests do).
The response is the same `Report` shape as `intake reconcile --json`. The query string holds
dates, a payer id and codes only, never member data. The GET reads stored results; POST
`/api/reconciliation/run` takes new records in and re-runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from referrals.errors import NotFoundError, PermissionDenied
from referrals.reconcile.model import DiscrepancyKind
from referrals.reconcile.report import Report, ReportFilter, ReportLine, build_report, report_line

Guard = Callable[..., Any]


def reconciliation_router(guard: Guard | None = None) -> APIRouter:
    router = APIRouter(
        prefix="/api/reconciliation", tags=["reconciliation"], dependencies=[Depends(guard or _web_guard())]
    )
    router.add_api_route("", get_reconciliation, methods=["GET"], response_model=Report)
    router.add_api_route("/lines/{claim_record_id}/{line_index}", get_line, methods=["GET"], response_model=ReportLine)
    router.add_api_route("/run", run_reconciliation, methods=["POST"])
    return router


def get_reconciliation(
    request: Request,
    date_from: Annotated[dt.date | None, Query(alias="from")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to")] = None,
    payer: Annotated[str | None, Query(max_length=80)] = None,
    outcome: Annotated[str | None, Query(pattern="^(matched|suggested|discrepancy)$")] = None,
    kind: DiscrepancyKind | None = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Report:
    """Claim lines with their outcome, discrepancies and money at risk; totals over every filtered line."""
    flt = ReportFilter(date_from, date_to, payer, outcome, kind.value if kind else None)
    with _session(request) as session:
        return build_report(session, flt, limit=limit, offset=offset)


def get_line(request: Request, claim_record_id: str, line_index: int) -> ReportLine:
    """One claim line with its authorization and that authorization's source record and document."""
    with _session(request) as session:
        line = report_line(session, claim_record_id, line_index)
    if line is not None:
        return line
    raise NotFoundError(f"no reconciled line {line_index} on record {claim_record_id}")


def run_reconciliation(request: Request) -> dict[str, Any]:
    """Take in what the store received since the last run and reconcile again."""
    from referrals.reconcile.run import reconcile_stored
    from referrals.reconcile.store_sync import sync_from_store

    with _session(request) as session:
        taken = sync_from_store(session)
        summary = reconcile_stored(session)
    return {
        "run_id": summary.run_id,
        "lines": summary.lines,
        "changes": summary.changes,
        "claims_taken": taken.claims,
        "authorizations_taken": taken.authorizations,
        "amount_at_risk": f"{summary.at_risk:.2f}",
    }


def _session(request: Request) -> Any:
    from referrals.reconcile.persist import ensure_tables
    from referrals.store.engine import session_scope

    engine = request.app.state.engine
    if not getattr(request.app.state, "reconcile_tables_ready", False):
        ensure_tables(engine)
        request.app.state.reconcile_tables_ready = True
    return session_scope(engine)


def _web_guard() -> Guard:
    """The web app's permission check; without the web app nothing is allowed."""
    try:
        from referrals.users import Permission
        from referrals.web.security import require
    except ImportError:
        return _deny
    guard: Guard = require(Permission.VIEW_RECONCILIATION)
    return guard


def _deny() -> None:
    raise PermissionDenied("reconciliation needs the web app's billing role")
