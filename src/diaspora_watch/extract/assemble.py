"""From one document to codebook events: run the components, build one event per trigger, merge.

Each field records which component produced it and from which words (the ``explain`` key), so
``extract --explain`` can show why an event looks the way it does.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from diaspora_watch.document import Document
from diaspora_watch.extract import claims, counts, dates, geo, hedges, locate, persons, status, triggers
from diaspora_watch.extract.components import component, name_of
from diaspora_watch.extract.matcher import Token, tokenize
from diaspora_watch.extract.sentences import Sentence, split

FIELDS = ("doc_id", "type", "subtype", "date", "country", "admin1", "place", "group", "status", "count",
          "count_qualifier", "fatalities", "actors", "persons", "certainty", "evidence", "claims", "incident")
PEOPLE_NOUN_WINDOW = 3
_BLANK = re.compile(r"[^\n]")


@dataclass
class Parsed:
    """A document cut into sentences, with every mention bucketed by sentence."""

    doc: Document
    lang: str
    sentences: list[Sentence]
    tokens: list[list[Token]]
    triggers: list[triggers.Trigger]
    dates: list[list[dates.DateMention]]
    places: list[list[Any]]
    groups: list[list[Any]]
    actors: list[list[Any]]
    persons: list[persons.Person]
    anchor: dates.Anchor | None
    host: str | None
    country_counts: Counter[str] = field(default_factory=Counter)
    people_after: dict[int, str] = field(default_factory=dict)


def parse(doc: Document) -> Parsed | None:
    """Sentences, triggers and the mentions around them; None when no sentence reports an event.

    Triggers come first because they are cheap: the costly finders (places, groups, actors,
    the Russian NER model) then read only the sentences that can carry or qualify an event.
    """
    lang = doc.language if doc.language in ("en", "ru") else "en"
    text = doc.text
    sents = split(text)
    per = _per_sentence(tokenize(text, lang), sents)
    trigs = triggers.detect(per, lang)
    if not trigs:
        return None
    keep = _context(sents, trigs)
    # With no publication date the anchor is the latest date anywhere in the text.
    mentions = [dates.find(text, toks, lang) if i in keep or not doc.published else [] for i, toks in enumerate(per)]
    anchor = dates.anchor_for(doc.published, [m for ms in mentions for m in ms], doc.collected)
    masked = _masked(text, sents, keep)
    starts = [s.start for s in sents]

    def bucket(items: tuple[Any, ...]) -> list[list[Any]]:
        out: list[list[Any]] = [[] for _ in sents]
        for m in items:
            i = bisect_right(starts, m.start) - 1
            if i >= 0 and m.start < sents[i].end:
                out[i].append(m)
        return out

    places = geo.places(masked, lang)
    spans = [(sents[i].start, sents[i].end) for i in sorted({t.sentence for t in trigs})]
    parsed = Parsed(doc, lang, sents, per, trigs, mentions, bucket(places), bucket(geo.groups(masked, lang)),
                    bucket(geo.actors(masked, lang)), persons.find(text, lang, spans), anchor,
                    locate.host(list(places)), Counter(pl.country for pl in places))
    nouns = counts._lexicon(lang)[2]
    for i in keep:
        toks = per[i]
        for h in nouns.find(toks):
            if h.label == "noun":
                for back in range(1, PEOPLE_NOUN_WINDOW + 1):
                    if h.first - back >= 0:
                        parsed.people_after.setdefault(toks[h.first - back].start, "people")
    return parsed


def _per_sentence(tokens: list[Token], sents: list[Sentence]) -> list[list[Token]]:
    per: list[list[Token]] = [[] for _ in sents]
    k = 0
    for t in tokens:
        while k < len(sents) and t.start >= sents[k].end:
            k += 1
        if k < len(sents) and t.start >= sents[k].start:
            per[k].append(t)
    return per


def _context(sents: list[Sentence], trigs: list[triggers.Trigger]) -> set[int]:
    """Sentences worth reading closely: those with a trigger, the one before each (its date or
    group may carry over), and the first paragraph (headline and lead name the main place)."""
    keep = {i for i, s in enumerate(sents) if s.paragraph == sents[0].paragraph} if sents else set()
    for t in trigs:
        keep.update((t.sentence - 1, t.sentence) if t.sentence > 0 else (t.sentence,))
    return keep


def _masked(text: str, sents: list[Sentence], keep: set[int]) -> str:
    """``text`` with every sentence outside ``keep`` blanked (same length, so offsets still hold)."""
    parts, cut = [], 0
    for i, s in enumerate(sents):
        if i in keep:
            continue
        parts.append(text[cut : s.start])
        parts.append(_BLANK.sub(" ", s.text))
        cut = s.end
    parts.append(text[cut:])
    return "".join(parts)


def _date(p: Parsed, si: int, pos: int, etype: str) -> tuple[str, str, bool, bool]:
    """(date, words, explicit year?, from a cue?) for a trigger at ``pos`` in sentence ``si``."""
    a = p.anchor
    assert a is not None

    def usable(ms: list[dates.DateMention]) -> list[dates.DateMention]:
        return [m for m in ms if not m.ignored and (etype == "policy" or not m.act)
                and (v := dates.resolve(m, a)) is not None and dates.plausible(v, a)]

    here = usable(p.dates[si])
    specific = [m for m in here if m.kind not in dates.VAGUE]
    pick = min(specific or here, key=lambda m: abs(m.start - pos), default=None)
    if pick is None and si > 0 and p.sentences[si - 1].paragraph == p.sentences[si].paragraph:
        prev = [m for m in usable(p.dates[si - 1]) if m.kind not in dates.VAGUE]
        pick = prev[-1] if prev else None
    if pick is None:
        return a.month_or_year(), "publication date", False, False
    return dates.resolve(pick, a) or a.month_or_year(), pick.text, pick.explicit_year, True


def _build(p: Parsed, trig: triggers.Trigger) -> dict[str, Any] | None:
    si, sub = trig.sentence, trig.subtype
    etype = triggers.subtypes()[sub]
    sent, toks, pos = p.sentences[trig.sentence], p.tokens[si], trig.hit.start
    date, date_why, explicit, cued = _date(p, si, pos, etype)
    if p.anchor is not None and p.anchor.weak and not explicit:
        return None  # only the collection date: no year the text supports (codebook: no event)
    grp = locate.group(p.groups[si], p.people_after)
    if not grp and si > 0 and p.sentences[si - 1].paragraph == sent.paragraph:
        grp = locate.group(p.groups[si - 1], p.people_after)
    w = locate.where(etype, sub, pos, p.places[si], p.actors[si], grp, p.host, p.country_counts)
    if w.country is None:
        return None
    actors = locate.actor_codes(p.actors[si], etype, w.country)
    if etype == "diplomatic" and not grp:
        grp = [w.country]
    st_hits = status.cues(toks, p.lang)
    citizen_of = _citizen_of(p, si, st_hits)
    st, st_why = status.decide(st_hits, citizen_of, w.country, sub)
    if st == "naturalized" and w.country in grp:
        grp = [g for g in grp if g != w.country]  # "naturalized Russians": origin not stated
    cnt = counts.best(counts.find(p.doc.text, toks, p.lang)) if etype in ("enforcement", "status", "recruitment") else None
    people = [x for x in p.persons if sent.start <= x.start < sent.end and not x.excluded]
    names = list(dict.fromkeys(x.name for x in people))
    cert, cert_hit = hedges.certainty(hedges.cues(toks, p.lang), sub)
    ev: dict[str, Any] = {
        "doc_id": p.doc.doc_id, "type": etype, "subtype": sub, "date": date, "country": w.country,
        "admin1": w.admin1, "place": w.place, "group": grp, "status": st,
        "count": cnt.value if cnt else None, "count_qualifier": cnt.qualifier if cnt else None,
        "fatalities": cnt.value if cnt and sub == "death_in_custody" else None,
        "actors": actors, "persons": names, "certainty": cert, "evidence": [sent.text], "claims": [],
        "incident": None,
    }
    ex = {
        "type": (triggers.detect, trig.hit.pattern), "subtype": (triggers.detect, p.doc.text[trig.hit.start:trig.hit.end]),
        "date": (dates.find, date_why), "country": (locate.where, w.why), "admin1": (locate.where, w.why),
        "place": (locate.where, w.why), "group": (locate.group, ", ".join(g.surface for g in p.groups[si])),
        "status": (status.decide, st_why or "default for the subtype"),
        "count": (counts.find, cnt.text if cnt else ""), "count_qualifier": (counts.find, cnt.text if cnt else ""),
        "fatalities": (counts.find, cnt.text if cnt else ""),
        "actors": (locate.actor_codes, ", ".join(a.surface for a in p.actors[si])),
        "persons": (persons.find, ", ".join(x.surface for x in people)),
        "certainty": (hedges.certainty, cert_hit.pattern if cert_hit else "stated as fact"),
    }
    ev["explain"] = {k: {"component": name_of(fn), "text": why} for k, (fn, why) in ex.items() if ev.get(k) not in (None, [])}
    ev["_cued"] = cued
    return ev


def _citizen_of(p: Parsed, si: int, st_hits: list[Any]) -> list[str]:
    """Countries whose citizens the sentence names ("Russian citizens", "граждан Киргизии")."""
    words = [h for h in st_hits if h.label == "citizen_word"]
    out: list[str] = []
    for g in p.groups[si]:
        if any(abs(h.start - g.end) <= 3 or abs(g.start - h.end) <= 3 for h in words):
            out.extend(c for c in g.countries if c not in out)
    return out


def _compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["subtype"] != b["subtype"] or a["country"] != b["country"]:
        return False
    if a["admin1"] and b["admin1"] and a["admin1"] != b["admin1"]:
        return False
    if a["count"] and b["count"] and a["count"] != b["count"] and not (a["count_qualifier"] != "exact" or b["count_qualifier"] != "exact"):
        return False
    if a["_cued"] and b["_cued"]:
        n = min(len(a["date"]), len(b["date"]))
        if a["date"][:n] != b["date"][:n]:
            return False
    ta, tb = set(a["persons"]), set(b["persons"])
    return not (ta and tb and not ta & tb and a["subtype"] not in ("advisory", "statement", "protest"))


@component("dw.extract.merge.v1")
def merge(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fold events that report the same action (same subtype, country, compatible place/date/count)."""
    out: list[dict[str, Any]] = []
    for ev in events:
        into = next((o for o in out if _compatible(o, ev)), None)
        if into is None:
            out.append(ev)
            continue
        if ev["_cued"] and (not into["_cued"] or len(ev["date"]) > len(into["date"])):
            into["date"], into["_cued"] = ev["date"], True
            into["explain"]["date"] = ev["explain"]["date"]
        for key in ("admin1", "place"):
            if into[key] is None and ev[key] is not None and ev["country"] == into["country"]:
                into[key] = ev[key]
                into["explain"][key] = ev["explain"][key]
        for key in ("group", "actors", "persons", "evidence"):
            into[key] = into[key] + [x for x in ev[key] if x not in into[key]]
        if into["status"] == "unknown" and ev["status"] != "unknown":
            into["status"] = ev["status"]
        best = counts.best([c for c in (_as_count(into), _as_count(ev)) if c])
        if best:
            into["count"], into["count_qualifier"] = best.value, best.qualifier
            if into["subtype"] == "death_in_custody":
                into["fatalities"] = best.value
        if ev["certainty"] == "reported":
            into["certainty"] = "reported"
    return out


def _as_count(ev: dict[str, Any]) -> counts.Count | None:
    return counts.Count(0, 0, "", ev["count"], ev["count_qualifier"]) if ev["count"] else None


@component("dw.extract.events.v1")
def extract_events(doc: Document) -> list[dict[str, Any]]:
    """The codebook events of one document, each with an ``explain`` key (field -> component, words)."""
    p = parse(doc)
    if p is None or p.anchor is None:
        return []
    built = [e for e in (_build(p, t) for t in p.triggers) if e is not None]
    events = merge(built)
    for ev in events:
        ev.pop("_cued")
        ev["claims"] = claims.find(ev["evidence"], p.lang, ev["certainty"] == "alleged")
        if ev["count"] is None and ev["type"] != "diplomatic" and ev["persons"] and ev["type"] != "policy":
            ev["count"], ev["count_qualifier"] = len(ev["persons"]), "exact"
            ev["explain"]["count"] = {"component": name_of(persons.find), "text": ", ".join(ev["persons"])}
    return [{k: ev[k] for k in FIELDS} | {"explain": ev["explain"]} for ev in events]
