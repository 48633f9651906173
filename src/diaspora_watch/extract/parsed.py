"""A document read for extraction: sentences, triggers, and every mention bucketed by sentence.

Triggers are found first because they are cheap; a document with none stops there, and the
costly finders (the Russian NER model above all) read only what can carry an event.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from diaspora_watch.document import Document
from diaspora_watch.extract import counts, dates, geo, hedges, locate, persons, status, triggers
from diaspora_watch.extract.matcher import Token, tokenize
from diaspora_watch.extract.sentences import Sentence, split

#: How many words before a people noun a demonym still qualifies it ("Tajik labour migrants").
PEOPLE_NOUN_WINDOW = 3
#: How far before or after a name its title may be ("пресс-секретарь МВД Ирина Волк").
TITLE_CHARS = 30


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
    doc_group: tuple[str, ...] = ()
    doc_status: str | None = None
    doc_admin1: str | None = None
    doc_town: str | None = None  # the one town of doc_admin1 the report keeps naming
    status_hits: list[list[Any]] = field(default_factory=list)  # per sentence
    officials: set[str] = field(default_factory=set)  # people the text gives a state title
    diplomats: set[str] = field(default_factory=set)  # ministers, ambassadors, consuls, their spokespeople
    hedge_hits: dict[int, list[Any]] = field(default_factory=dict)  # per sentence, filled on demand
    people_after: dict[int, str] = field(default_factory=dict)
    recaps: set[int] = field(default_factory=set)  # paragraphs that open with "Напомним", "Recall that"
    explainer: bool = False  # the title asks a question: an analysis piece with no main news
    starts: list[int] = field(default_factory=list)  # each sentence's start offset, for look-ups
    states: list[tuple[list[Any], list[Any]]] = field(default_factory=list)  # per sentence: capitals acting, addressed
    headings: dict[int, Any] = field(default_factory=dict)  # paragraph -> the place its heading names ("2. Saint Petersburg.")

    def sentence_of(self, offset: int) -> int | None:
        """The index of the sentence holding character ``offset``, or None between sentences."""
        return _sentence_of(self.sentences, self.starts, offset)


def _sentence_of(sents: list[Sentence], starts: list[int], offset: int) -> int | None:
    i = bisect_right(starts, offset) - 1
    return i if i >= 0 and offset < sents[i].end else None


def parse(doc: Document) -> Parsed | None:
    """Sentences, triggers and the mentions around them; None when no sentence reports an event.

    Triggers come first because they are cheap: a document with none costs no more, and the
    Russian NER model, the costliest finder, reads only the sentences that carry a trigger.
    """
    lang = doc.language if doc.language in ("en", "ru") else "en"
    text = doc.text
    sents = split(text)
    per = _per_sentence(tokenize(text, lang), sents)
    trigs = [t for t in triggers.detect(per, lang, text)
             if not _headline(sents[t.sentence], text, doc.title) and not _furniture(sents, per, text, lang, t.sentence)]
    trigs = _drop_vehicles(trigs)
    if not trigs:
        return None
    keep = _context(sents, trigs)
    mentions = [dates.find(text, toks, lang) for toks in per]  # all: "two weeks later" reads back
    anchor = dates.anchor_for(doc.published, [m for ms in mentions for m in ms], doc.collected)
    starts = [s.start for s in sents]

    def bucket(items: tuple[Any, ...]) -> list[list[Any]]:
        out: list[list[Any]] = [[] for _ in sents]
        for m in items:
            if (i := _sentence_of(sents, starts, m.start)) is not None:
                out[i].append(m)
        return out

    read = {t.sentence for t in trigs}
    read |= {i + 1 for i in read if i + 1 < len(sents) and _telling(per[i + 1], lang)}  # "Об этом заявила Ирина Волк"
    spans = [(sents[i].start, sents[i].end) for i in sorted(read)]
    people = persons.find(text, lang, spans)
    places = _outside_names(geo.places(text, lang), people)
    people = [x for x in people if not any(pl.start <= x.start and x.end <= pl.end for pl in places)]  # "St Petersburg"
    by_sentence = bucket(places)
    states = [locate.as_states(ps, per[i], lang, text) for i, ps in enumerate(by_sentence)]
    standing = {id(c) for acting, addressed in states for c in acting + addressed}
    located = [pl for pl in places if id(pl) not in standing]  # "Baku summoned ...": no town of the report
    parsed = Parsed(doc, lang, sents, per, trigs, mentions, by_sentence, bucket(geo.groups(text, lang)),
                    bucket(locate.corefer(list(geo.actors(text, lang)))), people, anchor,
                    locate.host(located), Counter(pl.country for pl in located), starts=starts, states=states)
    parsed.headings = _headings(sents, by_sentence)
    parsed.doc_group = locate.main_group([g for gs in parsed.groups for g in gs])
    parsed.doc_admin1 = locate.main_admin1(located)
    parsed.doc_town = locate.main_town(located, parsed.doc_admin1)
    every_actor = [a for acts in parsed.actors for a in acts]
    parsed.officials = {x.name for x in parsed.persons if any(titled(x, a) for a in every_actor)}
    parsed.diplomats = {x.name for x in parsed.persons if any(titled(x, a) and a.agency in locate.DIPLOMATIC for a in every_actor)}
    parsed.status_hits = [status.cues(toks, lang) for toks in per]
    parsed.doc_status = status.main_status([h for hs in parsed.status_hits for h in hs])
    parsed.recaps = _recaps(sents, per, {t.sentence for t in trigs}, lang)
    parsed.explainer = "?" in (doc.title or "")
    nouns = counts._lexicon(lang)[2]
    for i in keep:
        toks = per[i]
        for h in nouns.find(toks):
            if h.label == "noun":
                for back in range(1, PEOPLE_NOUN_WINDOW + 1):
                    if h.first - back >= 0:
                        parsed.people_after.setdefault(toks[h.first - back].start, "people")
    return parsed


def _outside_names(places: tuple[Any, ...], people: list[persons.Person]) -> tuple[Any, ...]:
    """Places that are no word of a person's longer name ("Artyom Belyaev" names no town Artem).
    Only towns: a region or state inside a "name" ("the Sverdlovsk Regional Court") or a town that
    is the whole "name" ("St Petersburg") is the English name finder's mistake, not the place's."""
    names = [(x.start, x.end) for x in people if " " in x.surface.strip()]
    return tuple(pl for pl in places if pl.level != "city" or not any(
        a <= pl.start and pl.end <= b and pl.end - pl.start < b - a for a, b in names))


#: What may stand before a heading's place (a number, "2.") and after it (a stop, a colon or a dash).
_HEADING_BEFORE = re.compile(r"(?:\d+[.)])?\s*")
_HEADING_AFTER = re.compile(r"\s*[.:\u2014\u2013]")
#: How many sentences open a paragraph where its heading may stand ("1." and "Krasnoyarsk." are two).
HEADING_SENTENCES = 2


def _headings(sents: list[Sentence], places: list[list[Any]]) -> dict[int, Any]:
    """Paragraphs that open with a place alone ("1. Krasnoyarsk.", "Москва. 4 марта ..."), as
    bulletins and digests set each item: the town or region where the item's acts happened."""
    out: dict[int, Any] = {}
    nth = 0  # the sentence's place in its paragraph
    for i, s in enumerate(sents):
        nth = nth + 1 if i > 0 and sents[i - 1].paragraph == s.paragraph else 0
        if nth >= HEADING_SENTENCES or s.paragraph in out or not places[i]:
            continue
        p = places[i][0]
        if (p.level in ("city", "admin1") and not p.dateline and _HEADING_BEFORE.fullmatch(s.text, 0, p.start - s.start)
                and _HEADING_AFTER.match(s.text, p.end - s.start)):
            out[s.paragraph] = p
    return out


def _telling(toks: list[Token], lang: str) -> bool:
    """The sentence opens by telling who reported the act before it ("Об этом сообщила ...")."""
    return any(h.label == "telling" and h.first == 0 for h in hedges.cues(toks, lang))


def _recaps(sents: list[Sentence], per: list[list[Token]], with_triggers: set[int], lang: str) -> set[int]:
    """Paragraphs with a trigger whose first words recall earlier news ("Напомним, ...",
    "Recall that ..."): what they retell with no date of its own is background."""
    wanted = {sents[i].paragraph for i in with_triggers}
    out: set[int] = set()
    for i, s in enumerate(sents):
        if s.paragraph in wanted and (i == 0 or sents[i - 1].paragraph != s.paragraph):
            if any(h.label == "recap" and h.first == 0 for h in hedges.cues(per[i], lang)):
                out.add(s.paragraph)
    return out


def _drop_vehicles(trigs: list[triggers.Trigger]) -> list[triggers.Trigger]:
    """"..., the embassy said in a statement": beside an advisory, protest or cancellation in the
    same sentence, a statement is only how that act was made, not an act of its own."""
    acts = {t.sentence for t in trigs if t.subtype in ("advisory", "protest", "cancellation")}
    return [t for t in trigs if not (t.subtype == "statement" and t.sentence in acts)]


def _headline(sent: Sentence, text: str, title: str | None) -> bool:
    """A headline restates the body in telegraph style and misleads place and date ("Kyrgyz
    Mercenary Who Fought With Russia in Ukraine Jailed"): its triggers make no event.

    A headline is a line of its own that repeats the title, or one with no closing punctuation
    whose words are mostly capitalized.
    """
    line_start = text.rfind("\n", 0, sent.start) + 1
    line_end = text.find("\n", sent.end)
    if text[line_start:sent.start].strip() or text[sent.end : len(text) if line_end < 0 else line_end].strip():
        return False  # shares its line with other sentences: body text
    words = sent.text.split()
    norm_title = " ".join((title or "").split()).lower()
    if norm_title and len(norm_title) > 15 and (" ".join(words).lower().startswith(norm_title) or norm_title.startswith(" ".join(words).lower())):
        return True
    if sent.text[-1:] in ".!?\"»”…":
        return False
    alpha = [w for w in words if w[:1].isalpha()]
    return len(alpha) >= 4 and sum(w[0].isupper() for w in alpha) / len(alpha) > 0.7 or persons.title_case(alpha)


#: What follows a furniture label ("Read also:", "Фото —").
_LABEL_MARKS = frozenset(":—–-|")


def _furniture(sents: list[Sentence], per: list[list[Token]], text: str, lang: str, i: int) -> bool:
    """The line of sentence ``i`` opens with a page-furniture label and a colon or dash ("Read
    also: ...", "Читайте также: ...", "Фото: ..."): a link to another article or a caption,
    which reports nothing of this document."""
    k = i
    while k > 0 and sents[k - 1].paragraph == sents[i].paragraph:
        k -= 1
    return any(h.label == "furniture" and h.first == 0 and text[h.end : h.end + 3].lstrip()[:1] in _LABEL_MARKS
               for h in hedges.cues(per[k], lang))


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
    """Sentences read closely: those with a trigger and the one before each (its group may carry over)."""
    keep: set[int] = set()
    for t in trigs:
        keep.update((t.sentence - 1, t.sentence) if t.sentence > 0 else (t.sentence,))
    return keep


def titled(person: persons.Person, a: Any) -> bool:
    """``a`` is the person's title or employer: "MVD spokesperson Irina Volk", "Volk, of the MVD"."""
    return not a.agency.startswith("NGO:") and (0 <= person.start - a.end <= TITLE_CHARS or 0 <= a.start - person.end <= TITLE_CHARS)
