"""The terminal view of a reconciliation report: a Rich table of lines, then totals by kind."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from referrals.reconcile.report import Report, ReportLine
from referrals.reconcile.run import RunSummary

OUTCOME_STYLE = {"matched": "green", "suggested": "yellow", "discrepancy": "red"}
CHANGE_TEXT = {"newly_matched": "now matched", "new_discrepancy": "new problem", "resolved": "resolved"}


def print_report(report: Report, summary: RunSummary, csv_file: Path | None, console: Console | None = None) -> None:
    out = console or _console()
    out.print(_lines_table(report))
    if report.truncated:
        out.print(f"[dim]{len(report.lines)} of {report.totals.lines} lines shown; --csv or --json for all[/dim]")
    out.print(_totals_table(report))
    out.print(_run_text(summary))
    if csv_file is not None:
        out.print(f"CSV written to {csv_file}")


def _console() -> Console:
    """A terminal's width, or a wide page when the output goes to a file or a pipe."""
    console = Console()
    return console if console.is_terminal else Console(width=200)


def _lines_table(report: Report) -> Table:
    table = Table(title="Claim lines against authorizations", show_lines=False)
    for name in ("claim", "line", "date", "code", "units", "charge", "authorization", "outcome", "at risk"):
        table.add_column(
            name, justify="right" if name in ("units", "charge", "at risk", "line") else "left", no_wrap=True
        )
    table.add_column("discrepancies (details in --json / --csv)", overflow="fold")
    for line in report.lines:
        table.add_row(*_cells(line))
    return table


def _cells(line: ReportLine) -> list[str]:
    style = OUTCOME_STYLE.get(line.outcome, "")
    outcome = f"[{style}]{line.outcome}[/{style}]" if style else line.outcome
    if line.change in CHANGE_TEXT:
        outcome += f" ({CHANGE_TEXT[line.change]})"
    auth = line.authorization
    detail = ", ".join(d.kind.replace("_", " ") for d in line.discrepancies) or line.match_reason
    return [
        line.claim_id or line.claim_record_id,
        str(line.line_index + 1),
        line.service_date.isoformat() if line.service_date else "?",
        line.code,
        f"{line.units:g}",
        f"{line.charge:.2f}",
        (auth.number or f"({auth.source_kind})") if auth else "-",
        outcome,
        f"{line.amount_at_risk:.2f}",
        detail,
    ]


def _totals_table(report: Report) -> Table:
    totals = report.totals
    table = Table(title="Totals", show_header=True)
    table.add_column("")
    table.add_column("lines", justify="right")
    table.add_column("amount", justify="right")
    table.add_row("all lines", str(totals.lines), f"{totals.charge:.2f}")
    table.add_row("matched", str(totals.matched), "")
    table.add_row("suggested match", str(totals.suggested), "")
    table.add_row("[red]with discrepancies[/red]", str(totals.with_discrepancies), "")
    for kind, amount in sorted(totals.at_risk_by_kind.items()):
        table.add_row(f"  {kind}", str(totals.lines_by_kind.get(kind, 0)), f"{amount:.2f}")
    table.add_row("[bold]at risk (a line counted once)[/bold]", "", f"[bold]{totals.amount_at_risk:.2f}[/bold]")
    return table


def _run_text(summary: RunSummary) -> str:
    changes = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in sorted(summary.changes.items()))
    return f"run {summary.run_id}: {summary.lines} lines reconciled; changed: {changes or 'none'}"
