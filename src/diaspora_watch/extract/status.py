"""The targeted people's legal status where the event happened (codebook section 3, ``status``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from diaspora_watch.extract.components import component
from diaspora_watch.extract.matcher import Hit, Matcher, Token, compiled

#: The status an event has when the text names none, by subtype.
DEFAULTS = {"citizenship_revocation": "naturalized", "prosecution_for_service": "citizen",
            "advisory": "foreign", "protest": "foreign", "statement": "foreign", "cancellation": "foreign"}


@lru_cache(maxsize=4)
def _matcher(lang: str) -> Matcher:
    return compiled("status", lang if lang in ("en", "ru") else "en")


def cues(tokens: list[Token], lang: str) -> list[Hit]:
    """Status cues in a sentence (naturalized, dual, undocumented, foreign, and 'citizen' words)."""
    return _matcher(lang).find(tokens)


@component("dw.extract.status.v1")
def decide(hits: list[Hit], citizen_of: list[str], country: str | None, subtype: str) -> tuple[str, str]:
    """Combine cues into one status; returns (status, the words that decided it).

    ``citizen_of`` lists the countries the text says the people are citizens of ("Russian
    citizens", "граждан Киргизии"): citizens of the event's country are ``citizen``, of another
    country ``foreign``. Several different statuses are ``mixed``.
    """
    found: dict[str, str] = {}
    for h in hits:
        if h.label != "citizen_word":
            found.setdefault(h.label, h.pattern)
    for c in citizen_of:
        found.setdefault("citizen" if c == country else "foreign", f"citizens of {c}")
    if "undocumented" in found:
        found.pop("foreign", None)
    if "naturalized" in found:
        found.pop("citizen", None)
    if "dual" in found:
        found.pop("citizen", None)
        found.pop("naturalized", None)
    if len(found) > 1:
        return "mixed", ", ".join(found.values())
    if found:
        (label, why), = found.items()
        return label, why
    default: Any = DEFAULTS.get(subtype, "unknown")
    return default, ""
