"""Groups named by national origin (codebook field ``group``), in English and Russian.

Three shapes are found, from ``lexicons/<lang>/groups.yaml``:

- a demonym: "Tajiks", "таджиков" (kind ``people``) or "Tajik", "таджикский" (kind ``adjective``);
- a demonym before a people noun, read as one group: "Tajik migrants", "азербайджанских граждан";
- an origin noun before a country: "migrants from Tajikistan", "уроженцы Азербайджана",
  "workers, mostly from Tajikistan" (a hedge before the link), "people born in Uzbekistan" (a link phrase),
  "выходцы из Средней Азии", "citizens of Kyrgyzstan, Tajikistan and Uzbekistan";
- a country's name before a people noun (English): "Kyrgyzstan citizens", "Tajikistan nationals";
- an origin phrase: "of Tajik origin", "таджикского происхождения". After people of another
  country ("Russian citizens of Tajik origin", "граждане России узбекского происхождения") the
  origin is the group and the first country the citizenship they hold.

"migrants" or "foreigners" alone name no nationality and give nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import TypeVar

from diaspora_watch.extract import lexicon
from diaspora_watch.extract.gazetteer import PhraseIndex, Tok, tokenize
from diaspora_watch.extract.places import PlaceMention, find_places

__all__ = ["GroupMention", "find_groups"]

# Between two items of a list: "Tajik, Uzbek and Kyrgyz", "Киргизии, Таджикистана и Узбекистана".
V = TypeVar("V")
_BREAK = re.compile(r"[.!?:;\n()\[\]]")  # an origin noun and its country stay in one clause
_LIST_GAP = re.compile(r"^\s*(?:,\s*)?(?:(?:and|or|и|или|а также)\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class GroupMention:
    """People of one or more national origins named in a text (character offsets)."""

    start: int
    end: int
    surface: str
    countries: tuple[str, ...]
    kind: str  # "people" | "adjective" | "document" (a passport or a citizenship held)
    held: tuple[str, ...] = ()  # the citizenship, when the text names it apart from the origin


@dataclass(frozen=True)
class _Demonym:
    countries: tuple[str, ...]
    people: bool
    adjective: bool


@dataclass(frozen=True)
class _Lexicon:
    demonyms: PhraseIndex[_Demonym]
    regions: PhraseIndex[tuple[str, ...]]
    people_nouns: PhraseIndex[bool]
    origin_nouns: PhraseIndex[bool]
    links: frozenset[str]
    not_adjective_after: frozenset[str]
    origin_words: PhraseIndex[bool]
    fillers: frozenset[str]
    hedges: frozenset[str]
    link_phrases: PhraseIndex[bool]
    documents: frozenset[str]
    acquired: frozenset[str]


@cache
def _lexicon(lang: str) -> _Lexicon:
    data = lexicon.load("groups", lang)
    demonyms: PhraseIndex[_Demonym] = PhraseIndex()
    for g in data["groups"]:
        countries = tuple(g["countries"])
        for word in set(g["people"]) | set(g["adjective"]):
            demonyms.add_phrase(word, _Demonym(countries, word in g["people"], word in g["adjective"]))
        for word in g["adjective"] if lang == "en" else []:
            demonyms.add_phrase(f"{word}-born", _Demonym(countries, False, True))  # "Tajik-born men"
    regions: PhraseIndex[tuple[str, ...]] = PhraseIndex()
    for r in data["regions"]:
        for name in r["names"]:
            regions.add_phrase(name, tuple(r["countries"]))
    people, origin, origin_words = PhraseIndex[bool](), PhraseIndex[bool](), PhraseIndex[bool]()
    for word in data["people_nouns"]:
        people.add_phrase(word, True)
    for word in data["origin_nouns"]:
        origin.add_phrase(word, True)
    for word in data.get("origin_words", []):
        origin_words.add_phrase(word, True)
    link_phrases = PhraseIndex[bool]()
    for phrase in data.get("origin_link_phrases", []):
        link_phrases.add_phrase(phrase, True)
    return _Lexicon(demonyms, regions, people, origin, frozenset(data["origin_links"]),
                    frozenset(data.get("not_adjective_after", [])), origin_words,
                    frozenset(data.get("origin_fillers", [])), frozenset(data.get("origin_hedges", [])), link_phrases,
                    frozenset(data.get("document_nouns", [])), frozenset(data.get("acquired_before", [])))


def _first(_span: Sequence[Tok], candidates: list[V], _after: Tok | None) -> V:
    """PhraseIndex callback taking the first value of any match."""
    return candidates[0]


def _match_at(index: PhraseIndex, toks: Sequence[Tok], i: int) -> int:
    """Length of the longest phrase of ``index`` starting at token ``i`` (0 when none)."""
    for j, end, _ in index.scan(toks[i : i + index.longest], _first):
        return end if j == 0 else 0
    return 0


def _demonyms(text: str, toks: Sequence[Tok], lang: str, lex: _Lexicon) -> list[GroupMention]:
    out = []
    for i, j, d in lex.demonyms.scan(toks, lambda span, c, a: c[0] if lang == "ru" or span[0].text[:1].isupper() else None):
        noun = _match_at(lex.people_nouns, toks, j) if d.adjective else 0
        noun = noun or (_match_at(lex.origin_words, toks, j) if d.adjective and j < len(toks) else 0)
        if i > 0 and toks[i - 1].key in lex.acquired:
            end, kind = toks[j + noun - 1].end if noun else toks[j - 1].end, "document"  # "naturalized Russian citizens"
        elif noun:
            end, kind = toks[j + noun - 1].end, "people"
        elif d.adjective and j < len(toks) and toks[j].key in lex.documents:
            end, kind = toks[j].end, "document"  # "had Russian passports": a status, no group
        else:
            end, kind = toks[j - 1].end, _kind(d, toks[j] if j < len(toks) else None, text, toks[j - 1].end, lex)
        start = toks[i].start
        out.append(GroupMention(start, end, text[start:end], d.countries, kind))
    return out


def _kind(d: _Demonym, after: Tok | None, text: str, end: int, lex: _Lexicon) -> str:
    """People or adjective, for a demonym with no people noun after it."""
    if not (d.people and d.adjective):
        return "people" if d.people else "adjective"
    adjacent = after is not None and not text[end : after.start].strip()
    if adjacent and after is not None and after.text.isalpha() and after.key not in lex.not_adjective_after:
        return "adjective"  # "Kyrgyz embassy", "Kyrgyz Embassy"
    return "people"  # "the Kyrgyz were", "Kyrgyz, Tajiks"


def _origins(text: str, toks: Sequence[Tok], lang: str, lex: _Lexicon, countries_at: dict[int, PlaceMention]) -> list[GroupMention]:
    out = []
    for i, j, _ in lex.origin_nouns.scan(toks, _first):
        linked = j + 1 < len(toks) and (toks[j + 1].key in lex.links or _match_at(lex.link_phrases, toks, j + 1) > 0)
        if linked and toks[j].key in lex.hedges:
            j += 1  # "migrant workers, mostly from Tajikistan"
        if j < len(toks) and toks[j].key in lex.links:
            k = j + 1
        else:
            k = j + (_match_at(lex.link_phrases, toks, j) if j < len(toks) else 0)  # "people born in Uzbekistan"
        if k < len(toks) and toks[k].key == "the":
            k += 1
        if k >= len(toks) or (k == j and lang != "ru") or _BREAK.search(text[toks[j - 1].end : toks[k].start]):
            continue
        region = _match_at(lex.regions, toks, k)
        if not region and k > j and k + 1 < len(toks) and toks[k].key in lex.fillers:
            k += 2 if k + 2 < len(toks) and toks[k + 1].key in lex.links else 1  # "из республик Таджикистан"
        if region:
            countries = next(c for _, _, c in lex.regions.scan(toks[k : k + region], _first))
            end = toks[k + region - 1].end
        elif toks[k].start in countries_at:
            place = countries_at[toks[k].start]
            found, end = [place.country], place.end
            for nxt in sorted(p for p in countries_at if p > end):
                if not _LIST_GAP.match(text[end:nxt]):
                    break
                found.append(countries_at[nxt].country)
                end = countries_at[nxt].end
            countries = tuple(dict.fromkeys(found))
        else:
            continue
        start = toks[i].start
        out.append(GroupMention(start, end, text[start:end], countries, "people"))
    return out


def _attributive(text: str, toks: Sequence[Tok], lex: _Lexicon, countries_at: dict[int, PlaceMention]) -> list[GroupMention]:
    """A country's name before a people noun names its people: "Kyrgyzstan citizens"."""
    after = {t.start: n for n, t in enumerate(toks)}
    out = []
    for p in countries_at.values():
        gap = re.match(r"(?:['’]s)?\s+", text[p.end :])
        j = after.get(p.end + gap.end()) if gap else None
        noun = _match_at(lex.people_nouns, toks, j) if j is not None else 0
        if j is not None and noun:
            end = toks[j + noun - 1].end
            out.append(GroupMention(p.start, end, text[p.start : end], (p.country,), "people"))
    return out


_OF_ORIGIN = re.compile(r"^\s*(?:of\s+)?$", re.IGNORECASE)


def _origin_of(text: str, toks: Sequence[Tok], mentions: list[GroupMention], lex: _Lexicon) -> list[GroupMention]:
    """"Russian citizens of Tajik origin": one group, of Tajik origin, holding Russian citizenship."""
    ending = {t.end: n for n, t in enumerate(toks)}
    out: list[GroupMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        origin = m.end in ending and _match_at(lex.origin_words, toks, ending[m.end]) > 0
        if origin and prev is not None and prev.countries != m.countries and _OF_ORIGIN.match(text[prev.end : m.start]):
            out[-1] = GroupMention(prev.start, m.end, text[prev.start : m.end], m.countries, "people", prev.countries)
        else:
            out.append(m)
    return out


def _spread_lists(text: str, mentions: list[GroupMention]) -> list[GroupMention]:
    """An adjective listed before a group reads as that group: "Tajik, Uzbek and Kyrgyz migrants"."""
    out = list(mentions)
    for n in range(len(out) - 2, -1, -1):
        m, nxt = out[n], out[n + 1]
        if m.kind == "adjective" and nxt.kind == "people" and _LIST_GAP.match(text[m.end : nxt.start]):
            out[n] = replace(m, kind="people")
    return out


def find_groups(text: str, lang: str) -> list[GroupMention]:
    """Groups named in ``text``, sorted by start, non-overlapping (the longer phrase wins).

    >>> [(g.surface, g.countries, g.kind) for g in find_groups("Tajik migrants and Uzbeks", "en")]
    [('Tajik migrants', ('TJ',), 'people'), ('Uzbeks', ('UZ',), 'people')]
    """
    return list(_groups(text, lang))


@lru_cache(maxsize=32)
def _groups(text: str, lang: str) -> tuple[GroupMention, ...]:
    """Cached: actors look up the groups of the same text again."""
    lex = _lexicon(lang)
    toks = tokenize(text, lang)
    countries_at = {p.start: p for p in find_places(text, lang) if p.level == "country"}
    found = _origins(text, toks, lang, lex, countries_at) + _demonyms(text, toks, lang, lex)
    if lang == "en":
        found += _attributive(text, toks, lex, countries_at)
    chosen: list[GroupMention] = []
    for m in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)
    return tuple(_spread_lists(text, _origin_of(text, toks, sorted(chosen, key=lambda m: m.start), lex)))
