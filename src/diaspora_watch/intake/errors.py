"""Errors of the intake package, on the project's one tree (``diaspora_watch.errors``).

    DwError
    ├── UsageError
    │   └── ReportInvalid        a report breaks the report schema (errors at JSON paths)
    ├── KeyUnavailable           no usable intake key: missing, unreadable, or not the one a report needs
    ├── SealBroken               a ciphertext failed authentication: it was altered
    ├── AccessDenied             the caller's role or organisation may not do this
    ├── ReportNotFound           no such report (or not visible to the caller)
    └── RateLimited              the public form is taking no more submissions for now

Each carries the HTTP ``status`` the web layer answers with.
"""

from __future__ import annotations

from diaspora_watch.errors import DwError, UsageError


class ReportInvalid(UsageError):
    """A report breaks the report schema; ``errors`` lists ``path: message`` strings."""

    status = 422

    def __init__(self, where: str, errors: list[str]) -> None:
        self.errors = errors
        super().__init__(f"{where}: " + "; ".join(errors))


class KeyUnavailable(DwError):
    """No usable intake key: none configured, unreadable, malformed, or not the key a report was sealed with."""

    status = 503


class SealBroken(DwError):
    """A ciphertext failed authentication: it was altered, truncated or moved to another row."""

    status = 500


class AccessDenied(DwError):
    """The caller's role or organisation may not do this; the attempt is audited."""

    status = 403


class ReportNotFound(DwError):
    """No report with this id is visible to the caller."""

    status = 404


class RateLimited(DwError):
    """Too many submissions in the current window; ``retry_after`` says how many seconds to wait."""

    status = 429

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(f"too many reports from here just now; try again in {retry_after} s")
