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
#: How many words a negative subject ("no one has been charged") or a denial governs in its clause.
NOBODY_WINDOW = 5
#: How many words of its clause a state's advice to people ("urged citizens not to sign ...") governs.
ADVISING_WINDOW = 25
#: Cues whose clause, when it follows a trigger, is about another act: agencies named there do
#: not act in the trigger's event ("detained ..., could avoid deportation by signing a contract
#: with the Defence Ministry"; "вступит в силу после подписания президентом").
SCOPE_LABELS = frozenset({"hypothetical", "enabling", "planned", "pending", "class"})
_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s-\s")
_COMMA = re.compile(r"^\s*,\s*$")
#: Words that join the last item of a list ("refused entry, detained or harassed").
_COORDINATORS = frozenset({"and", "or", "nor", "и", "или", "либо"})
_QUESTION = re.compile(r"^[\"'»”’)\]]*\?")
_WORD_SPLIT = re.compile(r"[\s|]+")


@lru_cache(maxsize=4)
def _matcher(lang: str) -> Matcher:
    return compiled("hedges", lang if lang in ("en", "ru") else "en")


def cues(tokens: list[Token], lang: str) -> list[Hit]:
    """Every hedge cue in a sentence (several components ask about the same sentence)."""
    return list(_cues(tuple(tokens), lang))


@lru_cache(maxsize=4096)
def _cues(tokens: tuple[Token, ...], lang: str) -> tuple[Hit, ...]:
    return _without_asides(_matcher(lang).find(tokens))


#: Cues a writer's frame ("It should be noted that", "It is to be recalled that") holds without their force.
ASIDE_HOLDS = frozenset({"hypothetical", "planned"})


def _without_asides(hits: list[Hit]) -> tuple[Hit, ...]:
    """``hits`` less the asides and the modal or plan inside one: "It should be noted that
    police detained ..." reports the detention; "should" only frames it for the reader."""
    asides = [h for h in hits if h.label == "aside"]
    if not asides:
        return tuple(hits)
    return tuple(h for h in hits if h.label != "aside" and not (
        h.label in ASIDE_HOLDS and any(a.first <= h.first and h.last <= a.last for a in asides)))


def clause_breaks(text: str, tokens: list[Token]) -> frozenset[int]:
    """Indexes of the tokens a comma, semicolon, colon, bracket or dash comes just before."""
    return frozenset(k for k in range(1, len(tokens)) if _BREAK.search(text[tokens[k - 1].end : tokens[k].start]))


def list_commas(text: str, tokens: list[Token], breaks: frozenset[int]) -> frozenset[int]:
    """The ``breaks`` that are commas between the items of a list: a coordinator ("or",
    "and") follows before the next break, after an item. A clause that describes a kind of
    people runs on through such a list ("citizens who are refused entry, detained or harassed
    may ..."); a coordinator right after the comma joins a new clause (", and police detained")."""
    out = set()
    for b in breaks:
        if not _COMMA.match(text[tokens[b - 1].end : tokens[b].start]):
            continue
        end = min((k for k in breaks if k > b), default=len(tokens))
        if any(t.key in _COORDINATORS for t in tokens[b + 1 : end]) and tokens[b].key not in _COORDINATORS:
            out.add(b)
    return frozenset(out)


def question(text: str, tokens: list[Token]) -> bool:
    """True when the sentence of ``tokens`` ends in a question mark: a question ("Are patents
    being cancelled too?") asks whether an act happened and asserts none (codebook §1)."""
    return bool(tokens) and bool(_QUESTION.match(text[tokens[-1].end : tokens[-1].end + 4]))


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
    """The cue that makes ``trigger`` no event, if any:

    - before it: a negation, a hypothetical or an enabling verb just before it ("a law allowing
      police to deport");
    - inside it: a negation or a hypothetical just before its last word ("the law was not
      adopted", "закон может вступить в силу");
    - right after it: a hypothetical word ("checks may begin anywhere"), but not an enabling
      verb, which tells what the act is about ("signed a law allowing ...");
    - right after a one-word trigger: a word for a place it names ("a detention facility");
    - around it: a clause it is in that has a negative subject ("no one has been charged") or
      that a denial opens ("denied that police had beaten anyone"),
      gives a state's advice ("urged citizens not to sign contracts"), describes a kind of
      people ("a hotline for citizens who are detained") or lists the options of a choice
      put to people; a people noun after "for" that it qualifies ("the ban for foreigners
      expelled by a court");
    - anywhere in the sentence: a generic cue (a penalty the law sets, "no information
      about") or, unless hypotheticals are allowed, advice to the reader ("if you are ...").

    A trigger that allows hypotheticals (a warning, a threat) is no event only for a generic
    cue before it: after it, the cue is what the warning says ("reminded citizens that
    serving abroad is punishable by ..."). ``breaks`` are where the sentence's clauses end
    (:func:`clause_breaks` less :func:`list_commas`)."""
    for h in hits:
        if h.label == "generic" and not (allow_hypothetical and h.first >= trigger.last):
            return h
        if h.label == "advice" and not allow_hypothetical:
            return h
        if h.label in ("class", "options") and _in_clause(h, trigger, breaks, CLASS_WINDOW):
            return h
        if h.label in ("nobody", "denial") and _in_clause(h, trigger, breaks, NOBODY_WINDOW):
            return h
        if h.label == "advising" and _in_clause(h, trigger, breaks, ADVISING_WINDOW):
            return h
        if h.label == "kind" and trigger.first == h.last:
            return h
        if h.label == "facility" and h.first == trigger.last == trigger.first + 1:
            return h
        gap = trigger.first - h.last
        if h.label == "negation" and (0 <= gap <= NEGATION_WINDOW - 1 or _in_gap(h, trigger)):
            return h
        if h.label == "enabling" and not allow_hypothetical and 0 <= gap <= HYPOTHETICAL_WINDOW - 1:
            return h
        if h.label == "hypothetical" and not allow_hypothetical and (
                0 <= gap <= HYPOTHETICAL_WINDOW - 1 or h.first == trigger.last and trigger.last not in breaks
                or _in_gap(h, trigger)):
            return h
    return None


def _in_gap(cue: Hit, trigger: Hit) -> bool:
    """``cue`` sits in a gap of ``trigger``'s pattern just before its last word ("law ...
    adopted" over "the law was not adopted"), not on a word of the pattern itself ("will not
    take place", "не пустить")."""
    own = set(_WORD_SPLIT.split(trigger.pattern.replace("=", "").replace("*", "")))
    return (trigger.first < cue.first and 0 <= trigger.last - 1 - cue.last <= NEGATION_WINDOW - 1
            and not own & set(_WORD_SPLIT.split(cue.pattern)))


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
    practice ("have repeatedly urged"; opening the sentence, "Every few months, someone
    proposes ...", it frames all of it), if any: such a mention with no date of its own is
    background (codebook §1). A relative clause that tells a step still to come ("40 мигрантов,
    19 из которых выдворят") is no past act in passing: it is a planned one."""
    for h in hits:
        if h.label in ("background", "habitual") and 0 <= trigger.first - h.last <= BACKGROUND_WINDOW - 1:
            if h.label == "background" and any(c.label == "planned" and h.last <= c.first <= trigger.last
                                                and c.last >= trigger.first for c in hits):
                continue
            return h
        if h.label == "habitual" and h.first == 0 and h.last <= trigger.first:
            return h
    return None


def trend(hits: list[Hit], trigger: Hit) -> Hit | None:
    """The words that make ``trigger`` a kind of act that grows or shrinks ("concern over a rise
    in deportations", "всё чаще отказывают во въезде"), if any: with no figure of its own such
    a mention is a trend, not one act (codebook §1); with one it is a statistic. The cue stands just
    before the trigger or around it ("the number of migrants detained rose by 30 percent")."""
    for h in hits:
        if h.label == "trend" and (0 <= trigger.first - h.last <= BACKGROUND_WINDOW - 1 or h.first < trigger.first < h.last - 1):
            return h
    return None


#: How many words from a trigger "another" ("detained another 8") or a people noun that refers
#: back ("arrested the suspects") belongs to its act.
BESIDE_WINDOW = 3


def beside(hits: list[Hit], trigger: Hit, label: str) -> Hit | None:
    """A cue of ``label`` in or next to ``trigger``: "another" makes it an act on more people than
    the one told before ("detained another 8", "задержаны ещё 8"), a new act; a people noun
    that refers back ("a court placed the suspects under arrest", "суд арестовал подозреваемых")
    makes it a further step against the people of the act told before."""
    for h in hits:
        if h.label == label and (0 <= trigger.first - h.last <= BESIDE_WINDOW - 1 or 0 <= h.first - trigger.last <= BESIDE_WINDOW - 1
                                 or h.first <= trigger.first < h.last or trigger.first <= h.first < trigger.last):
            return h
    return None


def anaphor(hits: list[Hit], trigger: Hit, cued: bool) -> Hit | None:
    """The determiner that makes ``trigger`` refer back to an act told before ("the arrests
    are related to ...", "these raids"; only when the sentence gives the act no date of its
    own), or the people noun it is part of ("связь с задержанными"), if any: such a mention adds
    evidence to that act and makes no event of its own."""
    for h in hits:
        if (h.label == "referent" or h.label == "anaphor" and not cued) and h.first <= trigger.first < h.last:
            return h
    return None
