"""Groups named by national origin (codebook field ``group``), in English and Russian.

Three shapes are found, from ``lexicons/<lang>/groups.yaml``:

- a demonym: "Tajiks", "таджиков" (kind ``people``) or "Tajik", "таджикский" (kind ``adjective``);
- a demonym before a people noun, read as one group: "Tajik migrants", "азербайджанских граждан";
- an origin noun before a country: "migrants from Tajikistan", "уроженцы Азербайджана",
  "выходцы из Средней Азии", "citizens of Kyrgyzstan, Tajikistan and Uzbekistan".

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
from diaspora_watch.extract.places import find_places

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
    kind: str  # "people" | "adjective"


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


@cache
def _lexicon(lang: str) -> _Lexicon:
    data = lexicon.load("groups", lang)
    demonyms: PhraseIndex[_Demonym] = PhraseIndex()
    for g in data["groups"]:
        countries = tuple(g["countries"])
        for word in set(g["people"]) | set(g["adjective"]):
            demonyms.add_phrase(word, _Demonym(countries, word in g["people"], word in g["adjective"]))
    regions: PhraseIndex[tuple[str, ...]] = PhraseIndex()
    for r in data["regions"]:
        for name in r["names"]:
            regions.add_phrase(name, tuple(r["countries"]))
    people, origin = PhraseIndex[bool](), PhraseIndex[bool]()
    for word in data["people_nouns"]:
        people.add_phrase(word, True)
    for word in data["origin_nouns"]:
        origin.add_phrase(word, True)
    return _Lexicon(demonyms, regions, people, origin, frozenset(data["origin_links"]),
                    frozenset(data.get("not_adjective_after", [])))


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
        if noun:
            end, kind = toks[j + noun - 1].end, "people"
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


def _origins(text: str, toks: Sequence[Tok], lang: str, lex: _Lexicon) -> list[GroupMention]:
    countries_at = {p.start: p for p in find_places(text, lang) if p.level == "country"}
    out = []
    for i, j, _ in lex.origin_nouns.scan(toks, _first):
        k = j + 1 if j < len(toks) and toks[j].key in lex.links else j
        if k < len(toks) and toks[k].key == "the":
            k += 1
        if k >= len(toks) or (k == j and lang != "ru") or _BREAK.search(text[toks[j - 1].end : toks[k].start]):
            continue
        region = _match_at(lex.regions, toks, k)
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
    found = _origins(text, toks, lang, lex) + _demonyms(text, toks, lang, lex)
    chosen: list[GroupMention] = []
    for m in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)
    return tuple(_spread_lists(text, sorted(chosen, key=lambda m: m.start)))
