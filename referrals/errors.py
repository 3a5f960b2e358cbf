"""Error classes with a stable code and a remedy.

Exceptions are turned into exit codes (CLI) or HTTP status codes (web app) in one boundary
handler each: `referrals.cli.main` and the web app's exception handler. Messages never carry
patient data: say which file or field, never its value.
"""

from __future__ import annotations


class IntakeError(Exception):
    """Base class: `code` is stable and machine-readable, `remedy` says what to do about it."""

    code = "internal_error"
    remedy = "Report this to the team that runs referral-intake, with the log lines around it."
    exit_code = 1
    http_status = 500

    def __init__(self, message: str, *, remedy: str | None = None) -> None:
        super().__init__(message)
        if remedy is not None:
            self.remedy = remedy

    def __str__(self) -> str:
        return f"{self.args[0]} ({self.code}). {self.remedy}"


class UsageError(IntakeError):
    code = "usage_error"
    remedy = "Check the command line; `intake --help` lists the commands and options."
    exit_code = 2
    http_status = 400


class InputFileError(UsageError):
    code = "input_file_unreadable"
    remedy = "Check that the path exists and that this user may read it."


class ConfigError(IntakeError):
    code = "config_error"
    remedy = "Fix the INTAKE_* environment variable or the matching command-line flag."
    exit_code = 2


class NotFoundError(IntakeError):
    code = "not_found"
    remedy = "Check the id; `intake queue list` shows the records that exist."
    exit_code = 3
    http_status = 404


class ConflictError(IntakeError):
    code = "conflict"
    remedy = "Reload the record and try again."
    exit_code = 4
    http_status = 409


class PermissionDenied(IntakeError):
    code = "permission_denied"
    remedy = "Ask an admin for a role that allows this."
    exit_code = 5
    http_status = 403
