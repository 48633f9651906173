"""The targeted people's legal status where the event happened (codebook section 3, ``status``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from diaspora_watch.extract import morph
from diaspora_watch.extract.components import component
from diaspora_watch.extract.matcher import Hit, Matcher, Token, compiled

#: The status an event has when the text names none, by subtype.
#: An advisory addresses nationals abroad; a protest or statement may concern anyone, so it
#: keeps ``unknown`` unless the text says whose citizens they are.
DEFAULTS = {"citizenship_revocation": "naturalized", "prosecution_for_service": "citizen", "advisory": "foreign"}
#: The status a measure implies when neither the sentence nor the document says: only
#: foreigners are deported, refused entry or lose permits, and the codebook's contract
#: recruitment recruits foreigners. A status the document gives its people comes first
#: (the stripped are deported as naturalized citizens).
FALLBACKS = {"deportation": "foreign", "entry_ban": "foreign", "permit_cancellation": "foreign",
             "contract_recruitment": "foreign", "draft_notice": "naturalized"}
#: Subtypes whose measure itself settles a status the words around it seem to contradict:
#: only citizens are called up, so "migrants" handed draft summonses are the naturalized among
#: them; people refused entry are outside the country, so an old breach of the stay rules ("barred
#: for overstaying") leaves them foreign, not undocumented there.
IMPLIED = {"draft_notice": {"foreign": "naturalized", "undocumented": "naturalized"},
           "entry_ban": {"undocumented": "foreign"}}
#: States whose law revokes only an acquired citizenship: their citizens who lose it are naturalized.
ACQUIRED_ONLY = frozenset({"RU"})
#: Subtypes whose country is the acting state: its own citizens it speaks for are abroad.
ACTING_STATE = frozenset({"advisory", "protest", "statement", "cancellation"})


@lru_cache(maxsize=4)
def _matcher(lang: str) -> Matcher:
    return compiled("status", lang if lang in ("en", "ru") else "en")


def cues(tokens: list[Token], lang: str) -> list[Hit]:
    """Status cues in a sentence (naturalized, dual, undocumented, foreign, and 'citizen' words);
    none inside the name of an operation ("операция «Нелегал»"), which says what it hunts."""
    hits = _matcher(lang).find(tokens)
    names = [h for h in hits if h.label == "name"]
    kept = [h for h in hits if h.label not in ("relative", "name") and not any(n.first <= h.first < n.last for n in names)]
    return _qualified(kept, {h.first for h in hits if h.label == "relative"}, tokens, lang)


#: Statuses a clause after "migrants" can give them: migrants who got a passport are naturalized.
_CITIZENSHIP = frozenset({"naturalized", "dual"})
#: How many words may stand between a people word and the clause that qualifies it.
RELATIVE_WINDOW = 3


def _qualified(hits: list[Hit], relative: set[int], tokens: list[Token], lang: str) -> list[Hit]:
    """Without the "foreign" cue of people a clause right after says got citizenship ("migrants
    who obtained Russian passports", "мигрантов, получивших гражданство"): they are one group of
    naturalized people, not migrants beside citizens. Only relative words ("who", "недавно") may
    come between; a Russian participle may follow the noun directly."""
    drop = set()
    for f in hits:
        if f.label != "foreign":
            continue
        for n in hits:
            if n.label not in _CITIZENSHIP or not f.last <= n.first <= f.last + RELATIVE_WINDOW:
                continue
            between = range(f.last, n.first)
            if all(i in relative for i in between) and (between or lang == "ru" and _participle(tokens[n.first].text)):
                drop.add(id(f))
    return [h for h in hits if id(h) not in drop]


def _participle(word: str) -> bool:
    """A Russian full participle ("получивших"), which opens a clause about the noun before it."""
    return any(p.tag.POS == "PRTF" for p in morph.analyzer().parse(word)[:2])


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
        # Only citizens lose citizenship: "migrants" beside it are other people of the sentence;
        # where only an acquired citizenship can be revoked, "Russian citizens" who lose it are naturalized.
        found.pop("foreign", None)
        found.pop("undocumented", None)
        if "citizen" in found and country in ACQUIRED_ONLY:
            found.setdefault("naturalized", found.pop("citizen"))
    for said, meant in IMPLIED.get(subtype, {}).items():
        if said in found:
            found.setdefault(meant, found.pop(said))
    kept = _narrowest(set(found))
    if len(kept) > 1:
        return "mixed", ", ".join(found[k] for k in kept)
    if kept:
        label = kept.pop()
        return label, found[label]
    default: Any = DEFAULTS.get(subtype, "unknown")
    return default, ""


#: A status that, stated beside another, is the more precise word for the same people:
#: undocumented migrants are foreign, naturalized and dual citizens are citizens.
_NARROWER = {"undocumented": ("foreign",), "naturalized": ("citizen",), "dual": ("citizen", "naturalized")}


def _narrowest(labels: set[str]) -> set[str]:
    return labels - {wide for narrow, wides in _NARROWER.items() if narrow in labels for wide in wides}


def combine(a: str, b: str) -> str:
    """The status of one event two sentences state differently: the narrower word when one
    narrows the other, ``mixed`` when they name different people (citizens and foreigners)."""
    kept = _narrowest({a, b} - {"unknown"})
    return kept.pop() if len(kept) == 1 else "mixed" if kept else "unknown"


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
