"""The targeted people's legal status where the event happened (codebook section 3, ``status``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from diaspora_watch.extract.components import component
from diaspora_watch.extract.matcher import Hit, Matcher, Token, compiled

#: The status an event has when the text names none, by subtype.
#: An advisory addresses nationals abroad; a protest or statement may concern anyone, so it
#: keeps ``unknown`` unless the text says whose citizens they are.
DEFAULTS = {"citizenship_revocation": "naturalized", "prosecution_for_service": "citizen", "advisory": "foreign"}
#: Subtypes whose country is the acting state: its own citizens it speaks for are abroad.
ACTING_STATE = frozenset({"advisory", "protest", "statement", "cancellation"})


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
    country ``foreign``; when the event's country is the acting state of a diplomatic act, its
    citizens are the ones abroad, so ``foreign``. Several different statuses are ``mixed``.
    """
    found: dict[str, str] = {}
    for h in hits:
        if h.label != "citizen_word":
            found.setdefault(h.label, h.pattern)
    for c in citizen_of:
        home = c == country and subtype not in ACTING_STATE
        found.setdefault("citizen" if home else "foreign", f"citizens of {c}")
    if subtype == "citizenship_revocation":
        # Only citizens lose citizenship: "migrants" beside it are other people of the sentence.
        found.pop("foreign", None)
        found.pop("undocumented", None)
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


#: The share of a document's status cues one status needs to stand for the whole document.
MAIN_STATUS_SHARE = 0.6


def main_status(hits: list[Hit]) -> str | None:
    """The status a document gives its people throughout ("Tajik migrants" again and again), used
    for sentences that state none; None when no status has most of the cues."""
    labels = [h.label for h in hits if h.label != "citizen_word"]
    if not labels:
        return None
    top = max(set(labels), key=labels.count)
    return top if labels.count(top) >= MAIN_STATUS_SHARE * len(labels) else None
