"""The `intake` command. Exceptions become exit codes here and nowhere else (`main`)."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from typing import Annotated

import typer
from typer._click import exceptions as click_errors  # typer's own copy of click's exceptions

from referrals.errors import InputFileError, IntakeError, UsageError
from referrals.logs import configure_logging

app = typer.Typer(no_args_is_help=True, add_completion=False, help="referral-intake: faxes and X12 in, records out.")


@app.callback()
def root() -> None:
    """referral-intake: faxes and X12 in, validated records out."""


@app.command("parse")
def parse_command(
    files: Annotated[list[Path], typer.Argument(help="files to read (X12 837/278, PDF, TIFF, PNG, JPEG)")],
    ack_dir: Annotated[Path | None, typer.Option(help="also write 999/TA1 acknowledgements here")] = None,
    jobs: Annotated[int, typer.Option(min=1, help="worker processes (split by file and transaction set)")] = 1,
    home: Annotated[
        Path | None, typer.Option(help="service home whose code sets and payer rules to use [env: INTAKE_HOME]")
    ] = None,
) -> None:
    """Print each file's records as JSON Lines (one contract record per line); no database."""
    from ingest.parse_many import parse_files
    from referrals.config import load_settings

    settings = load_settings(home=home)

    for path in files:
        if not path.is_file():
            raise InputFileError(f"cannot read {path}")
    lines = parse_files(
        files,
        ack_dir=ack_dir,
        jobs=jobs,
        home=settings.home,
        ocr_confidence_threshold=settings.ocr_confidence_threshold,
    )
    for line in lines:
        sys.stdout.write(line)
        sys.stdout.write("\n")
    sys.stdout.flush()


def _register_command_groups() -> None:
    """Command groups live beside the code they drive; each module exposes a Typer `app`."""
    import importlib

    for module_name, group in COMMAND_GROUPS:
        module = importlib.import_module(module_name)
        if group:
            app.add_typer(module.app, name=group)
        else:
            app.registered_commands.extend(module.app.registered_commands)
            app.registered_groups.extend(module.app.registered_groups)


# (module, group name); an empty group name adds the module's commands at the top level.
COMMAND_GROUPS: list[tuple[str, str]] = [
    ("referrals.cli_codesets", "codesets"),
    ("referrals.cli_service", ""),  # watch, queue, outbox, stats, demo, db
    ("referrals.cli_reconcile", ""),  # reconcile, authorizations import
    ("referrals.cli_web", ""),
    ("referrals.cli_users", "users"),
]


def _log_internal_failure(exc: Exception) -> None:
    """The traceback's frames and the exception's type; its message may hold data, so not that."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    logging.getLogger("referrals").error("internal failure %s\n%s", type(exc).__name__, frames)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; the one place where errors become exit codes (0 ok, 1 internal, 2 usage)."""
    configure_logging()
    _register_command_groups()
    try:
        result = app(args=argv, standalone_mode=False)
        return result if isinstance(result, int) else 0
    except typer.Exit as done:
        return done.exit_code
    except click_errors.ClickException as exc:
        exc.show()
        return UsageError.exit_code
    except typer.Abort:
        return 130
    except IntakeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last resort: say what kind of failure, never the data
        _log_internal_failure(exc)
        print(f"error: internal failure ({type(exc).__name__}); see the log for the traceback", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
