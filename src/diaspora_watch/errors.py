"""One exception tree for the whole project, and the catalogue of set-aside reasons.

    DwError                      anything diaspora-watch raises on purpose
    ├── UsageError               the caller asked for something that cannot be done
    ├── StoreError               the database cannot be opened, migrated or written
    ├── SourceError              one input could not be used (carries a SkipReason)
    │   └── FetchRefused         a URL was refused before any byte was fetched
    ├── RuleInvalid              an advisor rule file breaks the rule schema
    ├── LexiconInvalid           a lexicon or gazetteer file breaks its schema
    ├── auth.errors.*            NotAuthenticated (401), Forbidden (403), TooManyAttempts (429), ...
    └── intake.errors.*          ReportInvalid, KeyUnavailable, SealBroken, AccessDenied, ...

Each error carries the HTTP ``status`` the web answers with. The core raises; only
``diaspora_watch.cli`` and ``diaspora_watch.serve`` turn these into exit codes, messages or
HTTP responses.
"""

from __future__ import annotations

from enum import Enum


class SkipReason(str, Enum):
    """Why an input was set aside. Codes are stable: monitors search and count them."""

    BAD_JSON = "DW-S001"
    MISSING_TEXT = "DW-S002"
    TOO_LARGE = "DW-S003"
    BAD_ENCODING = "DW-S004"
    BINARY = "DW-S005"
    UNSAFE_XML = "DW-S006"
    UNSUPPORTED_TYPE = "DW-S007"
    BAD_FIELD = "DW-S008"
    FETCH_FAILED = "DW-S009"
    FETCH_REFUSED = "DW-S010"
    ROBOTS_DISALLOWED = "DW-S011"
    UNREADABLE = "DW-S012"
    NO_MAIN_TEXT = "DW-S013"
    DOC_ID_CONFLICT = "DW-S014"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    SkipReason.BAD_JSON: "not valid JSON",
    SkipReason.MISSING_TEXT: "no text",
    SkipReason.TOO_LARGE: "over the size cap",
    SkipReason.BAD_ENCODING: "not valid UTF-8 (or a declared encoding)",
    SkipReason.BINARY: "binary content",
    SkipReason.UNSAFE_XML: "unsafe XML (entities or external references)",
    SkipReason.UNSUPPORTED_TYPE: "unsupported type",
    SkipReason.BAD_FIELD: "a field has the wrong type or value",
    SkipReason.FETCH_FAILED: "fetch failed",
    SkipReason.FETCH_REFUSED: "address refused (private, loopback, link-local or metadata)",
    SkipReason.ROBOTS_DISALLOWED: "disallowed by robots.txt",
    SkipReason.UNREADABLE: "cannot be read",
    SkipReason.NO_MAIN_TEXT: "no main text found in the page",
    SkipReason.DOC_ID_CONFLICT: "doc_id already stored with different text",
}


class DwError(Exception):
    """Base of every error diaspora-watch raises on purpose."""

    status = 500


class UsageError(DwError):
    """The caller asked for something that cannot be done (bad option, unknown format)."""

    status = 400


class StoreError(DwError):
    """The database cannot be opened, migrated or written."""


class SourceError(DwError):
    """One input could not be used; the batch goes on without it."""

    status = 422

    def __init__(self, reason: SkipReason, where: str, detail: str = "") -> None:
        self.reason = reason
        self.where = where
        self.detail = detail
        super().__init__(f"[{reason.value}] {where}: {reason.label}" + (f" ({detail})" if detail else ""))


class FetchRefused(SourceError):
    """A URL was refused before fetching: its address is private, loopback, link-local or metadata."""

    def __init__(self, where: str, detail: str = "") -> None:
        super().__init__(SkipReason.FETCH_REFUSED, where, detail)


class RuleInvalid(DwError):
    """An advisor rule file breaks the rule schema; the message names the file and key."""

    status = 400


class LexiconInvalid(DwError):
    """A lexicon or gazetteer file breaks its schema; the message names the file and entry."""
