"""Certainty (reported / alleged / planned) and the cues that make a sentence report no event."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from diaspora_watch.extract.components import component
from diaspora_watch.extract.matcher import Hit, Matcher, Token, compiled

#: How many words before a trigger a hypothetical or a negation governs it.
HYPOTHETICAL_WINDOW = 6
NEGATION_WINDOW = 2
BACKGROUND_WINDOW = 3
#: How many words after a class-describing clause opens ("for citizens who are ...") it still runs.
CLASS_WINDOW = 8
#: Cues whose clause, when it follows a trigger, is about another act: agencies named there do
#: not act in the trigger's event ("detained ..., could avoid deportation by signing a contract
#: with the Defence Ministry"; "вступит в силу после подписания президентом").
SCOPE_LABELS = frozenset({"hypothetical", "planned", "pending", "class"})
_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s-\s")


@lru_cache(maxsize=4)
def _matcher(lang: str) -> Matcher:
    return compiled("hedges", lang if lang in ("en", "ru") else "en")


def cues(tokens: list[Token], lang: str) -> list[Hit]:
    """Every hedge cue in a sentence."""
    return _matcher(lang).find(tokens)


def clause_breaks(text: str, tokens: list[Token]) -> frozenset[int]:
    """Indexes of the tokens a comma, semicolon, colon, bracket or dash comes just before."""
    return frozenset(k for k in range(1, len(tokens)) if _BREAK.search(text[tokens[k - 1].end : tokens[k].start]))


def restrictive(hits: list[Hit], breaks: frozenset[int], lang: str) -> list[Hit]:
    """``hits`` less the English class cues a comma splits ("handed the case to prosecutors,
    who charged ..."): a clause set off by a comma tells of someone in particular. Russian sets
    every relative clause off ("для тех, кто"), so there the comma says nothing."""
    if lang == "ru":
        return hits
    return [h for h in hits if h.label != "class" or not any(h.first < b < h.last for b in breaks)]


def _in_clause(cue: Hit, trigger: Hit, breaks: frozenset[int], window: int) -> bool:
    """``trigger`` comes after ``cue`` within ``window`` words and no clause break between."""
    return 0 <= trigger.first - cue.last <= window - 1 and not any(cue.last < b <= trigger.first for b in breaks)


def blocked(hits: list[Hit], trigger: Hit, allow_hypothetical: bool, breaks: frozenset[int] = frozenset()) -> Hit | None:
    """The cue that makes ``trigger`` no event, if any: a negation or hypothetical just before it,
    a clause that describes a kind of people it is in ("a hotline for citizens who are
    detained"), or anywhere in the sentence a generic cue (a penalty the law sets, "no
    information about"). ``breaks`` are the sentence's clause breaks (:func:`clause_breaks`)."""
    for h in hits:
        if h.label == "generic":
            return h
        if h.label == "class" and _in_clause(h, trigger, breaks, CLASS_WINDOW):
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


def out_of_scope(actors: list[Any], hits: list[Hit], trigger: Hit) -> list[Any]:
    """``actors`` less those named after a cue that opens, past ``trigger``, a clause about
    another act (a hypothetical, a plan, a pending step, a kind of people): "could avoid
    deportation by signing a contract with the Defence Ministry" names no actor of the detention."""
    cuts = [h.end for h in hits if h.label in SCOPE_LABELS and h.start >= trigger.end]
    return [a for a in actors if not any(a.start >= c for c in cuts)]


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
