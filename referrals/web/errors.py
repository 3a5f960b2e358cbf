"""Errors only the web app raises; the app's one exception handler turns them into HTTP codes."""

from __future__ import annotations

from referrals.errors import IntakeError, PermissionDenied


class NotAuthenticated(IntakeError):
    code = "not_authenticated"
    remedy = "Log in, or send `Authorization: Bearer <token>` (`intake users token NAME` makes one)."
    exit_code = 5
    http_status = 401


class CsrfFailed(PermissionDenied):
    code = "csrf_failed"
    remedy = "Reload the page and submit the form again."


class TooManyAttempts(IntakeError):
    code = "too_many_attempts"
    remedy = "Wait a minute before trying to log in again."
    exit_code = 5
    http_status = 429


class InvalidInput(IntakeError):
    code = "invalid_input"
    remedy = "Check the fields sent; the message says which one."
    exit_code = 2
    http_status = 422
