"""`intake reconcile` and `intake authorizations import FILE`: billing reconciliation from the terminal.

`intake reconcile` takes in what the store received since the last run (claims, 278 responses,
released referrals), matches every claim line against the authorizations on file, stores what
changed, and prints the lines (filtered by service date and payer) with totals: a Rich table on
a terminal, or `--csv FILE` / `--json` for the billing system.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from sqlmodel import Session

from referrals.errors import InputFileError, UsageError
from referrals.reconcile.report import ReportFilter, build_report, iter_report_lines

app = typer.Typer(add_completion=False, help="billing reconciliation")
authorizations_app = typer.Typer(no_args_is_help=True, add_completion=False, help="authorizations on file")
app.add_typer(authorizations_app, name="authorizations")

HomeOption = Annotated[Path | None, typer.Option(help="service home (default INTAKE_HOME or .intake)")]


@contextmanager
def _session(home: Path | None) -> Iterator[Session]:
    from referrals.config import load_settings
    from referrals.reconcile.store_sync import prepare
    from referrals.store import engine_for, session_scope

    engine = engine_for(load_settings(home=home))
    prepare(engine)
    with session_scope(engine) as session:
        yield session


@app.command("reconcile")
def reconcile_command(
    date_from: Annotated[
        dt.datetime | None, typer.Option("--from", formats=["%Y-%m-%d"], help="service date from")
    ] = None,
    date_to: Annotated[dt.datetime | None, typer.Option("--to", formats=["%Y-%m-%d"], help="service date to")] = None,
    payer: Annotated[str | None, typer.Option(help="payer id (as on the claims)")] = None,
    csv_file: Annotated[Path | None, typer.Option("--csv", help="write every line as CSV to this file")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the report as JSON")] = False,
    limit: Annotated[int, typer.Option(min=1, help="lines shown in the table (totals count all)")] = 200,
    home: HomeOption = None,
) -> None:
    """Match every claim line to its authorization; show discrepancies and money at risk."""
    from referrals.reconcile.run import reconcile_stored
    from referrals.reconcile.store_sync import sync_from_store

    if date_from and date_to and date_to < date_from:
        raise UsageError("--to is before --from")
    flt = ReportFilter(date_from.date() if date_from else None, date_to.date() if date_to else None, payer)
    with _session(home) as session:
        sync_from_store(session)
        summary = reconcile_stored(session)
        session.flush()
        if csv_file is not None:
            _write_csv(session, flt, csv_file)
        if as_json:
            sys.stdout.write(build_report(session, flt).model_dump_json(indent=2) + "\n")
            return
        report = build_report(session, flt, limit=limit)
    from referrals.reconcile.table_view import print_report

    print_report(report, summary, csv_file)


def _write_csv(session: Session, flt: ReportFilter, path: Path) -> None:
    from referrals.reconcile.export import write_csv

    try:
        with path.open("w", newline="", encoding="utf-8") as handle:
            write_csv(iter_report_lines(session, flt), handle)
    except OSError:
        raise InputFileError(f"cannot write {path}", remedy="Check the directory exists and is writable.") from None


@authorizations_app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="CSV file with a header row (columns above)")],
    home: HomeOption = None,
) -> None:
    """Import authorizations from CSV. Columns: authorization_number, member_id (required), payer_id,
    service_codes (space/;/, separated), authorized_quantity, effective_from, effective_to
    (YYYY-MM-DD or MM/DD/YYYY), servicing_npi, status (certified|modified|denied|pended|cancelled)."""
    from referrals.reconcile.csv_import import read_authorizations_csv
    from referrals.reconcile.persist import save_authorizations

    if not file.is_file():
        raise InputFileError(f"cannot read {file}")
    parsed = read_authorizations_csv(file)
    with _session(home) as session:
        imported = save_authorizations(session, parsed.authorizations)
    typer.echo(f"imported {imported} authorization(s) from {file.name}")
    for problem in parsed.problems:
        typer.echo(f"skipped {problem}", err=True)
    if parsed.problems:
        raise typer.Exit(UsageError.exit_code)
