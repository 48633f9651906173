"""Errors of access control, as DwError subclasses carrying their HTTP status."""

from __future__ import annotations

from diaspora_watch.errors import DwError, UsageError


class NotAuthenticated(DwError):
    """The action needs a login or an API token, and none (or an expired one) was given."""

    status = 401


class Forbidden(DwError):
    """The user is known but their role does not allow the action, or a CSRF check failed."""

    status = 403


class TooManyAttempts(DwError):
    """Too many failed logins from one address or for one user; try again later."""

    status = 429

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(f"too many failed logins; try again in {retry_after} s")


class BadUser(UsageError):
    """A user cannot be created as asked (bad role, name taken, password too short)."""
