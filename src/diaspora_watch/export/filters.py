"""The filters every export takes, and the publication rule that withholds names.

Filters (all optional; a list means any of its values): ``type``, ``subtype``, ``country``,
``admin1``, ``group``, ``status``, ``date_from`` and ``date_to`` (``YYYY[-MM[-DD]]``: an event
passes when its date, at its own precision, overlaps the range) and ``text`` (every word, in any
inflected form, in the evidence, claims or title). An incident passes when one of its events does.

Publication: unless ``include_names`` is set, an event whose certainty is ``alleged`` or whose
status is ``undocumented`` is published without its ``persons``, and their names are masked in
its evidence and in the claims' speakers and texts (also when the text is in Cyrillic), so nobody is named on a claim.
"""

from __future__ import annotations

import calendar
import copy
import re
import unicodedata
from datetime import date as Date
from typing import Any

from diaspora_watch.errors import UsageError

KEYS = ("type", "subtype", "country", "admin1", "group", "status", "date_from", "date_to", "text", "include_names")
WITHHELD = "[name withheld]"
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_WORD = re.compile(r"\w+", re.UNICODE)
_TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
                      "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"], strict=True))


def check(filters: dict[str, Any] | None) -> dict[str, Any]:
    """Filters with empty values dropped; raises UsageError on an unknown key or a malformed date."""
    out = {k: v for k, v in (filters or {}).items() if v not in (None, "", [], ())}
    unknown = sorted(set(out) - set(KEYS))
    if unknown:
        raise UsageError(f"unknown filter {', '.join(unknown)}; known: {', '.join(KEYS)}")
    for key in ("date_from", "date_to"):
        if key in out and not _valid_date(str(out[key])):
            raise UsageError(f"{key} {out[key]!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD, such as 2025-06")
    return out


def _valid_date(d: str) -> bool:
    if not _DATE.match(d):
        return False
    try:
        for day in span(d):
            Date.fromisoformat(day)
    except ValueError:  # calendar.IllegalMonthError is one
        return False
    return True


def _values(v: Any) -> set[str]:
    return {str(x) for x in v} if isinstance(v, list | tuple | set) else {str(v)}


def span(d: str) -> tuple[str, str]:
    """First and last day a date of any precision covers.

    >>> span("2024-02")
    ('2024-02-01', '2024-02-29')
    """
    if len(d) == 10:
        return d, d
    if len(d) == 7:
        y, m = int(d[:4]), int(d[5:])
        return f"{d}-01", f"{d}-{calendar.monthrange(y, m)[1]:02d}"
    return f"{d[:4]}-01-01", f"{d[:4]}-12-31"


def event_matches(event: dict[str, Any], filters: dict[str, Any], title: str = "") -> bool:
    """True when the event passes every filter."""
    for key in ("type", "subtype", "country", "admin1", "status"):
        if key in filters and (event.get(key) or "") not in _values(filters[key]):
            return False
    if "group" in filters and not set(event.get("group") or []) & _values(filters["group"]):
        return False
    if "date_from" in filters or "date_to" in filters:
        if not event.get("date"):
            return False
        start, end = span(event["date"])
        if "date_from" in filters and end < span(str(filters["date_from"]))[0]:
            return False
        if "date_to" in filters and start > span(str(filters["date_to"]))[1]:
            return False
    if "text" in filters:
        from diaspora_watch.link.search import matches

        claims = " ".join(str(c.get("text") or "") for c in event.get("claims") or [])
        if not matches(str(filters["text"]), " ".join([title, claims, *(event.get("evidence") or [])])):
            return False
    return True


def text_documents(s: Any, filters: dict[str, Any]) -> Any | None:
    """A subquery of the row ids of documents that can hold an event passing the ``text`` filter; None without one.

    An event's evidence, claims and title come from its document, so the full-text index (FTS5 on
    SQLite, a ``tsvector`` with a GIN index on PostgreSQL) narrows which events to read and
    :func:`event_matches` still decides: the same events pass as when all are read.
    """
    if "text" not in filters:
        return None
    from diaspora_watch.link.search import documents_matching

    return documents_matching(s, str(filters["text"]))


def names_withheld(event: dict[str, Any]) -> bool:
    """True when the publication rule keeps this event's person names out of exports."""
    return event.get("certainty") == "alleged" or event.get("status") == "undocumented"


def _fold(word: str) -> str:
    w = word.lower()
    w = "".join(_TRANSLIT.get(ch, ch) for ch in w)
    return unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode()


def _stems(names: list[str]) -> list[str]:
    """Name parts without their last letters, so inflected and transliterated forms match too."""
    parts = {_fold(p) for n in names for p in _WORD.findall(n)}
    return sorted({p[: max(3, len(p) - 2)] for p in parts if len(p) >= 3})


def mask(text: str, names: list[str]) -> str:
    """``text`` with every word that is a form of one of ``names`` replaced.

    >>> mask("Полиция задержала Ибрагимова в Москве.", ["Elshan Ibragimov"])
    'Полиция задержала [name withheld] в Москве.'
    """
    stems = _stems(names)
    if not stems:
        return text
    return _WORD.sub(lambda m: WITHHELD if any(_fold(m.group()).startswith(s) for s in stems) else m.group(), text)


def publish(event: dict[str, Any], include_names: bool) -> dict[str, Any]:
    """A copy of the event fit to publish under the names rule."""
    if include_names or not names_withheld(event) or not event.get("persons"):
        return event
    out = copy.deepcopy(event)
    names = list(out["persons"])
    out["persons"] = []
    out["evidence"] = [mask(s, names) for s in out.get("evidence") or []]
    out["claims"] = [{**c, "by": mask(str(c.get("by") or ""), names), "text": mask(str(c.get("text") or ""), names)}
                     for c in out.get("claims") or []]
    return out
