"""`intake authorizations ...`: the command group lives with `intake reconcile` in `cli_reconcile`."""

from __future__ import annotations

from referrals.cli_reconcile import authorizations_app as app

__all__ = ["app"]
