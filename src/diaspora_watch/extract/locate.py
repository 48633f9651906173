"""Where an event happened, who it targeted and who acted, from the geo mentions near its trigger.

Codebook section 3: ``country`` is where it happened, but for policy and diplomatic events the
acting state; ``admin1``/``place`` come from the most precise place named; ``group`` is the
targeted people's national origin; ``actors`` are ``CC:AGENCY`` codes, an unqualified agency
("police") taking the event's country.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from diaspora_watch.extract import morph
from diaspora_watch.extract.components import component
from diaspora_watch.extract.gazetteer import is_cyrillic, phrase_keys
from diaspora_watch.extract.lexicon import load, words

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


MAIN_GROUP_SHARE = 0.6
STATE_AFTER_CHARS = 40
#: How many words before a place a war word makes it the theatre of war ("to fight in Ukraine").
THEATRE_WINDOW = 4


def not_origins(places: list[Any], tokens: list[Any], lang: str, text: str = "") -> list[Any]:
    """``places`` that can locate an event: not someone's home town ("a Dushanbe resident",
    "уроженец Баку", "a construction worker from the Vahdat district", "Asanov, from the Issyk-Kul
    region,"; ``text``, which the tokens index, shows the comma). Names of buildings and businesses
    are no places at all (see ``places``)."""
    lex = load("locate", lang if lang in ("en", "ru") else "en")
    after, before = set(lex["origin_after"]), set(lex["origin_before"])
    starts = [t.start for t in tokens]
    out = []
    origin_end = -1  # the last token of the origin just dropped: "from Uzbekistan and Tajikistan" are both
    for p in places:
        i, j = bisect_left(starts, p.start), bisect_left(starts, p.end)
        listed = i >= 2 and tokens[i - 1].key in _AND_WORDS and origin_end == i - 2
        if (listed or j < len(tokens) and tokens[j].key in after or any(t.key in before for t in tokens[max(0, i - 2) : i])
                or _origin_link(tokens, i, lang, text)):
            origin_end = j - 1
            continue
        out.append(p)
    return out


_AND_WORDS = frozenset({"and", "or", "и", "или"})


@lru_cache(maxsize=4)
def _people_nouns(lang: str) -> frozenset[str]:
    """Last words of the people nouns of ``groups`` ("worker", "рабочий")."""
    return frozenset(keys[-1] for w in load("groups", lang)["people_nouns"] for keys in phrase_keys(w) if keys)


def _origin_link(tokens: list[Any], i: int, lang: str, text: str) -> bool:
    """The place at token ``i`` follows an origin link ("from", "из", and "the") that itself follows
    a person: a people noun ("a worker from") or a name set off by a comma ("Asanov, from"). After a
    verb the link is a route, not an origin ("deported from Moscow")."""
    links = words("locate", lang, "origin_links")
    k = i - 1
    if k >= 0 and tokens[k].key == "the":
        k -= 1
    if k < 1 or tokens[k].key not in links:
        return False
    prev = tokens[k - 1]
    return prev.key in _people_nouns(lang) or prev.text[:1].isupper() and text[prev.end : tokens[k].start].strip() == ","


@lru_cache(maxsize=4)
def _recipient_cues(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    lex = load("locate", lang if lang in ("en", "ru") else "en")
    return frozenset(lex.get("recipient_verbs", [])), frozenset(lex.get("recipient_links", []))


CONTACT_WINDOW = 3
#: How many words before an agency a verb of sending still governs it ("to report any pressure to
#: sign military contracts to the embassy").
RECIPIENT_WINDOW = 10


def not_contacted(actors: list[Any], tokens: list[Any], lang: str) -> list[Any]:
    """``actors`` without the bodies people are told to turn to ("contact the embassy",
    "связываться с посольством"), that a note is sent to ("sent a note to the Ministry of
    Foreign Affairs", "направило в МИД РФ ноту") or that hear an account ("told investigators"):
    the act is someone else's."""
    kept = _without_cue_before(actors, tokens, words("locate", lang, "contact_before"), CONTACT_WINDOW)
    return [a for a in kept if not _addressed(a, tokens, lang) and not _hearer(a, tokens, lang) and not _summoned(a, tokens, lang)]


def _summoned(actor: Any, tokens: list[Any], lang: str) -> bool:
    """``actor`` is the envoy a verb of summoning just before it calls in ("summoned Russia's
    ambassador", "вызвал российского посла"): the summoned state does not act. A link between
    them makes the agency where the envoy is called to ("was summoned to the Foreign Ministry",
    "вызван в МИД"), which does act."""
    i = bisect_left([t.start for t in tokens], actor.start)
    _, links = _recipient_cues(lang)
    for t in reversed(tokens[max(0, i - CONTACT_WINDOW) : i]):
        if t.key in links:
            return False
        if t.key in words("locate", lang, "summon_verbs"):
            return True
    return False


def _hearer(actor: Any, tokens: list[Any], lang: str) -> bool:
    """``actor`` right after a verb of telling ("told investigators", "told the police"): it hears
    an account of the act, it does not carry it out."""
    return _just_after(actor, tokens, words("locate", lang, "hearer_before"))


def not_empowered(actors: list[Any], tokens: list[Any], lang: str) -> list[Any]:
    """``actors`` of a law or proposal without the bodies the measure empowers ("a bill that would
    let the Interior Ministry expel migrants"): the legislature or government makes it."""
    return [a for a in actors if not _just_after(a, tokens, words("locate", lang, "empowered_before"))]


def _just_after(actor: Any, tokens: list[Any], words: frozenset[str]) -> bool:
    """``actor`` right after one of ``words`` ("the" may come between)."""
    i = bisect_left([t.start for t in tokens], actor.start)
    k = i - 1 if i > 0 and tokens[i - 1].key == "the" else i
    return k > 0 and tokens[k - 1].key in words


def _addressed(actor: Any, tokens: list[Any], lang: str) -> bool:
    """``actor`` follows a link ("to", "в", "к"; "the" may come between) that follows, within
    ``RECIPIENT_WINDOW`` words, a verb of sending or handing over."""
    verbs, links = _recipient_cues(lang)
    i = bisect_left([t.start for t in tokens], actor.start)
    k = i - 1 if i > 0 and tokens[i - 1].key == "the" else i
    if k < 1 or tokens[k - 1].key not in links:
        return False
    return any(t.key in verbs for t in tokens[max(0, i - RECIPIENT_WINDOW) : k - 1])


def corefer(actors: list[Any]) -> list[Any]:
    """An agency named with no state ("the Ministry of Foreign Affairs sent a request") is the one
    of that kind the text named last with its state ("the Ministry of Foreign Affairs of
    Kyrgyzstan"). ``actors`` are in text order."""
    last: dict[str, str] = {}
    out = []
    for a in actors:
        if a.country:
            last[a.agency] = a.country
        elif a.agency in last:
            a = replace(a, country=last[a.agency])
        out.append(a)
    return out


#: What may stand between an agency and the state named after it: "of another Central Asian
#: state, ", a comma or a dash (an apposition), or Russian genitive words ("другой страны –").
_QUALIFIER_GAP = re.compile(r"^\s*(?:of\b|,|[–—-])", re.IGNORECASE)
_VERBAL = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


def state_after(actors: list[Any], places: list[Any], text: str) -> list[Any]:
    """Give an agency of no stated state the country named just after it, in the same clause
    ("the Prosecutor-General's Office of another Central Asian state, Uzbekistan"). A verb in
    between makes the country part of what the agency says or does ("the Foreign Ministry advised
    citizens living in Russia"), not its state."""
    out = []
    for a in actors:
        if a.country is None:
            after = [p for p in places if p.level == "country" and 0 <= p.start - a.end <= STATE_AFTER_CHARS
                     and not any(c in text[a.end : p.start] for c in ".;:()") and _qualifier_gap(text[a.end : p.start])]
            if after:
                a = replace(a, country=after[0].country)
        out.append(a)
    return out


def _qualifier_gap(gap: str) -> bool:
    """``gap`` can join an agency to its state: it opens like a qualifier (English) or holds no
    verb (Russian, where the genitive needs no preposition)."""
    if _QUALIFIER_GAP.match(gap):
        return True
    words = re.findall(r"\w+", gap)
    if not words or not all(is_cyrillic(w) for w in words):
        return False
    return not any(morph.analyzer().parse(w.lower())[0].tag.POS in _VERBAL for w in words)


def as_states(places: list[Any], tokens: list[Any], lang: str, text: str) -> tuple[list[Any], list[Any]]:
    """The capitals of a sentence that stand for their states: (acting, addressed). Only a
    sentence naming a capital is read."""
    capitals = _capitals()
    if not any(p.admin1 in capitals for p in places):
        return [], []
    return acting_capitals(places, tokens, lang, text), addressed_capitals(places, tokens, lang)


def acting_capitals(places: list[Any], tokens: list[Any], lang: str, text: str) -> list[Any]:
    """Capitals that stand for their state as the subject of a state's verb ("Baku summoned the
    Russian ambassador", "Moscow has responded", "Астана направила ноту"): the state acts, and
    nothing happened in the city. After a preposition ("in Moscow", "в Баку") a capital is a
    place, and so is one set off by commas ("a court in the Kyrgyz capital, Bishkek, said")."""
    capitals = _capitals()
    verbs, aux, preps = words("locate", lang, "state_verbs"), words("locate", lang, "state_verb_aux"), words("locate", lang, "place_prepositions")
    starts = [t.start for t in tokens]
    out = []
    for p in places:
        if p.level != "city" or p.admin1 not in capitals or p.demonym or getattr(p, "site", False):
            continue
        i, j = bisect_left(starts, p.start), bisect_left(starts, p.end)
        if i > 0 and tokens[i - 1].key in preps:
            continue
        while j < len(tokens) and tokens[j].key in aux:
            j += 1
        if j < len(tokens) and tokens[j].key in verbs and "," not in text[p.end : tokens[j].start]:
            out.append(p)
    return out


#: How many words before its link a word of addressing still governs a capital ("demanded an explanation from Moscow").
ADDRESS_WINDOW = 3


def addressed_capitals(places: list[Any], tokens: list[Any], lang: str) -> list[Any]:
    """Capitals that stand for their state as the one a state addresses ("urged Moscow to
    investigate the deaths", "protested to Moscow", "demanded an explanation from Moscow",
    "выразил протест Москве", "потребовал от Москвы") or as the source of an account ("по
    информации Баку, девять человек были задержаны", "according to Baku", "Moscow's account of the
    deaths"): no place of the deaths."""
    capitals = _capitals()
    cues, links = words("locate", lang, "address_words") | words("locate", lang, "source_words"), words("locate", lang, "addressed_links")
    accounts = words("locate", lang, "account_nouns")
    starts = [t.start for t in tokens]
    out = []
    for p in places:
        if p.level != "city" or p.admin1 not in capitals or p.demonym or getattr(p, "site", False):
            continue
        k, j = bisect_left(starts, p.start) - 1, bisect_left(starts, p.end)
        if k >= 0 and (tokens[k].key in cues or tokens[k].key in links and any(
                t.key in cues for t in tokens[max(0, k - ADDRESS_WINDOW) : k])):
            out.append(p)
        elif j + 1 < len(tokens) and tokens[j].key == "s" and tokens[j + 1].key in accounts:
            out.append(p)  # "Moscow's account of the deaths": the state's word
    return out


def acting_before(capitals: list[Any], pos: int) -> list[Any]:
    """The ``capitals`` that can be the subject of the act whose trigger is at ``pos``: those
    before it ("Baku summoned ... and cancelled"), not one acting in a later clause ("warned
    citizens ... after Moscow announced a mobilization")."""
    return [c for c in capitals if c.end <= pos]


def settings(places: list[Any], tokens: list[Any], lang: str, text: str) -> list[Any]:
    """The towns and regions that set the sentence before (``places``, ``tokens``), for one that
    names no place: "He died in a temporary detention facility two days later" happened where the
    arrest it follows did -- not in anyone's home town or in the war he went to."""
    kept = off_theatre(not_origins(places, tokens, lang, text), tokens, lang)
    return [p for p in kept if p.level in ("city", "admin1") and not _dateline(p)]


#: How many words before its link a verb of sending still governs a destination ("were deported
#: by a court order to Dushanbe").
DESTINATION_WINDOW = 6


#: How many words before its link a word of arriving still governs a place ("arrived back in Dushanbe").
ARRIVAL_WINDOW = 3


def not_destinations(places: list[Any], tokens: list[Any], lang: str, groups: list[str] | None = None) -> list[Any]:
    """``places`` without where people were sent ("deported to Dushanbe from Novosibirsk",
    "выдворили в Ташкент", "в Душанбе был отправлен рейс"): a deportation happens where it
    starts, not where the deported arrive ("detained on arrival in Bishkek"). A Russian place after
    "в" in the locative ("депортировали в Москве") is where it happened, not the destination. Nor is
    a deportation of a people (``groups``) set in their own country: that is where they were sent
    ("180 Tajiks ... landed in Dushanbe")."""
    verbs, links = words("locate", lang, "destination_verbs"), words("locate", lang, "destination_links")
    arrivals, at = words("locate", lang, "arrival_words"), words("locate", lang, "arrival_links")
    departures = words("locate", lang, "departure_links")
    starts = [t.start for t in tokens]
    # the last tokens of the places a departure link comes before ("из Нижнего Новгорода")
    departed = {bisect_left(starts, q.end) - 1 for q in places
                if (f := bisect_left(starts, q.start)) > 0 and tokens[f - 1].key in departures}
    out = []
    for p in places:
        if groups and p.country in groups:
            continue
        i = bisect_left(starts, p.start)
        k = i - 1 if i > 0 and tokens[i - 1].key == "the" else i
        linked = k > 0 and tokens[k - 1].key in links
        before = tokens[max(0, k - 1 - DESTINATION_WINDOW) : k - 1]
        # "из Новосибирска в Душанбе": a place of departure, then the link, then this place
        sent = linked and (k - 2 in departed or any(t.key in verbs for t in before))
        if not sent and k > 0 and tokens[k - 1].key in at and any(t.key in arrivals for t in before[-ARRIVAL_WINDOW:]):
            continue  # "detained on arrival in Bishkek", "по прилёте в Бишкек": where the deported landed
        if sent and lang == "ru" and i < len(tokens) and morph.analyzer().parse(tokens[i].text.lower())[0].tag.case == "loct":
            sent = False
        if not sent and linked and lang == "ru":
            # Russian puts the verb after: "в Таджикистан были депортированы" (never a locative form)
            j = bisect_left(starts, p.end)
            sent = any(t.key in verbs for t in tokens[j : j + DESTINATION_WINDOW]) and not any(
                q.tag.case == "loct" for q in morph.analyzer().parse(tokens[i].text.lower()))
        if not sent:
            out.append(p)
    return out


def not_missions(places: list[Any], actors: list[Any], text: str) -> list[Any]:
    """``places`` that are no diplomatic mission's state or seat: "МИД Таджикистана",
    "Tajikistan's Foreign Ministry" say whose envoy speaks, and "the Russian ambassador in
    Dushanbe", "посольство России в Баку" where he sits (when the sentence names another town or
    region), not where an arrest or a death he speaks of happened."""
    missions = [a for a in actors if a.agency in DIPLOMATIC]
    owners = [p for p in places if any(_owner_of(a, p, text) for a in missions)]
    seats = [p for p in places if p.level == "city" and any(_SEAT_GAP.match(text[a.end : p.start]) for a in missions)]
    # a foreign ministry sits at home and tells of acts abroad ("The Foreign Ministry in Baku
    # summoned the chargé over Friday's raids"): its seat is never where they happened
    home = [p for p in seats if any(a.agency == "MFA" and _SEAT_GAP.match(text[a.end : p.start]) for a in missions)]
    kept = [p for p in places if p not in owners and p not in home]
    if any(p.level in ("city", "admin1") and p not in seats for p in kept):
        kept = [p for p in kept if p not in seats]
    return kept


#: Between a diplomatic agency and the town it sits in: "the Russian ambassador in Dushanbe", "посольство России в Баку".
_SEAT_GAP = re.compile(r"^\s+(?:in|at|в|во)\s+(?:the\s+)?$", re.IGNORECASE)
#: Between a diplomatic agency and its state named after it: "МИД Таджикистана", "the Embassy of Kyrgyzstan".
_OWNER_GAP = re.compile(r"^\s+(?:of\s+(?:the\s+)?)?$", re.IGNORECASE)


def _owner_of(agency: Any, p: Any, text: str) -> bool:
    """``p`` names the state of ``agency``: inside its name ("Tajikistan's Foreign Ministry") or
    just after it."""
    return p.level == "country" and (agency.start <= p.start and p.end <= agency.end
                                     or p.start >= agency.end and bool(_OWNER_GAP.match(text[agency.end : p.start])))


def recruiting_army(groups: list[Any], places: list[Any], actors: list[Any], tokens: list[Any], lang: str) -> str | None:
    """The state whose army a recruitment sentence names ("recruited into the Russian army", "в
    российскую армию", "армии России", "a contract with the Russian Defence Ministry"): the
    recruiting happens in that state's service, wherever the report is filed from."""
    nouns = words("locate", lang, "army_words")
    starts = [t.start for t in tokens]
    for g in groups:
        j = bisect_left(starts, g.end)
        if g.kind == "adjective" and len(g.countries) == 1 and j < len(tokens) and tokens[j].key in nouns:
            return g.countries[0]
    for p in places:
        i = bisect_left(starts, p.start)
        if p.level == "country" and i > 0 and tokens[i - 1].key in nouns:
            return p.country
    return next((a.country for a in actors if a.agency == "MOD" and a.country), None)


def off_theatre(places: list[Any], tokens: list[Any], lang: str) -> list[Any]:
    """``places`` without those named as the theatre of a war ("recruited to fight in Ukraine",
    "для участия в спецоперации на Украине"); a town after an operation is where the police
    operation was ("провели операцию в Казани")."""
    kept = _without_cue_before(places, tokens, words("locate", lang, "war_words"), THEATRE_WINDOW)
    ops = words("locate", lang, "operation_words")
    return [p for p in kept if p.level == "city" or _without_cue_before([p], tokens, ops, THEATRE_WINDOW)]


#: How many words after a town a word for a gathering makes the town part of its name.
VENUE_WINDOW = 3


def not_venues(places: list[Any], tokens: list[Any], lang: str) -> list[Any]:
    """``places`` that do not name a gathering ("told the St. Petersburg International Legal
    Forum", "the Moscow Security Conference"): where an official spoke of raids across the
    country is not where they happened."""
    venues = words("locate", lang, "venue_words")
    starts = [t.start for t in tokens]
    return [p for p in places
            if not any(t.key in venues for t in tokens[bisect_left(starts, p.end) : bisect_left(starts, p.end) + VENUE_WINDOW])]


def _without_cue_before(mentions: list[Any], tokens: list[Any], cues: frozenset[str], window: int) -> list[Any]:
    """``mentions`` none of whose ``window`` preceding tokens is one of ``cues``."""
    starts = [t.start for t in tokens]
    out = []
    for m in mentions:
        i = bisect_left(starts, m.start)
        if not any(t.key in cues for t in tokens[max(0, i - window) : i]):
            out.append(m)
    return out


def _near(mentions: list[Any], pos: int) -> list[Any]:
    return sorted(mentions, key=lambda m: abs(m.start - pos))


#: How near an act's trigger a state named by its adjective is still where the act happened
#: ("held in Russian detention centres", "died in Russian custody").
WEAK_STATE_CHARS = 40


@component("dw.extract.locate.v1")
def where(etype: str, subtype: str, pos: int, places: list[Any], actors: list[Any], groups: list[str],
          doc_host: str | None, doc_counts: Counter[str] | None = None, filed_in: str | None = None,
          capitals: list[Any] | None = None) -> Where:
    """Country, admin1 and place of an event whose trigger is at ``pos``, from its sentence's mentions.

    Among several countries a sentence names, the one the document names most wins: "Tajik
    migrants in Russia ... to fight in Ukraine" happened in Russia. ``filed_in`` is the state
    of the document's dateline: the home of a ministry it names without a state. ``capitals``
    stand for their states (:func:`acting_capitals`): they act in a diplomatic or policy event
    and are no place of any event.
    """
    capitals = capitals or []
    places = [p for p in places if not _dateline(p) and p not in capitals]
    freq = doc_counts or Counter()
    if etype in STATE_EVENT_TYPES and (subjects := acting_before(capitals, pos)):
        return Where(subjects[-1].country, None, None, f"{subjects[-1].surface}, standing for its state")
    if etype == "diplomatic":
        return _acting_state(subtype, places, actors, groups, doc_host, filed_in, pos)
    if subtype == "prosecution_for_service":
        # A state tries its own citizen for fighting abroad: the court's state, else the group's.
        judging = [a for a in _near(actors, pos) if a.country and a.agency not in DIPLOMATIC]
        state = judging[0].country if judging else (groups[0] if groups else None)
        if state:
            own = [p for p in _near(places, pos) if p.level in ("city", "admin1") and p.country == state]
            if own:
                return Where(state, own[0].admin1, shown(own[0]), own[0].surface)
            return Where(state, None, None, judging[0].surface if judging else "the group's own state")
    if etype == "policy":
        return _enacting_state(places, actors, doc_host)
    # a town its people name ("Muscovites") only when the sentence names no town itself
    local = sorted((p for p in _near(places, pos) if p.level in ("city", "admin1")), key=lambda p: p.demonym)
    if local:
        # the most precise place of the region named nearest: "the Moscow region town of Lyubertsy",
        # "на Казанском вокзале в Москве" (a site, then a town, then the region; the nearest first)
        same = [c for c in local if c.admin1 == local[0].admin1 and c.demonym == local[0].demonym]
        p = min(same, key=lambda c: (not getattr(c, "site", False), c.level != "city"))
        return Where(p.country, p.admin1, shown(p), p.surface)
    states = sorted((p for p in _near(places, pos) if p.level == "country" and p.country not in groups),
                    key=lambda p: -freq[p.country])
    located = [a for a in actors if a.country and a.agency not in DIPLOMATIC]
    # an agency that arrests or expels outweighs a state named only by its adjective away from the
    # act ("Kyrgyz GKNB officers detained a man who had served a term in a Russian prison"), not one
    # the act's own words name ("held in Russian detention centres"); in a recruitment the home
    # agencies named are mostly those telling of it ("the court said he had been recruited ...")
    weak = bool(states) and states[0].demonym and abs(states[0].start - pos) > WEAK_STATE_CHARS
    if states and not (weak and located and etype in ("enforcement", "status")):
        return Where(states[0].country, None, None, states[0].surface)
    if located:
        return Where(located[0].country, None, None, located[0].surface)
    return Where(doc_host or DEFAULT_HOST, None, None, "document's main country" if doc_host else "default host")


def _acting_state(subtype: str, places: list[Any], actors: list[Any], groups: list[str], doc_host: str | None,
                  filed_in: str | None, pos: int) -> Where:
    """The state of a diplomatic act: its ministry's or embassy's, else the state named as its
    subject ("Tajikistan has advised its citizens"), else the state of the people it addresses (a
    state advises its own nationals), else, for a ministry named with no state, the state the
    document is filed from, else the state the sentence names."""
    acting = [a for a in actors if a.agency in DIPLOMATIC_ACTORS and a.country]
    if subtype == "protest":
        acting.sort(key=lambda a: a.agency != "MFA")
    if acting:
        return Where(acting[0].country, None, None, acting[0].surface)
    if subject := _subject_state(places, pos):
        return Where(subject.country, None, None, f"{subject.surface}, the subject of the act")
    if groups:
        return Where(groups[0], None, None, "the state of the people addressed")
    unnamed = [a for a in actors if a.agency in DIPLOMATIC_ACTORS]
    if unnamed and (filed_in or doc_host):
        return Where(filed_in or doc_host, None, None, f"{unnamed[0].surface}, of the document's state")
    states = [p for p in places if p.level == "country"]
    if states:
        return Where(states[0].country, None, None, states[0].surface)
    return Where(None, None, None, "")


#: How far before a diplomatic act's verb a state's name is its subject ("Tajikistan has advised").
SUBJECT_STATE_CHARS = 20


def _subject_state(places: list[Any], pos: int) -> Any:
    """A state named by its name (not its adjective) just before the act's verb acts itself."""
    before = [p for p in places if p.level == "country" and not p.demonym and 0 <= pos - p.end <= SUBJECT_STATE_CHARS]
    return max(before, key=lambda p: p.end) if before else None


def _enacting_state(places: list[Any], actors: list[Any], doc_host: str | None) -> Where:
    """The state of a law, proposal or ruling: the one whose legislature, government or court acts.
    A ministry or embassy that informs about a law does not make it its own ("Посольство
    Узбекистана в России информирует, что вступает в силу Федеральный закон"): its state counts
    only when the sentence names no other."""
    makers = [a for a in actors if a.country and a.agency not in DIPLOMATIC]
    if makers:
        seat = _seat(makers[0], places)
        if seat is not None:
            name = seat.name if seat.level == "city" and seat.surface == seat.name else None
            return Where(makers[0].country, seat.admin1, name, f"{makers[0].surface} ... {seat.surface}")
        return Where(makers[0].country, None, None, makers[0].surface)
    informing = {a.country for a in actors if a.country and a.agency in DIPLOMATIC}
    states = [p for p in places if p.level == "country"]
    others = [p for p in states if p.country not in informing]
    if others or states:
        p = (others or states)[0]
        return Where(p.country, None, None, p.surface)
    if informing:
        a = next(a for a in actors if a.country in informing)
        return Where(a.country, None, None, a.surface)
    return Where(doc_host or DEFAULT_HOST, None, None, "default host")


#: How alike a town's name as written and its gazetteer name must be to be one name spelt two
#: ways ("Sumgait" and "Sumgayit", "Nizhny" and "Nizhniy Novgorod"), not an old name ("Leningrad").
SPELLING_RATIO = 0.75


def shown(p: Any) -> str | None:
    """The ``place`` of an event set at mention ``p``: a town's name as the text spells it when it
    spells the gazetteer's name another way (coders copy the text), else the gazetteer's name;
    None for a region or a state."""
    if p.level != "city":
        return None
    written = p.surface
    if (written != p.name and not getattr(p, "site", False) and len(written.split()) == len(p.name.split())
            and SequenceMatcher(None, written.lower(), p.name.lower()).ratio() >= SPELLING_RATIO):
        return written
    return p.name


#: How far after a body's name its seat may be named: "the governor of Kaluga Oblast", "a court in Bishkek".
SEAT_GAP = 8


def _seat(maker: Any, places: list[Any]) -> Any | None:
    """The region or town a regional body's name gives ("the Sverdlovsk Regional Court", "the
    governor of Kaluga Oblast"): a regional act happens there; a federal body names none."""
    for p in places:
        if p.level in ("city", "admin1") and p.country == maker.country and (
                maker.start <= p.start and p.end <= maker.end or 0 < p.start - maker.end <= SEAT_GAP):
            return p
    return None


def filed_from(places: list[Any]) -> str | None:
    """The state of a document's dateline ("DUSHANBE, November 6 (Agency) -"), if it opens with one."""
    first = next(iter(places), None)
    return first.country if first is not None and _dateline(first) else None


def _dateline(p: Any) -> bool:
    """"DUSHANBE —" opens a wire story: where it was filed, not where anything happened ("ХМАО",
    written so in the gazetteer, is a region)."""
    return bool(getattr(p, "dateline", False))


def host(places: list[Any]) -> str | None:
    """The country most of a document's towns and regions lie in (a dateline is only where the
    report was filed)."""
    c = Counter(p.country for p in places if p.level in ("city", "admin1") and not _dateline(p))
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
        if m.kind == "people" or m.kind == "adjective" and followers.get(m.start) == "people":
            out.extend(c for c in m.countries if c not in out)
    return sorted(out)


def not_agencies(mentions: list[Any], actors: list[Any]) -> list[Any]:
    """Group ``mentions`` that are no agency's qualifier: "Russian" in "the Russian Ambassador to
    Tajikistan" names whose ambassador, not a people the act concerns."""
    return [m for m in mentions if not any(a.start <= m.start and m.end <= a.end for a in actors)]


def main_group(mentions: list[Any]) -> tuple[str, ...]:
    """The people a whole document is about, when one group dominates its mentions of people
    ("Azerbaijanis" throughout a report on a raid): sentences that name nobody concern them.
    Empty when no group has most of the mentions."""
    c = Counter(m.countries for m in mentions if m.kind == "people")
    if not c:
        return ()
    top, n = c.most_common(1)[0]
    return tuple(sorted(top)) if n >= MAIN_GROUP_SHARE * sum(c.values()) and n >= 2 else ()


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    return frozenset(load("locate", "common")["capital_regions"])


def main_admin1(places: list[Any]) -> str | None:
    """The region a document is set in, when most of its towns and regions lie in one (not a
    capital: a report that keeps naming the capital may only be naming the government; not an
    airport's or a market's: a site is where one act happened). A dateline counts here: a
    regional report is filed from its region ("Челябинск, 24 июля. ... в регионе")."""
    capitals = _capitals()
    c = Counter(p.admin1 for p in places if p.level in ("city", "admin1") and p.admin1 and not getattr(p, "site", False))
    if c and c.most_common(1)[0][0] in capitals:
        return None  # "Moscow", "Baku" stand for governments as often as for cities
    if not c:
        return None
    top, n = c.most_common(1)[0]
    return top if n >= MAIN_GROUP_SHARE * sum(c.values()) and n >= 2 else None


def main_town(places: list[Any], admin1: str | None) -> str | None:
    """The town a report set in ``admin1`` keeps naming, when it names no other town there
    ("Красноярск, 1 ноября. ... на одной из строек города"): the place of its acts that name none."""
    towns = [p.name for p in places if p.admin1 == admin1 and p.level == "city" and not getattr(p, "site", False)]
    return towns[0] if admin1 and len(towns) >= 2 and len(set(towns)) == 1 else None


@component("dw.extract.actors.v1")
def actor_codes(mentions: list[Any], etype: str, country: str | None, subtype: str = "") -> list[str]:
    """``CC:AGENCY`` codes of the bodies acting in an event (NGOs stay ``NGO:NAME``)."""
    out: list[str] = []
    for a in mentions:
        if a.agency.startswith("NGO:"):
            if etype not in STATE_EVENT_TYPES:
                continue  # raids, bans, recruitment are state acts: an NGO there reports or helps
            code = a.agency
        else:
            cc = a.country or country
            if cc is None:
                continue
            if etype == "diplomatic" and (cc != country or a.agency not in DIPLOMATIC_ACTORS):
                continue
            if etype == "policy" and a.agency in DIPLOMATIC and cc != country:
                continue  # an embassy that tells of another state's law takes no part in it
            if etype not in STATE_EVENT_TYPES and (a.agency in DIPLOMATIC or cc != country):
                continue
            code = a.code(cc)  # the state's own name for the body ("migration service": AZ:MIGRATION)
        if code not in out:
            out.append(code)
    if subtype == "protest" and f"{country}:MFA" in out:
        # The ministry protests; an embassy named beside it is the one summoned, or its channel.
        out = [c for c in out if c != f"{country}:EMBASSY"]
    return out


@lru_cache(maxsize=4)
def _collective(lang: str) -> tuple[re.Pattern[str] | None, dict[str, tuple[str, ...]], dict[str, int]]:
    """A pattern for several states named as one ("Central Asian governments"), the states of
    each region name or adjective, and the number words."""
    lang = lang if lang in ("en", "ru") else "en"
    nouns = load("locate", lang).get("collective_nouns", [])
    groups = load("groups", lang)
    regions: dict[str, tuple[str, ...]] = {}
    for g in groups["groups"]:
        if len(g["countries"]) > 1:
            regions.update((w.lower(), tuple(g["countries"])) for w in g["adjective"])
    for r in groups["regions"]:
        regions.update((w.lower(), tuple(r["countries"])) for w in r["names"])
    numbers = {k.lower(): int(v) for k, v in load("counts", lang)["numbers"].items()}
    if not nouns or not regions:
        return None, regions, numbers
    alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))  # noqa: E731
    pattern = re.compile(rf"(?:\b(?P<n>{alt(numbers)}|\d+)\s+(?:[\w-]+\s+){{0,3}}?)?\b(?:(?P<adj>{alt(regions)})\s+)?"
                         rf"(?:{alt(nouns)})\b(?:\s+(?:in|of)\s+(?P<reg>{alt(regions)}))?", re.IGNORECASE)
    return pattern, regions, numbers


def collective_states(sentence: str, lang: str, named: list[str]) -> list[str]:
    """The states a sentence names as one actor ("Central Asian governments"), or []. When the
    text gives their number ("four ... republics in Central Asia") and names exactly that many
    states of the region elsewhere (``named``, in text order), those are the ones."""
    pattern, regions, numbers = _collective(lang)
    if pattern is None:
        return []
    for m in pattern.finditer(sentence):
        region = m.group("adj") or m.group("reg")
        if not region:
            continue
        states = list(regions[region.lower()])
        n = m.group("n")
        count = (int(n) if n.isdigit() else numbers.get(n.lower())) if n else None
        mine = list(dict.fromkeys(c for c in named if c in states))
        if count and count < len(states) and len(mine) == count:
            states = mine
        return states
    return []
