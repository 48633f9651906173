"""How many people an action hit, with the qualifier the text gives ("over 50" -> 50, at_least)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from diaspora_watch.extract import morph
from diaspora_watch.extract.components import component
from diaspora_watch.extract.lexicon import load, words as word_list
from diaspora_watch.extract.matcher import Matcher, Token

# 1,018 / 2 500 / 39,5 (a Russian decimal comma) / 2875
#: An apostrophe closing a noun makes it a possessive: "workers' hostels", "the migrant's home".
_POSSESSIVE = re.compile(r"['’](?:s\b)?")
#: A capitalised word and a comma just before a number: the number is in apposition to a name.
_AGE = re.compile(r"\b[A-ZА-ЯЁ][\w'’-]+,\s*$")
_NUM = re.compile(r"(?<![\d.,])(\d{1,3}(?:[,\u00a0 ]\d{3})+|\d+(?:[.,]\d+)?)(?![\d])")


@dataclass(frozen=True)
class Count:
    start: int
    end: int
    text: str
    value: int
    qualifier: str  # exact | at_least | about


@lru_cache(maxsize=4)
def _lexicon(lang: str) -> tuple[dict[str, Any], Matcher, Matcher]:
    data = load("counts", lang if lang in ("en", "ru") else "en")
    quals = Matcher([("at_least", p) for p in data["at_least"]] + [("about", p) for p in data["about"]])
    nouns = Matcher([("noun", p) for p in data["nouns"]] + [("single", p) for p in data.get("single", [])]
                    + [("partitive", p) for p in data.get("partitives", [])])
    return data, quals, nouns


def _compound(key: str, words: dict[str, float]) -> float:
    """A hyphenated number word ("twenty-five"), or 0."""
    parts = key.split("-")
    if len(parts) == 2 and all(p in words for p in parts) and _tens_and_units(words[parts[0]], words[parts[1]]):
        return float(words[parts[0]] + words[parts[1]])
    return 0.0


def _tens_and_units(tens: float, units: float) -> bool:
    return 20 <= tens <= 90 and tens % 10 == 0 and 1 <= units <= 9 and units == int(units)


def _value(raw: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:[,\u00a0 ]\d{3})+", raw):
        return float(re.sub(r"\D", "", raw))
    return float(raw.replace(",", "."))


@component("dw.extract.counts.v1")
def find(text: str, tokens: list[Token], lang: str) -> list[Count]:
    """Counts of people in a sentence: a number (digits or words) followed closely by a counted noun."""
    lex, quals, nouns = _lexicon(lang)
    words, mult = lex["numbers"], lex["multipliers"]
    noun_hits = nouns.find(tokens)
    noun_at = {h.first: h for h in noun_hits if h.label in ("noun", "partitive")}
    qual_end = {h.last: h for h in quals.find(tokens)}
    by_start = {t.start: i for i, t in enumerate(tokens)}
    out: list[Count] = []
    # (first token, last token, value) of every number
    numbers: list[tuple[int, int, float]] = []
    for m in _NUM.finditer(text, tokens[0].start if tokens else 0, tokens[-1].end if tokens else 0):
        i = by_start.get(m.start())
        if i is None or not re.fullmatch(r"[\d.,]+", tokens[i].text):
            continue  # "30-year-old" is an age, not a count
        j = i
        while j + 1 < len(tokens) and tokens[j + 1].end <= m.end():
            j += 1
        if _AGE.search(text, max(0, m.start() - 40), m.start()) and text[m.end() : m.end() + 1] == ",":
            continue  # "Mammadli, 52, was detained": an age set off after a name
        numbers.append((i, j, _value(m.group())))
    vague = word_list("counts", lang, "vague")
    for i, t in enumerate(tokens):
        if i > 0 and tokens[i - 1].key in vague:
            continue  # "several hundred", "a few thousand": no figure is told
        if t.key in words or _compound(t.key, words):
            value = float(words.get(t.key) or _compound(t.key, words))
            if numbers and numbers[-1][1] == i - 1 and _tens_and_units(numbers[-1][2], value):
                numbers[-1] = (numbers[-1][0], i, numbers[-1][2] + value)  # "двадцать пять"
                continue
            numbers.append((i, i, value))
        elif t.key in mult and not (i > 0 and any(n[1] == i - 1 for n in numbers)):
            numbers.append((i, i, 1.0))  # "около тысячи": a bare multiplier is one thousand
    rest = {first: (last, value) for first, last, value in numbers}
    consumed: set[int] = set()
    for first, last, value in sorted(numbers):
        if first in consumed:
            continue
        k = last + 1
        if k < len(tokens) and tokens[k].key.rstrip(".") in mult and tokens[k].key not in words:
            value *= mult[tokens[k].key.rstrip(".")]
            last = k
            if (tail := rest.get(k + 1)) and tail[1] < mult[tokens[k].key.rstrip(".")]:
                value, last = value + tail[1], tail[0]  # "12 тыс. 262 гражданина": 12,262
                consumed.add(k + 1)
        elif tokens[last].key in mult and first == last:
            value = mult[tokens[last].key]
        if value < 1 or value != int(value) and value < 1000 or (1900 <= value <= 2100 and last == first and "," not in tokens[first].text):
            if not (1900 <= value <= 2100 and _counted(text, tokens, last, noun_at, lex)):
                continue
        if not _counted(text, tokens, last, noun_at, lex) and not _total(tokens, first, noun_at, lex):
            continue
        if value < 2 and last + 1 in noun_at and noun_at[last + 1].label == "partitive":
            continue  # "one of them said": someone picked out, not a count
        q = qual_end.get(first)
        start = q.start if q else tokens[first].start
        out.append(Count(start, tokens[last].end, text[start : tokens[last].end], int(round(value)), q.label if q else "exact"))
    ends = {last for _, last, _ in numbers}
    for h in noun_hits:
        if h.label == "single" and not ends & {h.first - 1, h.first - 2} and not _in_name(text, h.start):
            out.append(Count(h.start, h.end, text[h.start : h.end], 1, "exact"))
    return out


#: How many words may stand between a result frame and the act it frames ("по итогам проведённого рейда").
FRAME_GAP = 2


@lru_cache(maxsize=4)
def _frames(lang: str) -> Matcher:
    return Matcher(("frame", p) for p in _lexicon(lang)[0].get("result_frames", []))


def framed(tokens: list[Token], first: int, lang: str) -> bool:
    """The act word at token ``first`` is framed as what the sentence's main act followed
    ("по итогам рейда 27 иностранцев вышлют", "после рейда выдворят 20 мигрантов"): the
    sentence's figures count the people of the main act, not of the framed one."""
    lo = max(0, first - FRAME_GAP - 3)
    return any(0 <= first - lo - h.last <= FRAME_GAP for h in _frames(lang).find(tokens[lo : first]))


def number(tok: Token, lang: str) -> int | None:
    """The whole number a single token writes ("11", "три", "двенадцати"), if any."""
    if tok.text.isdigit():
        return int(tok.text)
    value = _lexicon(lang)[0]["numbers"].get(tok.key)
    return int(value) if value and value == int(value) else None


def tally_prepositions(lang: str) -> frozenset[str]:
    """The prepositions between a figure and its place in a tally ("11 в Петербурге, 12 в Хабаровске")."""
    return word_list("counts", lang, "tally_prepositions")


#: How many words before and after an act its pronoun object may stand ("в отношении них приняты решения о выдворении").
PRONOUN_BEFORE, PRONOUN_AFTER = 5, 3


def pronoun_near(tokens: list[Token], first: int, last: int, lang: str) -> bool:
    """A plural pronoun stands by the act at tokens ``first`` to ``last`` (end exclusive): it
    stands for people counted before ("Их доставили в отдел", "к их выдворению")."""
    words = set(_lexicon(lang)[0].get("people_pronouns", []))
    return any(t.key in words for t in tokens[max(0, first - PRONOUN_BEFORE) : last + PRONOUN_AFTER])


def _in_name(text: str, pos: int) -> bool:
    """``pos`` lies in a capitalized name in guillemets: an operation «Нелегальный мигрант» names no person."""
    opened = text.rfind("«", 0, pos)
    return opened >= 0 and "»" not in text[opened:pos] and text[opened + 1 : opened + 2].isupper() and "»" in text[pos : pos + 40]


def _counted(text: str, tokens: list[Token], last: int, noun_at: dict[int, Any], lex: dict[str, Any]) -> bool:
    """The number counts people: it quantifies a person noun ("three natives of Azerbaijan",
    "two Tajik citizens"), is a subject ("nine were"), or is a collective numeral that means
    people by itself ("в отношении двоих").

    The noun must head the number's phrase: one that only owns its head ("three workers'
    hostels") or follows a preposition after the head ("three hostels of migrants") counts
    buildings, not people; "two of the migrants" is partitive and counts them. In Russian the
    first noun after the number is its head ("в пяти общежитиях мигрантов": hostels).
    """
    if tokens[last].key in lex.get("people_numerals", []) and not _before_unit(tokens, last, lex):
        return True
    for k in range(last + 1, min(last + 4, len(tokens))):
        if tokens[k].key in lex.get("not_after", []) or tokens[k].key.split("-")[-1] in lex.get("not_after", []):
            return False
        if k in noun_at and noun_at[k].label in ("noun", "partitive"):
            return not _POSSESSIVE.match(text, tokens[k].end)
        if tokens[k].key in lex.get("prepositions", []) and k > last + 1 or morph.is_noun(tokens[k].text):
            return False
    nxt = tokens[last + 1].key if last + 1 < len(tokens) else ""
    return nxt in lex.get("subject_verbs", []) and last + 1 < len(tokens)


def _total(tokens: list[Token], first: int, noun_at: dict[int, Any], lex: dict[str, Any]) -> bool:
    """The number is what a total of people reaches ("the number of migrants detained reached
    5,200", "число выдворенных составило 1200"): a total noun, a people noun after it, then a cue."""
    cues = lex.get("total_cues", [])
    before = [t.key for t in tokens[max(0, first - 2) : first]]
    if not (before and (before[-1] in cues or " ".join(before) in cues)):
        return False
    heads = [i for i, t in enumerate(tokens[:first]) if t.key in lex.get("total_nouns", [])]
    return any(k in noun_at for h in heads for k in range(h + 1, first))


def _before_unit(tokens: list[Token], last: int, lex: dict[str, Any]) -> bool:
    return last + 1 < len(tokens) and tokens[last + 1].key in lex.get("not_after", [])


def best(counts: list[Count]) -> Count | None:
    """The count for an event: the largest firm figure, else the largest approximate one.

    A text may give a first partial figure and a later fuller one ("nine were arrested" and
    "more than fifty detained"); the codebook counts everyone the action hit.
    """
    firm = [c for c in counts if c.qualifier != "about"]
    pool = firm or counts
    return max(pool, key=lambda c: c.value) if pool else None
