"""Acting agencies (codebook field ``actors``) in English and Russian, with the state they belong to.

Agency phrases and named NGOs come from ``lexicons/<lang>/actors.yaml``. The state is read from
the phrase itself, in this order: what the lexicon entry implies (FSB, Putin -> RU); a qualifier
before it ("Russian", "Russia's", "Moscow police", "российский", "красноярское МВД"); a genitive or
"of"/"for"/"по" after it ("МВД России", "Ministry of Foreign Affairs of Kyrgyzstan", "ГУ МВД по
Свердловской области"); or, for agencies that sit at home, "in"/"в" a place ("a court in Bishkek").
An embassy in Moscow is not Russian, so "in" never qualifies embassies and consulates. "The
agency", "ведомство" (the lexicon's ``anaphors``) stand for the government agency named last.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from diaspora_watch.extract import lexicon
from diaspora_watch.extract.gazetteer import PhraseIndex, Tok, name_keys, name_lemma, read_tsv, split_list, tokenize
from diaspora_watch.extract.groups import find_groups
from diaspora_watch.extract.places import find_places

__all__ = ["ActorMention", "find_actors"]

_POSSESSIVE = re.compile(r"^(?:['’]s)?[ \u00a0]*$")
_OF = {"en": {"of", "for"}, "ru": {"по"}}
_IN = {"en": {"in", "at"}, "ru": {"в", "во"}}
#: Between a title or unit and the body it belongs to: "Chargé d'Affaires of the Russian Embassy",
#: "the Migration Service under the Ministry of Internal Affairs of Tajikistan";
#: Russian puts the body right after, in the genitive ("поверенный в делах посольства России").
_OF_BODY = {"en": re.compile(r"^\s+(?:of|at|under)\s+(?:the\s+)?$", re.IGNORECASE), "ru": re.compile(r"^\s+$")}
_BETWEEN_TITLE_AND_NAME = re.compile(r"^[\s,]*(?:[A-ZА-ЯЁ][\w.-]*\s+){0,2}$")


@dataclass(frozen=True)
class ActorMention:
    """An agency named in a text; ``country`` is None when the phrase does not say whose it is."""

    start: int
    end: int
    surface: str
    agency: str
    country: str | None
    by_country: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)

    def code(self, default_country: str | None) -> str | None:
        """The codebook code, e.g. ``RU:MVD``; NGO codes as they are; None if no state is known.

        >>> ActorMention(0, 6, "police", "MVD", None).code("AZ")
        'AZ:MVD'
        """
        if self.agency.startswith("NGO:"):
            return self.agency
        cc = self.country or default_country
        if cc is None:
            return None
        return f"{cc}:{_resolve(self.agency, dict(self.by_country), cc)}"


#: The agency code of a phrase that refers back ("the agency said", "по данным ведомства").
ANAPHOR = "_ANAPHOR"


@dataclass(frozen=True)
class _Entry:
    agency: str
    country: str | None
    by_country: tuple[tuple[str, str], ...]
    abroad: bool
    cased: tuple[str, ...]  # the name as written in the lexicon, for case rules


def _resolve(agency: str, by_country: dict[str, str], cc: str | None) -> str:
    if cc is None or not by_country:
        return agency
    return by_country.get(cc) or by_country.get("*") or agency


@dataclass(frozen=True)
class _Lexicon:
    index: PhraseIndex[_Entry]
    modifiers: frozenset[str]
    region_adjectives: frozenset[str]


@cache
def _lexicon(lang: str) -> _Lexicon:
    data = lexicon.load("actors", lang)
    index: PhraseIndex[_Entry] = PhraseIndex()
    entries = [(a["agency"], a.get("country"), a.get("by_country", {}), a.get("abroad", False), a["names"]) for a in data["agencies"]]
    entries += [(n["code"], None, {}, False, n["names"]) for n in data["ngos"]]
    entries.append((ANAPHOR, None, {}, False, data.get("anaphors", [])))
    for agency, country, by_country, abroad, names in entries:
        for name in names:
            cased = tuple(w for w in re.findall(r"\w+(?:-\w+)*", name))
            index.add_phrase(name, _Entry(agency, country, tuple(sorted(by_country.items())), abroad, cased))
    modifiers = frozenset(name_lemma(m) for m in data["modifiers"])
    return _Lexicon(index, modifiers, _region_adjectives() if lang == "ru" else frozenset())


@cache
def _region_adjectives() -> frozenset[str]:
    """Lemmas of Russian region adjectives ("свердловский", "красноярский"): "красноярское МВД" is Russian."""
    out = set()
    for row in read_tsv("regions.tsv", ["code", "geonames", "kind", "en_stems", "en_names", "ru_names"]):
        if row["code"].startswith("RU-"):
            for name in split_list(row["ru_names"]):
                first = name.split()[0]
                if " " in name and first[:1].isupper() and first.endswith(("ая", "ий", "ый", "ой")):
                    out.update(name_keys(first))
    return frozenset(out)


def _case_fits(span: Sequence[Tok], entry: _Entry) -> bool:
    if len(span) != len(entry.cased):
        return True  # matched through a lemma of another length: no case rule to apply
    for tok, word in zip(span, entry.cased, strict=True):
        if word.isupper() and len(word) > 1 and tok.text != word:
            return False
        if word[:1].isupper() and not tok.text[:1].isupper():
            return False
    return True


def _accept(span: Sequence[Tok], entries: list[_Entry], after: Tok | None) -> _Entry | None:
    named = after is not None and after.key in _NAMED_BY
    fits = [e for e in entries if _case_fits(span, e) and not (e.agency == ANAPHOR and named)]
    return fits[0] if fits else None


#: After "the ministry" these words name it ("the Ministry of Culture"): then it refers to nothing before.
_NAMED_BY = frozenset(w for words in _OF.values() for w in words)


class _Qualifiers:
    """Country qualifiers of a text (places, single-country demonyms), looked up by offset."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        places = find_places(text, lang)
        self.place_at = {p.start: p for p in places}
        groups = [(g.start, g.end, g.countries[0]) for g in find_groups(text, lang) if len(g.countries) == 1]
        # Russian puts a place after the agency (МВД России); before it only an adjective qualifies.
        self.spans = groups + ([(p.start, p.end, p.country) for p in places] if lang != "ru" else [])

    def before(self, start: int) -> tuple[int, str] | None:
        """``(qualifier start, country)`` of a qualifier ending right before ``start``."""
        for q_start, q_end, cc in self.spans:
            if q_end <= start and _POSSESSIVE.match(self.text[q_end:start]) or q_start < start < q_end:
                return q_start, cc  # the second: "the Russian National Guard", read as "Russian nationals" too
        return None


def _country(entry: _Entry, toks: Sequence[Tok], i: int, j: int, q: _Qualifiers, lang: str, lex: _Lexicon) -> tuple[str | None, int]:
    """The state of the agency matched at tokens ``i:j``, and where the mention starts."""
    start = toks[i].start
    if entry.country or entry.agency.startswith("NGO:"):
        return entry.country, start
    k = i
    while k > 0 and toks[k - 1].key in lex.modifiers:
        k -= 1
    if k > 0 and toks[k - 1].key in lex.region_adjectives:
        return "RU", toks[k - 1].start
    found = q.before(toks[k].start)
    if found:
        return found[1], found[0]
    if j < len(toks):
        nxt = j + 1 if toks[j].key in _OF[lang] else j
        nxt += 1 if nxt < len(toks) and toks[nxt].key == "the" else 0
        if nxt < len(toks) and toks[nxt].start in q.place_at and (nxt > j or lang == "ru"):
            return q.place_at[toks[nxt].start].country, start
        if not entry.abroad and toks[j].key in _IN[lang] and j + 1 < len(toks) and toks[j + 1].start in q.place_at:
            return q.place_at[toks[j + 1].start].country, start
    return None, toks[k].start  # "the regional police": its modifiers are part of the mention


_OWNED = re.compile(r"^['’]s\s+$")


def _share_titles(text: str, mentions: list[ActorMention], lang: str) -> list[ActorMention]:
    """A title takes the state of the named official after it ("President Vladimir Putin") or
    of the body it belongs to ("Chargé d'Affaires of the Russian Embassy", "поверенный в делах
    посольства России"); a unit takes the state of the body that owns it ("the Russian Interior
    Ministry's migration department")."""
    out = list(mentions)
    for n in range(len(out) - 1):
        m, nxt = out[n], out[n + 1]
        owned = _OWNED.match(text[m.end : nxt.start])
        if owned and nxt.country is None and m.country and not m.agency.startswith("NGO:"):
            out[n + 1] = replace(nxt, country=m.country, agency=_resolve(nxt.agency, dict(nxt.by_country), m.country))
            continue
        if m.country is not None or not nxt.country or nxt.agency.startswith("NGO:"):
            continue
        between = text[m.end : nxt.start]
        if m.agency == nxt.agency and _BETWEEN_TITLE_AND_NAME.match(between) or _OF_BODY[lang].match(between):
            out[n] = replace(m, country=nxt.country, agency=_resolve(m.agency, dict(m.by_country), nxt.country))
    return out


@cache
def _calendar_words() -> frozenset[str]:
    """English month and weekday names: capitalized, yet no part of a name ("On Tuesday President ...")."""
    data = lexicon.load("dates", "en")
    return frozenset(data["months"]) | frozenset(data["weekdays"])


def _inside_name(text: str, toks: list[Any], i: int, after_title: bool) -> bool:
    """A capitalized agency phrase right after a capitalized word that is no qualifier of it,
    no other agency or title (``after_title``: "President Putin"), no month or weekday, and does
    not open a sentence, continues that word's name ("Crocus City Hall")."""
    if i == 0 or after_title or not toks[i].text[:1].isupper() or not toks[i - 1].text[:1].isupper():
        return False
    if toks[i - 1].key in _calendar_words():
        return False
    before = text[max(0, toks[i - 1].start - 3) : toks[i - 1].start]
    return text[toks[i - 1].end : toks[i].start] == " " and not re.search(r"[.!?\n\"“«]\s*$|^\s*$", before)


def find_actors(text: str, lang: str) -> list[ActorMention]:
    """Agencies and NGOs named in ``text``, sorted by start, non-overlapping, longest phrase first.

    >>> [(a.surface, a.code(None)) for a in find_actors("The Russian Foreign Ministry and Memorial", "en")]
    [('Russian Foreign Ministry', 'RU:MFA'), ('Memorial', 'NGO:MEMORIAL')]
    """
    lex = _lexicon(lang)
    toks = tokenize(text, lang)
    q = _Qualifiers(text, lang)
    out = []
    prev_end = -1
    for i, j, entry in lex.index.scan(toks, _accept):
        cc, start = _country(entry, toks, i, j, q, lang, lex)
        after_title, prev_end = prev_end == i, j
        if lang == "en" and start == toks[i].start and _inside_name(text, toks, i, after_title):
            continue  # "Crocus City Hall": the tail of another proper name, not the agency
        end = toks[j - 1].end
        agency = _resolve(entry.agency, dict(entry.by_country), cc)
        out.append(ActorMention(start, end, text[start:end], agency, cc, entry.by_country))
    return _back_references(_share_titles(text, out, lang))


#: How much of an anaphor's noun an antecedent's name must hold ("ministry" in "Minister").
HEAD_STEM = 6
#: Bodies that "the agency" or "ведомство" never refers back to: courts, legislatures, officials.
_NO_AGENCY = frozenset({"COURT", "DUMA", "PARLIAMENT", "FEDCOUNCIL", "PRESIDENT", "GOVERNOR", "MAYOR", "OMBUDSMAN"})


def _back_references(mentions: list[ActorMention]) -> list[ActorMention]:
    """"The agency", "the ministry", "ведомство" name the government agency named last before
    them with its state ("Uzbekistan's Agency for External Labour Migration ... a Kazan court has
    ruled ... the agency urged citizens"); with none before, they name nothing. One whose name has
    the anaphor's noun comes first ("Kyrgyzstan's Foreign Ministry summoned Russia's ambassador
    ... the ministry said": the ministry, not the embassy)."""
    out: list[ActorMention] = []
    for m in mentions:
        if m.agency != ANAPHOR:
            out.append(m)
            continue
        able = [a for a in reversed(out) if a.country and not a.agency.startswith("NGO:") and a.agency not in _NO_AGENCY]
        noun = m.surface.split()[-1].lower()[:HEAD_STEM]
        before = next((a for a in able if noun in a.surface.lower()), able[0] if able else None)
        if before is not None:
            out.append(replace(m, agency=before.agency, country=before.country, by_country=before.by_country))
    return out
