"""Subtype detection: which sentences report which kind of event (lexicon ``triggers``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from diaspora_watch.extract import hedges
from diaspora_watch.extract.components import component
from diaspora_watch.extract.lexicon import load
from diaspora_watch.extract.matcher import Hit, Matcher, Token
from diaspora_watch.extract.sentences import CLOSING_QUOTES, OPENING_QUOTES

_CONDITIONS = ("with", "near", "unless", "unless_near")
#: How many words past a blocked trigger the same subtype stays blocked.
NEGATION_RUN = 3


@dataclass(frozen=True)
class Trigger:
    sentence: int
    subtype: str
    hit: Hit


@lru_cache(maxsize=4)
def _compiled(lang: str) -> tuple[list[dict[str, Any]], Matcher, list[dict[str, Matcher]]]:
    entries = load("triggers", lang if lang in ("en", "ru") else "en")
    main = Matcher((str(i), p) for i, e in enumerate(entries) for p in e["patterns"])
    conds = [{c: Matcher(("c", p) for p in e[c]) for c in _CONDITIONS if e.get(c)} for e in entries]
    return entries, main, conds


@lru_cache(maxsize=1)
def subtypes() -> dict[str, str]:
    """Codebook subtype -> type."""
    return dict(load("subtypes", "common"))


@component("dw.extract.triggers.v1")
def detect(sentences: list[list[Token]], lang: str, text: str = "") -> list[Trigger]:
    """One trigger per (sentence, subtype): the first pattern hit that its conditions allow.

    ``text`` is what the tokens' offsets index into; with it, clause breaks (commas, dashes)
    bound the clauses that describe a kind of people, and a question reports no event."""
    entries, main, conds = _compiled(lang)
    out: list[Trigger] = []
    seen_cond: dict[tuple[int, str, int], bool] = {}  # (entry, condition, sentence): each tested once

    def has(e: int, cond: str, k: int) -> bool:
        key = (e, cond, k)
        if key not in seen_cond:
            seen_cond[key] = 0 <= k < len(sentences) and conds[e][cond].any(sentences[k])
        return seen_cond[key]

    for si, tokens in enumerate(sentences):
        hits = main.find(tokens)
        if not hits or text and hedges.question(text, tokens):
            continue
        breaks = hedges.clause_breaks(text, tokens) if text else frozenset()
        cue_hits = hedges.restrictive(hedges.cues(tokens, lang), breaks, lang)
        clause_ends = breaks - hedges.list_commas(text, tokens, breaks) if breaks else breaks
        seen: set[str] = set()
        found: list[tuple[int, Trigger]] = []
        negated: dict[str, int] = {}
        for hit in sorted(hits, key=lambda h: h.first):
            n = int(hit.label)
            e = entries[n]
            sub = e["label"]
            if sub in seen or not _allowed(conds[n], n, si, has) or e.get("quoted") and not _quoted(text, hit):
                continue
            if hit.first < negated.get(sub, -1):
                continue
            if (cue := hedges.blocked(cue_hits, hit, bool(e.get("hypothetical_ok")), clause_ends)) is not None:
                # what a negation governs runs on through the words that follow ("declined to
                # sign a contract to join the army"); a word for a place only names that place
                # ("a recruitment centre" is no act of "recruitment", but may be a recruitment site)
                if cue.label != "facility":
                    negated[sub] = max(negated.get(sub, -1), hit.last + NEGATION_RUN)
                continue
            seen.add(sub)
            found.append((n, Trigger(si, sub, Hit(hit.start, hit.end, hit.first, hit.last, sub, hit.pattern))))
        out.extend(_without_overridden(found, entries))
    return out


def _without_overridden(found: list[tuple[int, Trigger]], entries: list[dict[str, Any]]) -> list[Trigger]:
    """One sentence's triggers less those another entry ``overrides`` on the very same words
    ("criminal cases" near "mercenarism" is a prosecution for service, not a plain case) or
    ``outranks`` anywhere in the sentence (a contract offered under a threat of deportation is
    coercion, not recruitment)."""
    gone = {(sub, t.hit.start, t.hit.end) for n, t in found for sub in entries[n].get("overrides", [])}
    outranked = {sub for n, _ in found for sub in entries[n].get("outranks", [])}
    return [t for _, t in found if (t.subtype, t.hit.start, t.hit.end) not in gone and t.subtype not in outranked]


def _quoted(text: str, hit: Hit) -> bool:
    """The hit stands in quotation marks of its own (scare quotes: being “lured” into the war)."""
    return hit.start > 0 and text[hit.start - 1 : hit.start] in OPENING_QUOTES and text[hit.end : hit.end + 1] in CLOSING_QUOTES


def _allowed(cond: dict[str, Matcher], n: int, si: int, has: Callable[[int, str, int], bool]) -> bool:
    if "with" in cond and not has(n, "with", si):
        return False
    if "unless" in cond and has(n, "unless", si):
        return False
    if "near" in cond and not any(has(n, "near", k) for k in (si - 1, si, si + 1)):
        return False
    if "unless_near" in cond and any(has(n, "unless_near", k) for k in (si - 1, si, si + 1)):
        return False
    return True
