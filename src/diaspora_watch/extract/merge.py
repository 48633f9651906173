"""Merging the events of one document: one action reported in several sentences is one event.

Codebook §1: "When a document repeats the same action in several sentences, code it once and keep
all supporting sentences as evidence"; several people hit by one measure at one time and place
are one event, while measures at different times or places stay apart.
"""

from __future__ import annotations

from typing import Any

from diaspora_watch.extract import counts, status, triggers
from diaspora_watch.extract.components import component

#: Kinds of act on people: they have head counts, and named victims tell one act from another.
COUNTED_TYPES = frozenset({"enforcement", "status", "recruitment"})


def _compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether ``b``, told after ``a``, reports the same action."""
    if a["subtype"] != b["subtype"] or b["_another"]:
        return False  # "detained another 8": more people, another act
    if a["_topic"] or b["_topic"]:
        # "summoned the ambassador over the arrest of X": the arrest told before, wherever the
        # summons places it, when the two name the same people; a topic that names nobody
        # ("ordered a list of citizens held in detention centres") is the act the text tells
        if any(e["_topic"] and not (e["persons"] or e["group"]) for e in (a, b)):
            return True
        return bool(set(a["persons"]) & set(b["persons"]) or set(a["group"]) & set(b["group"]))
    if a["country"] != b["country"]:
        return False
    if _sequel_elsewhere(a, b):
        return False  # "... at the airport. Days later, police in Tver detained a Tajik migrant": another act
    if a["admin1"] and b["admin1"] and a["admin1"] != b["admin1"]:
        return False
    if (a["count"] and b["count"] and a["count"] != b["count"] and a["count_qualifier"] == b["count_qualifier"] == "exact"
            and not (a["admin1"] and a["admin1"] == b["admin1"] and _one_day(a, b))):
        # two exact head counts are two groups, unless of one place and day ("seven, two of them
        # Russians"); "43 detained" and "last December, 27 detained at the same depot" are two
        return False
    if _others(a, b) and not (a["admin1"] and a["admin1"] == b["admin1"] and _one_day(a, b)):
        # "Kamol R. was detained last week. Police in Tver detained Firuz N.": two people, two acts;
        # people hit at one place on one day are one act (codebook §1)
        return False
    if a["group"] and b["group"] and not set(a["group"]) & set(b["group"]) and _apart(a, b):
        return False  # Tajiks held here and, sentences later, Kyrgyz held there: two actions
    if a["subtype"] in STEPPED and a["_title"] and b["_title"] and a["_title"] != b["_title"]:
        return False  # "a law tightening rules for migrants" and "a law on the registration of workers"
    if a["_cued"] and b["_cued"] and not (a["_said"] or b["_said"] or _carried_along(a, b) or b["_back"] and not b["count"]
                                          or _step(a, b)):
        n = min(len(a["date"]), len(b["date"]))
        if a["date"][:n] != b["date"][:n]:
            return False
    if triggers.subtypes()[a["subtype"]] == "diplomatic" and a["actors"] and b["actors"] and not set(a["actors"]) & set(b["actors"]):
        return False  # the ministry and the embassy speaking are two communications
    return True


#: Sentences apart beyond which two mentions naming different peoples tell different actions
#: (nearer, "seven were detained, two of them Russians ... several Azerbaijanis" is one).
GROUP_SPAN = 2


def _apart(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return min(abs(x - y) for x in a["_sis"] for y in b["_sis"]) > GROUP_SPAN


def _sequel_elsewhere(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """``b`` is dated by a time counted on from an act told before ("days later") and names a
    region ``a`` had none of, and no one ``a`` named: a later act in another town, not a detail
    of the first (which, placed nowhere, would take that town)."""
    return (b["_later"] and a["admin1"] is None and b["admin1"] is not None
            and not (b["_back"] or b["_anaphor"] or b["_refers"]) and not set(b["persons"]) & set(a["persons"]))


def _others(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """``a`` and ``b`` each name the people an act hit, and none in common; ``a`` counts no one
    it leaves unnamed ("five men, among them X" may hold the Y told next)."""
    return (a["type"] in COUNTED_TYPES and bool(a["_hit"]) and bool(b["_hit"])
            and not set(a["_hit"]) & set(b["_hit"]) and a["count"] in (None, len(a["_hit"])))


def _referred(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """``b`` refers back ("the arrest took place on Monday as he was returning from Istanbul", "of
    the detained, 20 were Tajiks", "most of them were deported for ...") to ``a``, the last act of
    its subtype, when it names no other region or people ("the arrests of Kyrgyz traders in Omsk"
    is another act, dropped)."""
    return (a["subtype"] == b["subtype"] and b["admin1"] in (None, a["admin1"])
            and not (a["group"] and b["group"] and not set(a["group"]) & set(b["group"])))


#: Subtypes told in steps on their own days: one legal act is one event (codebook §5).
STEPPED = frozenset({"law", "proposal"})


def _step(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """``b`` is another step of the legal act ``a`` ("The Duma passed the bill on June 10", "The law
    enters into force on September 1"), told on its own day: a step gives no other year of its own
    (a law of 2023 and its amendment "in 2025" are two acts; an entry into force "on September 1"
    is a step whatever year it resolves to)."""
    return a["subtype"] in STEPPED and (a["date"][:4] == b["date"][:4] or not b["_explicit"])


def _carried_along(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """``b`` has only the date of the sentence before it and names no other people or head count
    than ``a`` (which may name nobody: "a Russian man"): "Belyaev was detained in August. The court
    ruled that he must leave the country" is the deportation told first, not an August one."""
    return (b["_carried"] and (not a["persons"] or set(b["persons"]) <= set(a["persons"]))
            and b["count"] in (None, a["count"]))


def _one_day(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The dates ``a`` and ``b`` have of their own are one day ("12 of the men detained on
    Tuesday ... on Tuesday 37 were detained"; an undated "seven were detained" and "the detention
    on Monday of two of them"), or neither has one and they are told close together; a month
    ("earlier this month", "last December") tells another act."""
    days = {e["date"] for e in (a, b) if e["_cued"]}
    if not days:
        return not _apart(a, b)
    return len(days) == 1 and len(next(iter(days))) == 10


@component("dw.extract.merge.v1")
def merge(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fold events that report the same action (same subtype, country, compatible place/date/count)."""
    out: list[dict[str, Any]] = []
    for ev in events:
        into = next((o for o in out if _compatible(o, ev)), None)
        if into is None and (ev["_anaphor"] or ev["_back"]):
            into = next((o for o in reversed(out) if _referred(o, ev)), None)
        if into is None:
            out.append(ev)
            continue
        # a mention referring back ("The raid was the latest in a series of checks since March
        # 2024") tells no new day for an act already dated; a further step against the same people
        # ("on Wednesday a court ordered 12 of the detainees expelled") has its own day, not the act's
        if ev["_cued"] and not ev["_back"] and not (ev["_refers"] and into["_cued"]) and (
                not into["_cued"] or into["_said"] and not ev["_said"] or len(ev["date"]) > len(into["date"]) and not ev["_said"]):
            into["date"], into["_cued"] = ev["date"], True
            into["explain"]["date"] = ev["explain"]["date"]
        if into["_topic"] and not ev["_topic"]:
            into["country"], into["admin1"], into["place"], into["_topic"] = ev["country"], ev["admin1"], ev["place"], False
            for key in ("country", "admin1", "place"):
                into["explain"][key] = ev["explain"].get(key, into["explain"].get(key))
        for key in ("admin1", "place"):
            if into[key] is None and ev[key] is not None and ev["country"] == into["country"]:
                into[key] = ev[key]
                into["explain"][key] = ev["explain"][key]
        into["_anaphor"] = into["_anaphor"] and ev["_anaphor"]
        into["_refers"] = into["_refers"] and ev["_refers"]
        into["_said"] = into["_said"] and ev["_said"]
        into["_sis"] |= ev["_sis"]
        into["_hit"] += [n for n in ev["_hit"] if n not in into["_hit"]]
        for key in ("group", "actors", "persons", "evidence"):
            into[key] = into[key] + [x for x in ev[key] if x not in into[key]]
        if into["_status_weak"] and not ev["_status_weak"]:
            into["status"], into["_status_weak"] = ev["status"], False
        elif not ev["_status_weak"]:
            into["status"] = status.combine(into["status"], ev["status"])  # citizens here, foreigners there: mixed
        # a mention referring back to a counted act ("The raids are the latest ... since the attack,
        # which killed 145 people") or a further step against the people counted ("фигурант дела
        # зарегистрировал 20 иностранцев") counts something else
        best = counts.best([c for c in (_as_count(into), None if ev["_back"] or ev["_refers"] and into["count"] else _as_count(ev)) if c])
        if best:
            into["count"], into["count_qualifier"] = best.value, best.qualifier
            if into["subtype"] == "death_in_custody":
                into["fatalities"] = best.value
        if ev["certainty"] == "reported" and (into["certainty"] == "alleged" or ev["_cued"]):
            into["certainty"] = "reported"  # confirmed; a plan stays a plan when an undated mention repeats it
    return out


#: How many sentences after a revocation a deportation still reads as its consequence.
CONSEQUENCE_WINDOW = 2


def inherit(events: list[dict[str, Any]]) -> None:
    """A deportation just after a revocation deports the people stripped of citizenship
    ("preparing to deport the Azerbaijanis whose citizenship has been revoked"): it takes their
    status, and the place, group and count the deportation sentence does not repeat."""
    for dep in (e for e in events if e["subtype"] == "deportation"):
        first = min(dep["_sis"])
        rev = next((e for e in events if e["subtype"] == "citizenship_revocation" and e["country"] == dep["country"]
                    and any(0 <= first - si <= CONSEQUENCE_WINDOW for si in e["_sis"])), None)
        if rev is None:
            continue
        if dep["status"] == "undocumented" or dep["_status_weak"]:
            dep["status"] = rev["status"]
        for key in ("admin1", "place", "count", "count_qualifier"):
            if dep[key] is None and rev[key] is not None and (key not in ("place",) or dep["admin1"] == rev["admin1"]):
                dep[key] = rev[key]
        if not dep["group"]:
            dep["group"] = list(rev["group"])


def _as_count(ev: dict[str, Any]) -> counts.Count | None:
    return counts.Count(0, 0, "", ev["count"], ev["count_qualifier"]) if ev["count"] else None
