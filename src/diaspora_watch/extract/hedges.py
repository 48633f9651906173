"""Certainty (reported / alleged / planned) and the cues that make a sentence report no event."""

from __future__ import annotations

from functools import lru_cache

from diaspora_watch.extract.components import component
from diaspora_watch.extract.matcher import Hit, Matcher, Token, compiled

#: How many words before a trigger a hypothetical or a negation governs it.
HYPOTHETICAL_WINDOW = 6
NEGATION_WINDOW = 2
BACKGROUND_WINDOW = 3


@lru_cache(maxsize=4)
def _matcher(lang: str) -> Matcher:
    return compiled("hedges", lang if lang in ("en", "ru") else "en")


def cues(tokens: list[Token], lang: str) -> list[Hit]:
    """Every hedge cue in a sentence."""
    return _matcher(lang).find(tokens)


def blocked(hits: list[Hit], trigger: Hit, allow_hypothetical: bool) -> Hit | None:
    """The cue that makes ``trigger`` no event, if any: a negation or hypothetical just before it,
    or anywhere in the sentence a generic cue (a penalty the law sets, "no information about")."""
    for h in hits:
        if h.label == "generic":
            return h
        gap = trigger.first - h.last
        if h.label == "negation" and 0 <= gap <= NEGATION_WINDOW - 1:
            return h
        if h.label == "hypothetical" and not allow_hypothetical and 0 <= gap <= HYPOTHETICAL_WINDOW - 1:
            return h
    return None


@component("dw.extract.certainty.v1")
def certainty(hits: list[Hit], subtype: str, trigger: Hit | None = None) -> tuple[str, Hit | None]:
    """``planned`` or ``alleged`` when the sentence says so, else ``reported`` (a proposal is always reported).

    A plan governs only the act it comes just before or right after ("stripped of citizenship
    and will soon be deported": the deportation is planned, the stripping done); an allegation
    governs the whole sentence."""
    if subtype == "proposal":
        return "reported", None
    for label in ("planned", "alleged"):
        for h in hits:
            if h.label == label and (label != "planned" or trigger is None or _governs(h, trigger)):
                return label, h
    return "reported", None


def _governs(cue: Hit, trigger: Hit) -> bool:
    return 0 <= trigger.first - cue.last <= HYPOTHETICAL_WINDOW - 1 or 0 <= cue.first - trigger.last <= 1 or cue.first <= trigger.first < cue.last


def in_passing(hits: list[Hit], trigger: Hit) -> Hit | None:
    """The relative pronoun that puts ``trigger`` in a clause about something else ("the
    autonomy, which was liquidated by the court"), or the adverb that makes it a recurring
    practice ("have repeatedly urged"), if any: such a mention with no date of its own is
    background (codebook §1)."""
    for h in hits:
        if h.label in ("background", "habitual") and 0 <= trigger.first - h.last <= BACKGROUND_WINDOW - 1:
            return h
    return None


def anaphor(hits: list[Hit], trigger: Hit) -> Hit | None:
    """The determiner that makes ``trigger`` refer back to an act told before ("the arrests
    are related to ...", "these raids"), if any: such a mention adds evidence to that act and
    makes no event of its own."""
    for h in hits:
        if h.label == "anaphor" and h.first <= trigger.first < h.last:
            return h
    return None
