"""Where an event happened, who it targeted and who acted, from the geo mentions near its trigger.

Codebook section 3: ``country`` is where it happened, but for policy and diplomatic events the
acting state; ``admin1``/``place`` come from the most precise place named; ``group`` is the
targeted people's national origin; ``actors`` are ``CC:AGENCY`` codes, an unqualified agency
("police") taking the event's country.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from diaspora_watch.extract.components import component

#: Agencies that speak for a state abroad: they act in diplomatic events and only report others.
DIPLOMATIC = frozenset({"MFA", "EMBASSY", "CONSULATE"})
#: Agencies that can be the acting body of an advisory, protest or statement.
DIPLOMATIC_ACTORS = DIPLOMATIC | {"PROSECUTOR", "GOVERNMENT", "MINLABOR", "PRESIDENT", "MIGRATION"}
STATE_EVENT_TYPES = frozenset({"policy", "diplomatic"})

#: Where most reports this project reads take place, when a text names no place at all.
DEFAULT_HOST = "RU"


@dataclass
class Where:
    country: str | None
    admin1: str | None
    place: str | None
    why: str


def _near(mentions: list[Any], pos: int) -> list[Any]:
    return sorted(mentions, key=lambda m: abs(m.start - pos))


@component("dw.extract.locate.v1")
def where(etype: str, subtype: str, pos: int, places: list[Any], actors: list[Any], groups: list[str],
          doc_host: str | None, doc_counts: Counter[str] | None = None) -> Where:
    """Country, admin1 and place of an event whose trigger is at ``pos``, from its sentence's mentions.

    Among several countries a sentence names, the one the document names most wins: "Tajik
    migrants in Russia ... to fight in Ukraine" happened in Russia.
    """
    places = [p for p in places if not _dateline(p)]
    freq = doc_counts or Counter()
    if etype == "diplomatic":
        acting = [a for a in actors if a.agency in DIPLOMATIC_ACTORS and a.country]
        if subtype == "protest":
            acting.sort(key=lambda a: a.agency != "MFA")
        if acting:
            return Where(acting[0].country, None, None, acting[0].surface)
        if groups:
            return Where(groups[0], None, None, "the state of the people addressed")
        states = [p for p in places if p.level == "country"]
        if states:
            p = states[0]
            return Where(p.country, None, None, p.surface)
        return Where(None, None, None, "")
    local = [p for p in _near(places, pos) if p.level in ("city", "admin1")]
    if etype == "policy":
        states = [p for p in places if p.level == "country"]
        state_actors = [a for a in actors if a.country]
        if state_actors:
            return Where(state_actors[0].country, None, None, state_actors[0].surface)
        if states:
            return Where(states[0].country, None, None, states[0].surface)
        return Where(doc_host or DEFAULT_HOST, None, None, "default host")
    if local:
        p = local[0]
        return Where(p.country, p.admin1, p.name if p.level == "city" else None, p.surface)
    states = sorted((p for p in _near(places, pos) if p.level == "country" and p.country not in groups),
                    key=lambda p: -freq[p.country])
    if subtype == "prosecution_for_service" and groups:
        return Where(groups[0], None, None, "the group's own state")
    if states:
        return Where(states[0].country, None, None, states[0].surface)
    located = [a for a in actors if a.country and a.agency not in DIPLOMATIC]
    if located:
        return Where(located[0].country, None, None, located[0].surface)
    return Where(doc_host or DEFAULT_HOST, None, None, "document's main country" if doc_host else "default host")


def _dateline(p: Any) -> bool:
    """"DUSHANBE —" opens a wire story: where it was filed, not where anything happened."""
    return len(p.surface) > 3 and p.surface.isupper()


def host(places: list[Any]) -> str | None:
    """The country most of a document's towns and regions lie in."""
    c = Counter(p.country for p in places if p.level in ("city", "admin1"))
    return c.most_common(1)[0][0] if c else None


@component("dw.extract.groups.v1")
def group(mentions: list[Any], followers: dict[int, str]) -> list[str]:
    """Origin countries of the people a sentence is about.

    A "people" mention (Tajiks, уроженцы Азербайджана) counts; an adjective counts only when a
    people noun follows it ("Tajik migrants", not "Tajik Foreign Ministry"); ``followers`` maps a
    mention's start to the key of the word after it.
    """
    out: list[str] = []
    for m in mentions:
        if m.kind == "people" or followers.get(m.start) == "people":
            out.extend(c for c in m.countries if c not in out)
    return sorted(out)


@component("dw.extract.actors.v1")
def actor_codes(mentions: list[Any], etype: str, country: str | None) -> list[str]:
    """``CC:AGENCY`` codes of the bodies acting in an event (NGOs stay ``NGO:NAME``)."""
    out: list[str] = []
    for a in mentions:
        if a.agency.startswith("NGO:"):
            code = a.agency
        else:
            cc = a.country or country
            if cc is None:
                continue
            if etype == "diplomatic" and (cc != country or a.agency not in DIPLOMATIC_ACTORS):
                continue
            if etype not in STATE_EVENT_TYPES and (a.agency in DIPLOMATIC or cc != country):
                continue
            code = f"{cc}:{a.agency}"
        if code not in out:
            out.append(code)
    return out
