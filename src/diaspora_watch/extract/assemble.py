"""From one document to codebook events: run the components, build one event per trigger, merge.

Each field records which component produced it and from which words (the ``explain`` key), so
``extract --explain`` can show why an event looks the way it does.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from diaspora_watch.document import Document
from diaspora_watch.extract import claims, counts, dates, hedges, locate, merge, persons, status, triggers
from diaspora_watch.extract.components import component, name_of
from diaspora_watch.extract.parsed import Parsed, parse, titled
from diaspora_watch.extract.sentences import OPENING_QUOTES, Sentence

FIELDS = ("doc_id", "type", "subtype", "date", "country", "admin1", "place", "group", "status", "count",
          "count_qualifier", "fatalities", "actors", "persons", "certainty", "evidence", "claims", "incident")
#: How many sentences back a paragraph's date still frames an undated action ("On 19 May, ...
#: One of them said that officers came to the dormitory").
CARRY_SENTENCES = 2
COUNTED_TYPES = merge.COUNTED_TYPES
#: Subtypes that hit the same people when one sentence reports both (codebook §5: a detention
#: with charges is a detention and a criminal case, a mercenary's too; the stripped are the deported).
SHARED_COUNTS = frozenset({frozenset({"detention", "criminal_case"}), frozenset({"citizenship_revocation", "deportation"}),
                           frozenset({"detention", "prosecution_for_service"})})


def _date(p: Parsed, si: int, trig: triggers.Trigger, etype: str, cue_hits: list[Any],
          about: bool) -> tuple[str, str, bool, bool, bool, bool]:
    """(date, words, explicit year?, from a cue?, the day it was told?, carried from a sentence
    before?) for ``trig`` in sentence ``si``; ``about``: the act is another act's topic (:func:`_topic`).

    A date inside a relative clause after the trigger ("the arrests are related to a case,
    which was opened back in 2001") or inside a relative or participial clause on another word
    ("annulled the passport that he had received in 2011") dates that clause's act, not the trigger's."""
    a = p.anchor
    assert a is not None
    pos, toks = trig.hit.start, p.tokens[si]

    def usable(ms: list[dates.DateMention]) -> list[dates.DateMention]:
        return [m for m in ms if not m.ignored and (etype == "policy" or not m.act and not m.since)
                and (v := dates.resolve(m, a)) is not None and dates.plausible(v, a)]

    clauses = [h.end for h in cue_hits if h.label == "background" and h.start >= trig.hit.end]
    acts = [t.hit.first for t in p.triggers if t.sentence == si and t is not trig]
    retold = [(h.start, h.end) for h in cue_hits if h.label == "recap"]  # "as reported earlier": when it was told
    here = [m for m in usable(p.dates[si]) if not dates.stamp(m, a) and not any(c <= m.start for c in clauses)
            and not any(lo <= m.start < hi for lo, hi in retold)
            and not dates.in_clause(p.doc.text, toks, p.lang, trig.hit.first, trig.hit.last, m)
            and not dates.prior_act(p.doc.text, toks, p.lang, trig.hit.last, m, acts)]
    if about:  # "summoned the ambassador on Wednesday over the arrest of ...": Wednesday is the summons'
        here = [m for m in here if m.start >= _own_from(p, trig)]
    specific = [m for m in here if m.kind not in dates.VAGUE]
    if any(m.kind in ("weekday", "yesterday") for m in specific):
        # a wire dateline ("MOSCOW, Dec 20 (Agency) - ... on Thursday") is the publication day
        specific = [m for m in specific if not (m.kind == "absolute" and dates.resolve(m, a) == a.iso())]
    told_day = [m for m in specific if _of_telling(m, trig, cue_hits)]
    own = [m for m in specific if m not in told_day]
    if told_day and own:
        # "the ministry said on Tuesday it had revoked 1,840 citizenships in January": a statistic
        # is dated at its announcement, a single past act ("had detained him in January") at its own
        figure = all(len(dates.resolve(m, a) or "") < 10 for m in own) and _figure(p, si)
        specific = told_day if figure else own
        here = [m for m in here if m in specific or m.kind in dates.VAGUE]
    if (counted := _counted_from(p, trig, specific)) is not None:
        return counted + (False, False)
    specific = [m for m in specific if not _object_of(m, trig)]
    here = [m for m in here if not _object_of(m, trig)]
    # "A day later, on Tuesday, ...": the day named beats the offset beside it; "two days after his
    # arrest" dates the arrest's sequel only when the sentence names no day of its own
    pick = min(specific or here, key=lambda m: (_behind(p, m, specific), abs(m.start - pos)), default=None)
    # the day the act was told ("в четверг заявило, что поддерживает связь с задержанными") or
    # told in the next sentence: not a day of the act's own (a period after "noted that" is)
    lent = pick is not None and pick in told_day and len(dates.resolve(pick, a) or "") == 10
    if pick is None and not about and (told := _told(p, si)) is not None:
        # "Также гражданства были лишены двое москвичей. Об этом 16 октября заявила ...": the
        # day it was announced (codebook §3)
        pick = next((m for m in usable(p.dates[told]) if m.kind not in dates.VAGUE and not dates.stamp(m, a)), None)
        lent = pick is not None
    carried = False
    back = si
    while pick is None and not about and back > 0 and si - back < CARRY_SENTENCES and _continues(p.sentences[back - 1], p.sentences[back]):
        back -= 1
        # "По версии следствия, в марте он зарегистрировал ...": the offence's date, not a later act's
        prev = [] if _offence(p, back) else [m for m in usable(p.dates[back]) if m.kind not in dates.VAGUE and not dates.stamp(m, a)]
        # the last date told there, or its last day when that one resolves to no day ("On 8
        # November, ... as they left Friday prayers" in a bulletin dated only by its month)
        days = [m for m in prev if len(dates.resolve(m, a) or "") == 10]
        pick = days[-1] if days and days[-1] is not prev[-1] and len(dates.resolve(prev[-1], a) or "") < 10 else prev[-1] if prev else None
        carried = pick is not None
    if pick is None:
        return a.month_or_year(), "publication date", False, False, False, False
    if pick.kind in dates.NARRATIVE:
        earlier = [m for ms in p.dates[: si + 1] for m in ms]
        value = dates.resolve_later(pick, earlier, a) or a.month_or_year()
        return value, pick.text, False, True, lent, carried
    value = dates.resolve(pick, a) or a.month_or_year()
    if carried and (p.sentences[si].paragraph in p.recaps or dates.sequel(toks, p.lang)):
        value = value[:7]  # a recap, or an act that followed the one dated before ("Then ..."): its day is not told
    return value, pick.text, pick.explicit_year, True, lent, carried


def _offence(p: Parsed, si: int) -> bool:
    """Sentence ``si`` tells the offence investigators impute ("according to investigators, in
    March he registered 20 foreigners"): its dates are the offence's."""
    if si not in p.hedge_hits:
        p.hedge_hits[si] = hedges.cues(p.tokens[si], p.lang)
    return any(h.label == "offence" for h in p.hedge_hits[si])


def _of_telling(m: dates.DateMention, trig: triggers.Trigger, cue_hits: list[Any]) -> bool:
    """``m`` dates the telling of the act ``trig`` that a later clause reports: "On Tuesday, the
    ministry said it had ...", "the ministry said on Tuesday it had ..."."""
    return m.end <= trig.hit.start and any(
        h.label == "speech" and h.end <= trig.hit.start and (m.end <= h.start or 0 <= m.start - h.end <= SPEECH_CHARS)
        for h in cue_hits)


#: How near after a speech verb a date still dates the telling ("said on Tuesday").
SPEECH_CHARS = 12
_FIGURE = re.compile(r"\d[\d,. ]*\d|\d")


def _figure(p: Parsed, si: int) -> bool:
    """The sentence gives a figure of ten or more outside its dates ("1,840 citizenships"): a statistic."""
    sent = p.sentences[si]
    spans = [(m.start, m.end) for m in p.dates[si]]
    return any(int(re.sub(r"\D", "", f.group())) >= 10 for f in _FIGURE.finditer(p.doc.text, sent.start, sent.end)
               if not any(a <= f.start() < b for a, b in spans))


def _object_of(m: dates.DateMention, trig: triggers.Trigger) -> bool:
    """``trig`` is the act an offset counts from ("two days after his arrest")."""
    return m.kind == "offset" and m.object and 0 <= trig.hit.start - m.end <= dates.OBJECT_GAP


def _counted_from(p: Parsed, trig: triggers.Trigger, specific: list[dates.DateMention]) -> tuple[str, str, bool, bool] | None:
    """"On 30 October, he died two days after his arrest": the arrest is two days before the day
    the sentence names."""
    a = p.anchor
    assert a is not None
    obj = next((m for m in specific if _object_of(m, trig)), None)
    days = [m for m in specific if m.kind not in dates.NARRATIVE and len(dates.resolve(m, a) or "") == 10]
    if obj is None or not days:
        return None
    main = min(days, key=lambda m: abs(m.start - obj.start))
    return dates.shifted(dates.resolve(main, a) or "", -obj.shift), f"{main.text} ... {obj.text}", False, True


#: "A day later, on Tuesday": what may stand between an offset and the day named beside it.
_BESIDE = re.compile(r"^[\s,\-–—]*(?:on|в|во)?\s*$", re.IGNORECASE)


def _behind(p: Parsed, m: dates.DateMention, specific: list[dates.DateMention]) -> bool:
    """A narrative date yields to a date of its own beside it ("A day later, on Tuesday") and an
    offset from a named act ("two days after his arrest") to any date of the sentence."""
    if m.kind not in dates.NARRATIVE:
        return False
    text = p.doc.text
    return m.object or any(o.kind not in dates.NARRATIVE and _BESIDE.match(text[min(m.end, o.end) : max(m.start, o.start)])
                           for o in specific)


def _build(p: Parsed, trig: triggers.Trigger) -> dict[str, Any] | None:
    si, sub = trig.sentence, trig.subtype
    etype = triggers.subtypes()[sub]
    sent, toks, pos = p.sentences[trig.sentence], p.tokens[si], trig.hit.start
    if si not in p.hedge_hits:
        p.hedge_hits[si] = hedges.cues(toks, p.lang)
    cue_hits = p.hedge_hits[si]
    about = _topic(p, trig)
    date, date_why, explicit, cued, lent, carried = _date(p, si, trig, etype, cue_hits, about)
    if p.anchor is not None and p.anchor.weak and not explicit:
        return None  # only the collection date: no year the text supports (codebook: no event)
    if not cued and (hedges.in_passing(cue_hits, trig.hit) or sent.paragraph in p.recaps or p.explainer
                     or _listed(p.doc.text, toks, trig)):
        return None  # a past act mentioned in passing, with no time cue: background (codebook §1)
    grp = locate.group(_own_groups(p, trig, locate.not_agencies(p.groups[si], p.actors[si])), p.people_after)
    if not grp and si > 0 and p.sentences[si - 1].paragraph == sent.paragraph:
        grp = locate.group(locate.not_agencies(p.groups[si - 1], p.actors[si - 1]), p.people_after)
    places = locate.not_origins(p.places[si], toks, p.lang, p.doc.text)
    if about:  # "protested in Dushanbe over the death of a migrant in Krasnoyarsk": Dushanbe is the protest's
        places = [pl for pl in places if pl.start >= _own_from(p, trig)]
    capitals, addressed = p.states[si]
    places = [pl for pl in places if pl not in addressed]
    if etype not in ("policy", "diplomatic"):
        places = locate.not_missions(locate.off_theatre(locate.not_venues(places, toks, p.lang), toks, p.lang), p.actors[si], p.doc.text)
    if sub in ("deportation", "entry_ban"):  # "sent back to Dushanbe": where they were turned away from
        places = locate.not_destinations(places, toks, p.lang, grp)
    army = locate.recruiting_army(p.groups[si], p.places[si], p.actors[si], toks, p.lang) if sub in ("contract_recruitment", "coercion") else None
    if not places and not army and etype in COUNTED_TYPES and si > 0 and p.sentences[si - 1].paragraph == sent.paragraph and any(
            t.sentence == si - 1 and triggers.subtypes()[t.subtype] in COUNTED_TYPES for t in p.triggers):
        # the act goes on from the one told just before ("He died ... two days later"), not where
        # people were sent there ("a flight from Novosibirsk to Dushanbe"), unless it names a state's
        # agency elsewhere ("a Tashkent court ... he had signed a contract with the Russian Defence Ministry")
        own = {a.country for a in p.actors[si] if a.country and a.agency not in locate.DIPLOMATIC}
        before = locate.not_destinations(p.places[si - 1], p.tokens[si - 1], p.lang, grp)
        places = [pl for pl in locate.settings(before, p.tokens[si - 1], p.lang, p.doc.text)
                  if not own or pl.country in own]
    if etype in COUNTED_TYPES and (head := p.headings.get(sent.paragraph)) is not None and not any(
            pl.level in ("city", "admin1") for pl in places) and all(pl.country in (head.country, *grp) for pl in places):
        places = places + [head]  # the item of a bulletin headed "2. Saint Petersburg."
    acting = hedges.out_of_scope(locate.not_contacted(p.actors[si], toks, p.lang), cue_hits, trig.hit)
    told = _told(p, si)
    if told is not None and not acting:  # who told of the act is its agency only when the act names none
        acting = locate.not_contacted(p.actors[told], p.tokens[told], p.lang)
    if etype == "diplomatic":
        acting = locate.state_after(acting, p.places[si], p.doc.text)
    if etype == "policy":
        acting = locate.not_empowered(acting, toks, p.lang)
    w = locate.where(etype, sub, pos, places, acting, grp, p.host, p.country_counts, locate.filed_from(p.places[0]), capitals)
    if army and w.admin1 is None and w.country != army and all(pl.country == army for pl in places):
        # "he was recruited into the Russian army", told at a trial at home: no place of its own
        w = locate.Where(army, None, None, "the state whose army recruits")
    if w.country is None and etype == "diplomatic" and (states := _states(p, si)):
        w = locate.Where(states[0], None, None, "several states named as one")  # split per state below
    if w.country is None:
        return None
    if w.admin1 is None and etype in COUNTED_TYPES and p.doc_admin1 and p.doc_admin1[:2] == w.country:
        w.admin1 = p.doc_admin1  # the region the whole report is set in (codebook §5: ordinary knowledge)
        w.place = w.place or p.doc_town
    actors = locate.actor_codes(acting, etype, w.country, sub)
    if not grp and etype != "diplomatic" and (own := next((h for h in cue_hits if h.label == "own_nationals"), None)):
        grp = _speaking_state(p, si, own.start, w.country)  # "its citizens" held abroad (a diplomatic act's: below)
    if not grp and etype != "diplomatic":
        grp = [g for g in p.doc_group if g != w.country]
    if etype == "diplomatic" and (not grp or sub == "advisory" and w.country in grp):
        grp = [w.country]  # a state advises its own nationals
    st_hits = [h for h in p.status_hits[si] if not _contrasted(p.doc.text, h, trig.hit)]
    citizen_of = _citizen_of(p, si, st_hits)
    st, st_why = status.decide(st_hits, citizen_of, w.country, sub)
    st_weak = st == "unknown"  # a status some other sentence states replaces it (merge, inherit)
    if st_weak and (known := _person_status(p, trig, w.country, sub)) is not None:
        st, st_why = known
        st_weak = False
    elif st_weak and p.doc_status and grp and w.country not in grp:
        st, st_why = p.doc_status, "the status the document gives these people"
    elif st_weak and sub in status.FALLBACKS:
        st, st_why = status.FALLBACKS[sub], "what the measure implies"
    if st == "naturalized" and w.country in grp:
        grp = [g for g in grp if g != w.country]  # "naturalized Russians": origin not stated
    cnt = _count(p, trig) if etype in COUNTED_TYPES else None
    if cnt is None and hedges.trend(cue_hits, trig.hit):
        return None  # "a rise in deportations": a trend, unless a figure makes it a statistic
    told_span = (p.sentences[told].start, p.sentences[told].end) if told is not None else (0, 0)
    people = [x for x in p.persons if (sent.start <= x.start < sent.end or told_span[0] <= x.start < told_span[1])
              and (not x.excluded or _hit_by(p, x, trig)) and _takes_part(p, x, sent, etype, acting, actors, w.country)]
    if etype in COUNTED_TYPES and not any(not x.speaker for x in people) and (ante := _antecedent(p, trig)) is not None:
        people.append(ante)  # "police detained him": the person the narrative is about
    names = list(dict.fromkeys(x.name for x in people))
    cert, cert_hit = hedges.certainty(cue_hits, sub, trig.hit)
    source = next((x for x in p.persons if sent.start <= x.start < sent.end and x.speaker
                   and x.name not in p.officials), None)
    if cert == "reported" and etype in COUNTED_TYPES and (source is not None or _first_person(p, trig)):
        cert = "alleged"  # the words of a witness or an activist, not of an official (codebook §3)
    ev: dict[str, Any] = {
        "doc_id": p.doc.doc_id, "type": etype, "subtype": sub, "date": date, "country": w.country,
        "admin1": w.admin1, "place": w.place, "group": grp, "status": st,
        "count": cnt.value if cnt else None, "count_qualifier": cnt.qualifier if cnt else None,
        "fatalities": cnt.value if cnt and sub == "death_in_custody" else None,
        "actors": actors, "persons": names, "certainty": cert,
        "evidence": [sent.text] + ([p.sentences[told].text] if told is not None else []), "claims": [],
        "incident": None,
    }
    ex = {
        "type": (triggers.detect, trig.hit.pattern), "subtype": (triggers.detect, p.doc.text[trig.hit.start:trig.hit.end]),
        "date": (dates.find, date_why), "country": (locate.where, w.why), "admin1": (locate.where, w.why),
        "place": (locate.where, w.why), "group": (locate.group, ", ".join(g.surface for g in p.groups[si])),
        "status": (status.decide, st_why or "default for the subtype"),
        "count": (counts.find, cnt.text if cnt else ""), "count_qualifier": (counts.find, cnt.text if cnt else ""),
        "fatalities": (counts.find, cnt.text if cnt else ""),
        "actors": (locate.actor_codes, ", ".join(a.surface for a in acting)),
        "persons": (persons.find, ", ".join(x.surface for x in people)),
        "certainty": (hedges.certainty, cert_hit.pattern if cert_hit else f"said by {source.name}" if source and cert == "alleged" else "stated as fact"),
    }
    ev["explain"] = {k: {"component": name_of(fn), "text": why} for k, (fn, why) in ex.items() if ev.get(k) not in (None, [])}
    ev["_cued"] = cued
    ev["_topic"] = not cued and w.admin1 is None and about  # placed and dated only by the act it is the topic of
    ev["_said"] = cued and (lent or _said(cue_hits, toks, date_why) or _filed(sent.text, date_why))  # no day of its own: merge yields it
    # a date carried from the sentence before is no date of the mention's own ("Of the detained, 20 were ...")
    # "another"/"a similar" makes a new act even after a back-reference ("the ministry made a similar ...");
    # "также" beside an act on people ("также гражданства были лишены двое москвичей") is another act,
    # beside a ministry's words ("посольство также напоминает") it goes on with the same statement
    ev["_another"] = hedges.beside(cue_hits, trig.hit, "another") is not None or (
        etype in COUNTED_TYPES and hedges.beside(cue_hits, trig.hit, "also") is not None)
    ev["_anaphor"] = not ev["_another"] and hedges.anaphor(cue_hits, trig.hit, cued and not carried) is not None
    ev["_refers"] = hedges.anaphor(cue_hits, trig.hit, False) is not None  # "The raid was ...", dated or not
    ev["_back"] = hedges.beside(cue_hits, trig.hit, "backref") is not None
    ev["_carried"] = carried
    # "Days later, police in Tver detained ...": a time counted from an act told before is another act's
    ev["_later"] = cued and not carried and any(_sequel(m) and m.text == date_why for m in p.dates[si])
    ev["_title"] = _title(p, si, cue_hits)
    ev["_explicit"] = explicit  # the year is written, not inferred
    ev["_sis"] = {si}
    ev["_status_weak"] = st_weak
    ev["_hit"] = [x.name for x in people if not x.speaker]  # who may be counted as hit
    return ev


def _sequel(m: dates.DateMention) -> bool:
    """``m`` counts forward from an act told before ("days later", "two days later"), not back to
    its eve ("the day before")."""
    return m.kind == "later" or m.kind == "offset" and m.shift > 0 and not m.object


#: Words of a title that say nothing of what the legal act is about.
_TITLE_LINKS = frozenset({"on", "about", "regarding", "concerning", "the", "a", "an", "о", "об", "по"})


def _title(p: Parsed, si: int, cue_hits: list[Any]) -> str | None:
    """The word that says what the legal act sentence ``si`` names is about ("a law on the
    registration of ..." -> registration, "закон об ужесточении" -> ужесточение, "a law tightening
    ..." -> tightening), if it names one ("the bill on June 10" names a day, not a title)."""
    toks, spans = p.tokens[si], [(m.start, m.end) for m in p.dates[si]]
    for h in cue_hits:
        if h.label != "act_title" or h.last < len(toks) and any(a <= toks[h.last].start < b for a, b in spans):
            continue
        return next((t.key for t in toks[h.last - 1 :] if t.key not in _TITLE_LINKS), None)
    return None


_LIST_SEP = re.compile(r"^\s*,\s*$")
_LIST_END = re.compile(r"^\s*(?:,|,?\s*(?:and|or|и|или))\s*$", re.IGNORECASE)


def _listed(text: str, toks: list[Any], trig: triggers.Trigger) -> bool:
    """A plural noun inside a comma list of nouns ("document cancellations, mass inspections,
    detentions, and ...") names a kind of measure in a trend, not one act (codebook §1)."""
    first, last = trig.hit.first, trig.hit.last
    if first == 0 or last >= len(toks) or not toks[last - 1].text.lower().endswith(("s", "и", "я")):
        return False
    before, after = text[toks[first - 1].end : toks[first].start], text[toks[last - 1].end : toks[last].start]
    return bool(_LIST_SEP.match(before)) and (bool(_LIST_SEP.match(after)) or bool(_LIST_END.match(after + toks[last].text)))


def _own_from(p: Parsed, trig: triggers.Trigger) -> int:
    """Where the words of a topic act's own time and place begin: after its trigger, or, in a
    relative clause on an act of ours before it ("summoned the envoy over a raid in Yekaterinburg
    last week, which resulted in the deaths of two brothers"), after that act's trigger."""
    toks = p.tokens[trig.sentence]
    host = [t for t in p.triggers if t.sentence == trig.sentence and t.hit.last <= trig.hit.first
            and triggers.subtypes()[t.subtype] in COUNTED_TYPES
            and dates.opens_clause(p.doc.text, toks, p.lang, t.hit.last, trig.hit.first)]
    return min((t.hit.end for t in host), default=trig.hit.end)


#: Kinds of act that are about other acts: a protest, a statement, a law answering detentions.
_SPEAKING = frozenset({"diplomatic", "policy"})


def _topic(p: Parsed, trig: triggers.Trigger) -> bool:
    """The act is what another act of its sentence is about: introduced by "over", "regarding",
    "по поводу" (:func:`dates.topic`), or named as a noun after a diplomatic or policy act
    ("summoned the ambassador on Wednesday and handed him a note on the arrest of ..."). Only
    a date after it is its own ("protest in connection with the raids on June 27")."""
    toks = p.tokens[trig.sentence]
    if dates.topic(toks, p.lang, trig.hit.first):
        return True
    kind = triggers.subtypes()[trig.subtype]
    return kind not in _SPEAKING and dates.act_noun(toks, p.lang, trig.hit.first) and any(
        t.sentence == trig.sentence and t.hit.start < trig.hit.start and triggers.subtypes()[t.subtype] in _SPEAKING
        for t in p.triggers)


#: How many words after a speech verb a date still dates the telling ("told AFP on Wednesday").
SPEECH_WINDOW = 3


#: A wire dateline: "ALMATY, Nov 18 (Reuters) -", "МОСКВА, 18 ноября —".
_DATELINE = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ .'’-]+,\s*(?P<date>[^,()\n]{3,24}?)\s*(?:\([^)\n]{1,40}\))?\s*[-–—]")


def _filed(sentence: str, date_words: str) -> bool:
    """The event's date is the day a wire dateline gives: the day the story was filed, which
    tells when the act became known, not a day of its own."""
    m = _DATELINE.match(sentence)
    return bool(m and date_words and m.group("date") == date_words)


def _said(cue_hits: list[Any], toks: list[Any], date_words: str) -> bool:
    """The event's date is the day someone told of it, not a day of its own."""
    for h in cue_hits:
        if h.label == "speech":
            after = " ".join(t.text for t in toks[h.last : h.last + SPEECH_WINDOW + 1])
            if date_words and date_words in after:
                return True
    return False


#: How many words from the act a journalist's or an activist's name may stand and still be the one it hit.
HIT_WORDS = 6
_CLAUSE_END = re.compile(r"[.;:!?]")


def _hit_by(p: Parsed, x: persons.Person, trig: triggers.Trigger) -> bool:
    """A person whose role keeps him out of the acts a text tells (an analyst, a lawyer, a
    blogger) is still the one an act hit when his name stands by it in its clause and he does not
    speak: "police detained Uzbek blogger Alisher Karimov", "the journalist X was detained"."""
    if x.speaker:
        return False
    toks = p.tokens[trig.sentence]
    at = next((k for k, t in enumerate(toks) if t.start >= x.start), None)
    if at is None:
        return False
    lo, hi = (trig.hit.end, x.start) if x.start >= trig.hit.end else (x.end, trig.hit.start)
    gap = min(abs(at - trig.hit.last), abs(trig.hit.first - at))
    return gap <= HIT_WORDS and not _CLAUSE_END.search(p.doc.text[lo:hi])


def _takes_part(p: Parsed, x: persons.Person, sent: Sentence, etype: str, acting: list[Any], codes: list[str],
                country: str | None) -> bool:
    """Whether a person named with an act is one it hit or one who carried it out (codebook
    ``persons``). A diplomatic act is carried out and received by officials (the minister, the
    summoned ambassador), not by the people it is about; a witness who only reports an
    enforcement act is neither, unless he tells of himself."""
    if etype == "diplomatic":
        return x.name in p.officials or x.speaker
    if etype in COUNTED_TYPES and x.name in p.diplomats:
        return False  # a minister discussing detentions neither suffers nor carries them out
    if x.speaker and etype in COUNTED_TYPES:
        # his title may name the agency where the sentence cites him ("according to X, a police
        # spokesman"), a mention that does not count as acting itself
        si = p.sentence_of(x.start)
        titles = acting + (p.actors[si] if si is not None else [])
        return _official(x, titles, codes, country) or persons.own_account(p.doc.text, x, sent.end, p.lang)
    return True


#: How far around a person's name the words that introduce him run ("Nurlan Asanov, a
#: 34-year-old Kyrgyz citizen", "Tajik citizen Firdavs Nazarov").
PROFILE_CHARS = 60


def _person_status(p: Parsed, trig: triggers.Trigger, country: str | None, sub: str) -> tuple[str, str] | None:
    """The status of the person an act is about, from the words that introduced him where the
    text first named him: later sentences say only "Asanov was detained" or "police detained him"."""
    sent = p.sentences[trig.sentence]
    named = [x for x in p.persons if sent.start <= x.start < sent.end and not x.excluded]
    if not named and (ante := _antecedent(p, trig)) is not None:
        named = [ante]
    for x in named:
        first = next(y for y in p.persons if y.name == x.name)
        si = p.sentence_of(first.start)
        if si is None:
            continue
        lo, hi = first.start - PROFILE_CHARS, first.end + PROFILE_CHARS
        others = [y.start for y in p.persons if y.name != x.name and lo <= y.start <= hi]
        lo = max([lo] + [o for o in others if o < first.start])
        hi = min([hi] + [o for o in others if o > first.start])
        hits = [h for h in p.status_hits[si] if lo <= h.start and h.end <= hi]
        groups = [g for g in p.groups[si] if lo <= g.start and g.end <= hi]
        st, why = status.decide(hits, _citizens(groups, hits), country, sub)
        if st != "unknown" and hits:
            return st, f"how the text introduced {x.name}: {why}"
    return None


#: How many words from a trigger a personal pronoun is its object or subject ("detained him",
#: "he was taken to", "Его лишили гражданства").
PRONOUN_WINDOW = 3
#: How many sentences back the person a pronoun stands for may have been named.
ANTECEDENT_SENTENCES = 3


def _antecedent(p: Parsed, trig: triggers.Trigger) -> persons.Person | None:
    """The person a pronoun next to ``trig`` stands for: the last one named in the sentences
    just before, who is neither an official speaking nor someone outside the act (a lawyer,
    an analyst)."""
    toks, si = p.tokens[trig.sentence], trig.sentence
    pronouns = persons.pronouns(p.lang)
    near = toks[max(0, trig.hit.first - PRONOUN_WINDOW) : trig.hit.last + PRONOUN_WINDOW]
    if not any(t.key in pronouns for t in near):
        return None
    lo = p.sentences[max(0, si - ANTECEDENT_SENTENCES)].start
    named = [x for x in p.persons if lo <= x.start < p.sentences[si].start and (" " in x.name or "." in x.name)
             and not x.excluded and not (x.speaker and x.name in p.officials)]
    return named[-1] if named else None


#: Quotes that tell their direction, for counting which are open (a straight quote cannot tell).
_OPEN_QUOTES, _CLOSE_QUOTES = "«“„", "»”"


def _first_person(p: Parsed, trig: triggers.Trigger) -> bool:
    """The act is told in a quotation, in the first person ("“Four masked men handcuffed me
    there,” he said"): a witness's own account, so alleged unless an official confirms it."""
    sent = p.sentences[trig.sentence]
    before = p.doc.text[sent.start : trig.hit.start]
    quoted = sent.text[:1] in OPENING_QUOTES or sum(before.count(q) for q in _OPEN_QUOTES) > sum(before.count(q) for q in _CLOSE_QUOTES)
    return quoted and any(t.key in persons.first_person(p.lang) for t in p.tokens[trig.sentence])


def _official(person: persons.Person, mentions: list[Any], codes: list[str], country: str | None) -> bool:
    """A speaker who speaks for an acting agency (its spokesperson) is part of the event; any
    other source of a report (an activist, another state's spokesperson) is not."""
    return any(titled(person, a) and a.code(country) in codes for a in mentions)


def _told(p: Parsed, si: int) -> int | None:
    """The next sentence when it tells who reported this one's act and when ("Об этом 16 октября
    заявила пресс-секретарь МВД", "This was announced by the ministry on Monday"): its date,
    agency and spokesperson belong to that act."""
    nxt = si + 1
    if nxt >= len(p.sentences) or p.sentences[nxt].paragraph != p.sentences[si].paragraph:
        return None
    if nxt not in p.hedge_hits:
        p.hedge_hits[nxt] = hedges.cues(p.tokens[nxt], p.lang)
    return nxt if any(h.label == "telling" and h.first == 0 for h in p.hedge_hits[nxt]) else None


def _continues(prev: Sentence, sent: Sentence) -> bool:
    """``sent`` goes on from ``prev``: the same paragraph, or a quotation opening the next one
    (a witness's words illustrating what the paragraph before told)."""
    return prev.paragraph == sent.paragraph or (sent.paragraph == prev.paragraph + 1 and sent.text[:1] in OPENING_QUOTES)


#: A contrast sets two groups of people apart: "40 naturalized citizens were summoned, while 170
#: others were sent to police stations over immigration violations".
_CONTRAST = re.compile(r"\s(?:while|whereas|тогда как|в то время как)\s|;", re.IGNORECASE)


def _contrasted(text: str, a: Any, b: Any) -> bool:
    """A contrast stands between the spans ``a`` and ``b`` of one sentence."""
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    return bool(_CONTRAST.search(text[lo:hi]))


_CLAUSE_BREAK = re.compile(r"\s(?:and|but|while|и|а|но)\s|[;:]", re.IGNORECASE)
#: What joins the places of a list: a comma or "and" (a region's adjective just before a town,
#: "в подмосковном Сахарово", qualifies it and lists nothing).
_AND = re.compile(r"^\s*(?:,\s*(?:and|и)?|and|и)\s*(?:the\s+)?$")


def _split_places(p: Parsed, trig: triggers.Trigger, ev: dict[str, Any]) -> list[dict[str, Any]]:
    """An action reported in a list of places ("similar detentions in the Kaliningrad and Smolensk
    regions", which ``places`` reads as two regions) is one action per place (codebook §1: one
    place and time per event). A head count over the list ("about 400 are held in centres in
    Moscow, the Moscow region and St Petersburg") is one figure for all of them: one event."""
    if ev["type"] not in COUNTED_TYPES or ev["admin1"] is None:
        return [ev]
    if len(tallied := _tallied_places(p, trig.sentence, ev["country"])) > 1:
        return [_at(ev, x, locate.shown(x)) | {"count": n, "count_qualifier": "exact"} for x, n in tallied]
    if ev["count"] is not None:
        return [ev]
    local = [pl for pl in p.places[trig.sentence] if pl.level in ("city", "admin1") and pl.country == ev["country"]]
    run: list[Any] = []
    for pl in local:
        run = run + [pl] if run and _AND.match(p.doc.text[run[-1].end : pl.start]) else [pl]
        if len(run) > 1 and any(x.admin1 == ev["admin1"] for x in run) and len({x.admin1 for x in run}) == len(run):
            nxt = local[local.index(pl) + 1] if local.index(pl) + 1 < len(local) else None
            seat = any(0 <= run[0].start - a.end <= SEAT_CHARS for a in p.actors[trig.sentence])
            if (nxt is None or not _AND.match(p.doc.text[pl.end : nxt.start])) and not seat:
                return [_at(ev, x, locate.shown(x)) for x in run]
    return [ev]


#: What may join the items of a tally: "11 в Петербурге, 12 в Хабаровске и три в Томске".
_TALLY_JOIN = re.compile(r"^\s*(?:[,;]\s*(?:и|а|and)?|и|and)\s*$")


def _tallied_places(p: Parsed, si: int, country: str | None) -> list[tuple[Any, int]]:
    """The places of a tally in sentence ``si``, each with the figure written just before it
    ("задержаны 26 мигрантов: 11 в Петербурге, 12 в Хабаровске, три в Томске"): one act per place
    and figure (codebook §1: one place and time per event), the total no event of its own. Only
    two or more items in a run, at different places of the act's country."""
    toks = p.tokens[si]
    at = {t.start: k for k, t in enumerate(toks)}
    items: list[tuple[Any, int, int]] = []  # (place, figure, the figure's start)
    for pl in p.places[si]:
        k = at.get(pl.start)
        if pl.level not in ("city", "admin1") or pl.country != country or k is None or k < 2:
            continue
        if toks[k - 1].key in counts.tally_prepositions(p.lang) and (n := counts.number(toks[k - 2], p.lang)) is not None:
            items.append((pl, n, toks[k - 2].start))
    run: list[tuple[Any, int, int]] = []
    for item in items:
        joined = run and _TALLY_JOIN.match(p.doc.text[run[-1][0].end : item[2]])
        run = run + [item] if joined else [item]
        if len(run) > 1 and len({x[0].admin1 or x[0].name for x in run}) == len(run) and item is items[-1]:
            return [(x[0], x[1]) for x in run]
    return []


#: How far after an agency the list of places may start and still be its seats ("courts in
#: Almaty and Astana found ...": the courts' towns, not the places of the act).
SEAT_CHARS = 4


def _split_states(p: Parsed, trig: triggers.Trigger, ev: dict[str, Any]) -> list[dict[str, Any]]:
    """A diplomatic act by several states named as one ("four former Soviet republics in
    Central Asia threatened their citizens with prosecution") is one act per state, each about
    its own nationals, unless a ministry or embassy of one state is the one acting."""
    if ev["type"] != "diplomatic" or any(a.split(":")[-1] in locate.DIPLOMATIC_ACTORS for a in ev["actors"]):
        return [ev]
    states = _states(p, trig.sentence)
    out = []
    for cc in states:
        one = copy.deepcopy(ev) | {"country": cc, "group": [cc], "actors": [a for a in ev["actors"] if a.startswith(cc + ":")],
                                   "persons": []}
        one["explain"]["country"] = {"component": name_of(locate.collective_states), "text": "several states named as one"}
        out.append(one)
    return out or [ev]


def _states(p: Parsed, si: int) -> list[str]:
    named = [pl.country for ps in p.places for pl in ps if pl.level == "country"]
    return locate.collective_states(p.sentences[si].text, p.lang, named)


def _at(ev: dict[str, Any], place: Any, name: str | None) -> dict[str, Any]:
    """A copy of ``ev`` set at ``place``."""
    out = copy.deepcopy(ev) | {"admin1": place.admin1, "place": name}
    for key in ("admin1", "place"):
        if key in out["explain"]:
            out["explain"][key]["text"] = place.surface
    return out


def _rivals(p: Parsed, trig: triggers.Trigger) -> list[Any]:
    """The hits of the other counted acts of ``trig``'s sentence that may hit other people
    (subtypes in ``SHARED_COUNTS`` hit the same)."""
    return [t.hit for t in p.triggers if t.sentence == trig.sentence and triggers.subtypes()[t.subtype] in COUNTED_TYPES
            and t.subtype != trig.subtype and frozenset((t.subtype, trig.subtype)) not in SHARED_COUNTS
            and not _framed(p, t)]


def _framed(p: Parsed, trig: triggers.Trigger) -> bool:
    """The act is a noun framed as what the sentence's main act followed ("по итогам рейда 27
    иностранцев вышлют"); a verb after the frame is the main act ("в результате рейда лишили
    гражданства четверых")."""
    toks = p.tokens[trig.sentence]
    return counts.framed(toks, trig.hit.first, p.lang) and dates.act_noun(toks, p.lang, trig.hit.first)


def _nearness(text: str, span: Any, hit: Any) -> tuple[bool, int]:
    """(a clause break between ``span`` and the trigger ``hit``?, distance): "two died and nine
    were arrested" gives the deaths two and the arrests nine."""
    lo, hi = (span.end, hit.start) if span.end <= hit.start else (hit.end, span.start)
    return bool(_CLAUSE_BREAK.search(text[lo:hi])), abs(span.start - hit.start)


def _own_groups(p: Parsed, trig: triggers.Trigger, mentions: list[Any]) -> list[Any]:
    """The group mentions nearer to this act than to another act of the sentence ("checked 120
    workers, most of them migrants from Central Asia, and handed summonses to 14 men from
    Tajikistan"), when they name a group; else all of them (the act names none of its own)."""
    rivals = _rivals(p, trig) if triggers.subtypes()[trig.subtype] in COUNTED_TYPES else []
    if not rivals:
        return mentions
    text = p.doc.text
    mine = [m for m in mentions if all(_nearness(text, m, trig.hit) <= _nearness(text, m, r) for r in rivals)]
    return mine if locate.group(mine, p.people_after) else mentions


def _count(p: Parsed, trig: triggers.Trigger) -> counts.Count | None:
    """The count of the people ``trig`` hit: among the sentence's counts (numbers inside dates
    left out), those nearer to this trigger than to any other counted trigger of the sentence,
    the nearest first. "Police checked 2,500 people and detained over 500" gives the raid 2,500
    and the detention 500; subtypes in ``SHARED_COUNTS`` do not compete."""
    si = trig.sentence
    rivals = _rivals(p, trig)
    if rivals and _framed(p, trig):
        return None  # "по итогам рейда 27 иностранцев вышлют": the figure is the main act's
    spans = [(m.start, m.end) for m in p.dates[si]]
    found = [c for c in counts.find(p.doc.text, p.tokens[si], p.lang) if not any(a <= c.start < b for a, b in spans)]
    text = p.doc.text
    mine = [c for c in found if all(_nearness(text, c, trig.hit) <= _nearness(text, c, r) for r in rivals)]
    if not found and counts.pronoun_near(p.tokens[si], trig.hit.first, trig.hit.last, p.lang):
        return _counted_before(p, si)  # "Выявлены 15 нарушителей. В отношении них приняты решения о выдворении"
    return min(mine, key=lambda c: _nearness(text, c, trig.hit), default=None)


def _counted_before(p: Parsed, si: int) -> counts.Count | None:
    """The people a plural pronoun in sentence ``si`` stands for: the last count of the nearest
    sentence before it in its paragraph that counts people ("проверили 300 человек и выявили 20
    нарушителей. Их ..."), at most ``ANTECEDENT_SENTENCES`` back."""
    for back in range(si - 1, max(-1, si - 1 - ANTECEDENT_SENTENCES), -1):
        if p.sentences[back].paragraph != p.sentences[si].paragraph:
            return None
        spans = [(m.start, m.end) for m in p.dates[back]]
        found = [c for c in counts.find(p.doc.text, p.tokens[back], p.lang) if not any(a <= c.start < b for a, b in spans)]
        if found:
            return max(found, key=lambda c: c.start)
    return None


def _citizen_of(p: Parsed, si: int, st_hits: list[Any]) -> list[str]:
    """Countries whose citizens the sentence names ("Russian citizens", "граждан Киргизии")."""
    return _citizens(p.groups[si], st_hits)


def _citizens(groups: list[Any], st_hits: list[Any]) -> list[str]:
    """Countries of the ``groups`` mentions a citizen word stands by: the citizenship they hold
    where the text names it apart from their origin ("Russian citizens of Tajik origin")."""
    words = [h for h in st_hits if h.label == "citizen_word"]
    out: list[str] = []
    for g in groups:
        if any(abs(h.start - g.end) <= 3 or abs(g.start - h.end) <= 3 or g.start <= h.start < g.end for h in words):
            out.extend(c for c in (g.held or g.countries) if c not in out)
    return out


def _speaking_state(p: Parsed, si: int, before: int, country: str | None) -> list[str]:
    """The state whose nationals "its citizens" are: the first one the sentence names before the
    words (a country, or an agency of one), other than where the act happened."""
    named = [(pl.start, pl.country) for pl in p.places[si] if pl.level == "country" and not pl.demonym]
    named += [(a.start, a.country) for a in p.actors[si] if a.country]
    first = min(((start, c) for start, c in named if start < before and c != country), default=None)
    return [first[1]] if first else []


@component("dw.extract.events.v1")
def extract_events(doc: Document) -> list[dict[str, Any]]:
    """The codebook events of one document, each with an ``explain`` key (field -> component, words)."""
    p = parse(doc)
    if p is None or p.anchor is None:
        return []
    built = [one for t in p.triggers if (e := _build(p, t)) is not None
             for split in _split_places(p, t, e) for one in _split_states(p, t, split)]
    first_of: dict[str, int] = {}
    for ev in built:
        first_of[ev["type"]] = min(first_of.get(ev["type"], 1 << 30), min(ev["_sis"]))
    # A mention referring back ("the raids") that joined no act told before is dropped, unless
    # nothing of its type was told before it.
    events = [ev for ev in merge.merge(built) if not ev["_anaphor"] or min(ev["_sis"]) == first_of[ev["type"]]]
    merge.inherit(events)
    for ev in events:
        ev.pop("_cued")
        ev.pop("_anaphor")
        ev.pop("_another")
        ev.pop("_back")
        ev.pop("_refers")
        ev.pop("_carried")
        ev.pop("_later")
        ev.pop("_title")
        ev.pop("_explicit")
        ev.pop("_said")
        ev.pop("_sis")
        ev.pop("_status_weak")
        ev.pop("_topic")
        hit = ev.pop("_hit")
        ev["claims"] = claims.find(ev["evidence"], p.lang, ev["certainty"] == "alleged")
        if ev["count"] is None and ev["type"] in COUNTED_TYPES and hit:
            ev["count"], ev["count_qualifier"] = len(hit), "exact"
            if ev["subtype"] == "death_in_custody":
                ev["fatalities"] = len(hit)
            ev["explain"]["count"] = {"component": name_of(persons.find), "text": ", ".join(hit)}
    return [{k: ev[k] for k in FIELDS} | {"explain": ev["explain"]} for ev in events]
