"""Whether two reports (events from different documents) can be one happening, and how likely.

Linking is a gate plus a score. The gate holds what the codebook makes impossible or a careful
coder would never merge: another subtype or country, dates that cannot overlap, another region,
another national group (unless one side names the host state's citizens), another acting body
for a diplomatic or policy act. The score weighs what the reports share
(same day, region, place, person, group, count, wording) against what sets them apart (another
place, other persons); a date known only to the year needs more of it. The thresholds are data (``linking.yaml``), so they can be tuned without code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from diaspora_watch.errors import LexiconInvalid

# Score weights: what each shared trait says about two reports being one happening.
SAME_DAY, NEAR_DAY = 1.5, 0.75
SAME_ADMIN1, SAME_PLACE, OTHER_PLACE = 1.0, 1.0, -0.5
SAME_GROUPS, SHARED_GROUP = 0.5, 0.25
SHARED_ACTOR = 0.5
SHARED_PERSON, OTHER_PERSONS = 2.0, -1.5
SAME_COUNT, SAME_FATALITIES = 0.5, 0.5
TEXT_HIGH, TEXT_LOW = 2.0, 1.0
REPUBLICATION = 3.0

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Params:
    day_window: dict[str, int]
    actor_identity_types: frozenset[str]
    min_score: dict[str, float]
    unique_min_score: dict[str, float]

    def window(self, event_type: str) -> int:
        return self.day_window.get(event_type, self.day_window["default"])


@lru_cache(maxsize=1)
def params() -> Params:
    """The shipped linking thresholds, checked once."""
    path = resources.files("diaspora_watch.link") / "linking.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    try:
        windows = {str(k): int(v) for k, v in raw["day_window"].items()}
        mins = {k: float(raw["min_score"][k]) for k in ("day", "month", "year")}
        identity = frozenset(str(t) for t in raw["actor_identity_types"])
        unique = {k: float(v) for k, v in (raw.get("unique_min_score") or {}).items() if k in mins}
    except (KeyError, TypeError, ValueError) as e:
        raise LexiconInvalid(f"{path}: needs day_window (with default), actor_identity_types and min_score day/month/year: {e}") from None
    if "default" not in windows:
        raise LexiconInvalid(f"{path}: day_window needs a `default`, such as `default: 3`")
    return Params(windows, identity, mins, unique)


def norm_name(name: str) -> str:
    """ASCII-folded, lowercased words of a name: how the scorer compares persons."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+", s))


def surnames(names: list[str]) -> frozenset[str]:
    """The last word of each name (``"Huseyn Safarov"`` -> ``"safarov"``)."""
    return frozenset(n.split()[-1] for n in map(norm_name, names) if n)


@dataclass(frozen=True)
class Report:
    """An event as linking sees it, with the document facts that bear on identity."""

    key: str  # "doc_id:seq"
    document_id: int
    original: int  # the document it republishes, else itself
    type: str
    subtype: str
    date: str | None
    country: str | None
    admin1: str | None = None
    place: str | None = None
    groups: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    persons: frozenset[str] = frozenset()  # surnames
    count: int | None = None
    fatalities: int | None = None
    language: str = ""
    words: frozenset[str] = field(default=frozenset(), compare=False)

    @classmethod
    def of(cls, event: dict[str, Any], *, key: str, document_id: int, original: int | None, language: str,
           words: frozenset[str] = frozenset()) -> Report:
        return cls(
            key=key, document_id=document_id, original=original or document_id, type=event["type"], subtype=event["subtype"],
            date=event.get("date"), country=event.get("country"), admin1=event.get("admin1"), place=event.get("place"),
            groups=frozenset(event.get("group") or []), actors=frozenset(event.get("actors") or []),
            persons=surnames(event.get("persons") or []), count=event.get("count"), fatalities=event.get("fatalities"),
            language=language, words=words,
        )


def precision(d: str | None) -> str:
    """``day``, ``month`` or ``year`` (a missing date is as vague as a year)."""
    return {10: "day", 7: "month"}.get(len(d or ""), "year")


def parse_day(d: str) -> Date | None:
    """The day a ``YYYY-MM-DD`` date names, or None when it names none (``2025-02-30``)."""
    try:
        return Date.fromisoformat(d)
    except ValueError:
        return None


def dates_compatible(a: str | None, b: str | None, window: int) -> bool:
    """Equal at the coarser precision; two days at most ``window`` days apart (across months too)."""
    if not a or not b:
        return True
    if len(a) == len(b) == 10:
        da, db = parse_day(a), parse_day(b)
        return da is not None and db is not None and abs((da - db).days) <= window
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def compatible(a: Report, b: Report, p: Params) -> bool:
    """The gate: False when the codebook or a careful coder rules out one happening."""
    if a.subtype != b.subtype or a.country != b.country or a.document_id == b.document_id:
        return False
    if not dates_compatible(a.date, b.date, p.window(a.type)):
        return False
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return False
    if a.groups and b.groups and not a.groups & b.groups and not _host_citizens(a, b):
        return False
    return not (a.type in p.actor_identity_types and a.actors and b.actors and not a.actors & b.actors)


def _host_citizens(a: Report, b: Report) -> bool:
    """One side names the group by citizenship of the country it happened in, the other by origin.

    The codebook allows either ("Azerbaijanis" who are "citizens of Russia"), so
    ``["RU"]`` against ``["AZ"]`` in Russia is no conflict.
    """
    host = frozenset({a.country})
    return a.groups == host or b.groups == host


def _places_agree(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio(norm_name(a), norm_name(b)) >= 80


def text_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two evidence word sets."""
    return len(a & b) / len(a | b) if a and b else 0.0


def score(a: Report, b: Report) -> float:
    """How much the two reports share beyond the gate; higher is likelier one happening."""
    s = 0.0
    if a.date and b.date and len(a.date) == len(b.date) == 10:
        s += SAME_DAY if a.date == b.date else NEAR_DAY
    if a.admin1 and a.admin1 == b.admin1:
        s += SAME_ADMIN1
    if a.place and b.place:
        s += SAME_PLACE if _places_agree(a.place, b.place) else OTHER_PLACE
    if a.groups and b.groups:
        s += SAME_GROUPS if a.groups == b.groups else SHARED_GROUP if a.groups & b.groups else 0.0
    if a.actors & b.actors:
        s += SHARED_ACTOR
    if a.persons and b.persons:
        s += SHARED_PERSON if a.persons & b.persons else OTHER_PERSONS
    if a.count is not None and a.count == b.count:
        s += SAME_COUNT
    if a.fatalities is not None and a.fatalities == b.fatalities:
        s += SAME_FATALITIES
    if a.language and a.language == b.language:
        sim = text_similarity(a.words, b.words)
        s += TEXT_HIGH if sim >= 0.5 else TEXT_LOW if sim >= 0.25 else 0.0
    if a.original == b.original:
        s += REPUBLICATION
    return s


def coarser(a: str | None, b: str | None) -> str:
    order = ("day", "month", "year")
    return max(precision(a), precision(b), key=order.index)


def link_score(a: Report, b: Report, p: Params, *, unique: bool = False) -> float | None:
    """The pair's score when it passes the gate and reaches the threshold for its date precision, else None.

    ``unique``: ``b``'s incident is the only one ``a`` is compatible with, so the lower
    ``unique_min_score`` applies.
    """
    if not compatible(a, b, p):
        return None
    s, level = score(a, b), coarser(a.date, b.date)
    needed = min(p.min_score[level], p.unique_min_score.get(level, p.min_score[level])) if unique else p.min_score[level]
    return s if s >= needed else None


def evidence_words(evidence: list[str]) -> frozenset[str]:
    """Lemmas of the longer words of the evidence: enough to spot reworded copies of one report."""
    return _words(tuple(evidence))


@lru_cache(maxsize=8192)
def _words(evidence: tuple[str, ...]) -> frozenset[str]:
    # cached: every document's linking reads the evidence of all members of its candidate incidents
    from diaspora_watch.extract.morph import lemma

    return frozenset(lemma(w) for sentence in evidence for w in _WORD.findall(sentence) if len(w) > 3)
