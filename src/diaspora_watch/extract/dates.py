"""Date phrases found by our own matcher and resolved against the publication date.

dateparser is not used: it misses Russian locative months ("в декабре") and "last December",
and its ``search_dates`` finds false dates in running text (see notes/dependencies.md), while
the phrases news reports use are few. Resolution follows codebook section 3: relative dates
resolve against the anchor (publication date), only at the precision the anchor supports.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from diaspora_watch.extract import morph
from diaspora_watch.extract.components import component
from diaspora_watch.extract.lexicon import load
from diaspora_watch.extract.matcher import Matcher, Token

VAGUE = frozenset({"recent", "this_week", "last_week"})
#: Period statistics ("in the first quarter", "за девять месяцев") date to the period's last month.
PERIOD_END = {"q1": 3, "first_half": 6, "q2": 6, "q3": 9, "nine_months": 9, "second_half": 12}
#: Phrases that date an act by another the narrative told before it.
NARRATIVE = frozenset({"later", "same_day", "offset"})
#: Fixed phrases that move a whole day from the date told before ("the next day", "накануне").
DAY_SHIFT = {"next_day": 1, "day_before": -1}
#: Fixed phrases that count days back from the publication day ("позавчера").
AGO_DAYS = {"day_before_yesterday": 2}
#: Seasons by their months ("прошлой осенью", "this spring"): they span months, so they give a year.
#: Winter spans two years, so no year holds it (codebook: the finest precision holding the range).
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11)}
#: How many characters may stand between an offset's "after" and the act it is counted from
#: ("two days after his arrest").
OBJECT_GAP = 12
_NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")


@dataclass(frozen=True)
class Anchor:
    """The date relative phrases resolve against; ``weak`` when it is only the collection date."""

    year: int
    month: int | None = None
    day: int | None = None
    weak: bool = False

    @classmethod
    def parse(cls, value: str, weak: bool = False) -> Anchor | None:
        parts = [int(p) for p in value.split("-") if p.isdigit()] if value else []
        if not parts:
            return None
        return cls(parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None, weak)

    def month_or_year(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

    def iso(self) -> str:
        return f"{self.month_or_year()}-{self.day:02d}" if self.day else self.month_or_year()


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    kind: str  # "absolute" | "weekday" | a relative label
    year: int | None = None
    month: int | None = None
    day: int | None = None
    last: bool = False  # "last December", "в декабре прошлого года"
    ignored: bool = False  # "until May 22": not when something happened
    act: bool = False  # "закон от 28 апреля": the date of a legal act
    ahead: bool = False  # "starting from November 1": later than the publication, this year
    since: bool = False  # "с января выдворили 4600": a period running to the report; a rule's start ("с января вступят в силу")
    shift: int = 0  # "offset": days from the date told before ("two days later" +2); "ago": from the anchor
    object: bool = False  # "offset" counted from an act it names ("two days after his arrest")
    to: "DateMention | None" = None  # the range's other end ("on Monday and Tuesday")

    @property
    def explicit_year(self) -> bool:
        return self.kind == "absolute" and self.year is not None


@lru_cache(maxsize=4)
def _lexicon(lang: str) -> tuple[dict[str, Any], Matcher]:
    data = load("dates", lang if lang in ("en", "ru") else "en")
    return data, Matcher((e["label"], p) for e in data["relative"] for p in e["patterns"])


@lru_cache(maxsize=4)
def _phrases(lang: str, key: str) -> Matcher:
    return Matcher((key, p) for p in _lexicon(lang)[0].get(key, []))


def sequel(tokens: list[Token], lang: str) -> bool:
    """The sentence opens by telling an act that followed the one told before it ("Then ...",
    "В ответ ..."), so a day carried over from that sentence is not this act's day. Inside a
    sentence "and then" orders the steps of one episode ("came ... and then beat the students")."""
    return any(h.first == 0 for h in _phrases(lang, "sequel").find(tokens))


def topic(tokens: list[Token], lang: str, first: int) -> bool:
    """The act starting at token ``first`` is what another act is about ("summoned the ambassador
    on Wednesday over the arrest of ...", "звонок по поводу задержания"): that act's date is not its own."""
    lex = _lexicon(lang)[0]
    k = first
    while k > 0 and tokens[k - 1].key in lex.get("determiners", []):
        k -= 1
    before = tokens[max(0, k - 4) : k]
    return any(h.last == len(before) for h in _phrases(lang, "topic_before").find(before))


def act_noun(tokens: list[Token], lang: str, first: int) -> bool:
    """The act word at token ``first`` is a noun ("the arrest of", "задержание"), not a verb."""
    if lang == "ru":
        return morph.is_noun(tokens[first].text)
    return first > 0 and tokens[first - 1].key in _lexicon(lang)[0].get("noun_before", [])


def opens_clause(text: str, tokens: list[Token], lang: str, lo: int, hi: int) -> bool:
    """A relative clause opens after a comma between tokens ``lo`` and ``hi`` ("a raid in Omsk,
    which led to the deaths of ...")."""
    return any(lo < h.first and h.last <= hi and "," in text[tokens[h.first - 1].end : tokens[h.first].start]
               for h in _phrases(lang, "clause_openers").find(tokens[:hi]))


def prior_act(text: str, tokens: list[Token], lang: str, last: int, m: DateMention, acts: list[int]) -> bool:
    """``m`` sits in a phrase after the trigger (ending at token ``last``) that tells what the act
    followed ("raided the concert after the ministry on Sunday cancelled a show", "advised
    against travel following the attack last month"), up to a comma: it dates that earlier act.
    Not when one of our acts (token indexes ``acts``) stands in the phrase ("detained after a raid
    on Sunday", "died after being detained on Monday"): that is the episode the sentence tells."""
    if m.kind in NARRATIVE or last >= len(tokens) or m.start < tokens[last - 1].end:
        return False
    at = next((k for k, t in enumerate(tokens) if t.start >= m.start), len(tokens))
    for h in _phrases(lang, "prior_act").find(tokens[last:at]):
        k = last + h.last
        if "," not in text[tokens[k - 1].end : m.start] and not any(k <= a < at for a in acts):
            return True
    return False


def in_clause(text: str, tokens: list[Token], lang: str, first: int, last: int, m: DateMention) -> bool:
    """``m`` sits in a relative or participial clause on another word than the trigger (tokens
    ``first`` to ``last``, end exclusive), so it dates that clause's act: "annulled the passport
    that he had received in 2011", "паспорт, полученный в 2011 году", "The man, who arrived in
    2019, was detained". A clause right on the trigger ("рейд, проведённый во вторник") dates it, and
    so does one that names a day: what it tells is the same episode ("the deaths of Azerbaijanis who
    suffered on June 27"), while the year or month of another act is background."""
    if m.day is not None and m.kind == "absolute" or m.kind not in ("absolute", "last_year", "this_year", "last_month"):
        return False
    opens = {h.first for h in _phrases(lang, "clause_openers").find(tokens)}
    participles = bool(_lexicon(lang)[0].get("participle_clauses"))

    def opener(k: int) -> bool:
        comma = k > 0 and "," in text[tokens[k - 1].end : tokens[k].start]
        if lang == "ru" and not comma:
            return False
        return k in opens or participles and _participle(tokens[k].text)

    at = next((k for k, t in enumerate(tokens) if t.start >= m.start), len(tokens))
    if last < len(tokens) and m.start >= tokens[last - 1].end:
        return any(opener(k) for k in range(last + 1, at))
    if first < len(tokens) and m.end <= tokens[first].start and "," in text[m.end : tokens[first].start]:
        k = next((k for k in range(at - 1, -1, -1) if "," in text[tokens[k].end : m.start] or opener(k)), None)
        return k is not None and "," not in text[tokens[k].end : m.start] and opener(k)
    return False


@lru_cache(maxsize=50_000)
def _participle(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word) and morph.analyzer().parse(word.lower())[0].tag.POS == "PRTF"


_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th|-го|-е)?")


def _day(tok: Token) -> int | None:
    """The day of the month ``tok`` writes ("12", "3rd"), if any."""
    m = _DAY.fullmatch(tok.text)
    return int(m.group(1)) if m and 1 <= int(m.group(1)) <= 31 else None


def _int(tok: Token, lo: int, hi: int) -> int | None:
    return int(tok.text) if tok.text.isdigit() and lo <= int(tok.text) <= hi and len(tok.text) <= 4 else None


@component("dw.extract.dates.v1")
def find(text: str, tokens: list[Token], lang: str) -> list[DateMention]:
    """Every date phrase in ``tokens`` (of ``text``), absolute, weekday or relative."""
    lex, rel = _lexicon(lang)
    months, weekdays, month_words = lex["months"], lex["weekdays"], _month_words(lang)
    out: list[DateMention] = []
    used: set[int] = set()
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if i in used:
            continue
        month_key = month_words.get(tok.key)
        if month_key:
            first, last_i = i, i
            day = _day(tokens[i - 1]) if i > 0 and tokens[i - 1].end + 2 >= tok.start else None
            if day is not None:
                first = i - 1
            elif i > 1 and tokens[i - 1].key == "of" and (day := _day(tokens[i - 2])):
                first = i - 2  # "the 2nd of November"
            elif i + 1 < n and _day(tokens[i + 1]):
                day, last_i = _day(tokens[i + 1]), i + 1
            other = None  # the span's other day: "16 и 17 ноября", "с 16 по 18 ноября", "November 16 and 17,"
            if day is not None and first == i - 1 and first >= 2 and tokens[first - 1].key in _DAY_JOINS:
                if other := _day(tokens[first - 2]):
                    first -= 2
            elif day is not None and last_i == i + 1 and last_i + 2 < n and tokens[last_i + 1].key in _DAY_JOINS:
                k = last_i + 2
                if (other := _day(tokens[k])) and (k + 1 == n or text[tokens[k].end : tokens[k].end + 1] in ",.;:)"
                                                    or tokens[k + 1].key in _DAY_JOINS | {"in", "at", "on", "в", "во", "на"}):
                    last_i = k
                else:
                    other = None
            year = None
            j = last_i + 1
            if j < n and len(tokens[j].text) == 4 and _int(tokens[j], 1900, 2099):
                year, last_i = int(tokens[j].text), j
                if j + 1 < n and tokens[j + 1].key in lex.get("year_words", []):
                    last_i = j + 1
            if month_key == "may" and day is None and year is None and not (i > 0 and tokens[i - 1].key in lex.get("month_cues", [])):
                continue  # the modal verb, not the month ("in May" is the month)
            is_last = i > 0 and tokens[i - 1].key in lex.get("last", [])
            if last_i + 1 < n and tokens[last_i + 1].key in lex.get("previous_year_after", []):
                is_last, last_i = True, last_i + 1 + (last_i + 2 < n and tokens[last_i + 2].key in lex.get("year_words", []))
            used.update(range(first, last_i + 1))
            m = _mention(text, tokens, first, last_i, lex, "absolute", year, months[month_key], day, is_last)
            out.append(replace(m, to=replace(m, day=other)) if other else m)
        elif tok.key in weekdays:
            used.add(i)
            out.append(_mention(text, tokens, i, i, lex, "weekday", None, None, weekdays[tok.key]))
        elif len(tok.text) == 4 and _int(tok, 1950, 2099) and not text[tok.end : tok.end + 1] in ("-", "–"):
            after = text[tok.end : tok.end + 2]
            if after[:1] in ("%",) or text[max(0, tok.start - 1) : tok.start] in ("№", "#", "$"):
                continue
            if _NAMED_YEAR.search(text, max(0, tok.start - 4), tok.start):
                continue  # a year in a name: operation «Нелегал-2024», "Euro-2024"
            used.add(i)
            out.append(_mention(text, tokens, i, i, lex, "absolute", int(tok.text)))
    span = (tokens[0].start, tokens[-1].end) if tokens else (0, 0)
    for m in _NUMERIC.finditer(text, *span):
        d, mo, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(6), m.group(5), m.group(4))
        if 1 <= int(mo) <= 12 and 1 <= int(d) <= 31:
            out = [o for o in out if not (m.start() <= o.start < m.end())]
            out.append(DateMention(m.start(), m.end(), m.group(), "absolute", int(y), int(mo), int(d)))
    out.extend(_offsets(text, tokens, lex, out))
    for h in rel.find(tokens):
        if not any(o.start <= h.start < o.end for o in out):
            if h.label in DAY_SHIFT:
                out.append(_offset(text, tokens, h.first, h.last - 1, lex, DAY_SHIFT[h.label]))
                continue
            if h.label in AGO_DAYS:
                out.append(replace(_mention(text, tokens, h.first, h.last - 1, lex, "ago"), shift=-AGO_DAYS[h.label]))
                continue
            last, year = h.last - 1, None
            if h.label in PERIOD_END:  # "the first quarter of 2024", "первый квартал 2024 года"
                k = h.last + (h.last < n and tokens[h.last].key in ("of", "the"))
                if k < n and len(tokens[k].text) == 4 and _int(tokens[k], 1900, 2099):
                    year, last = int(tokens[k].text), k
                    out = [o for o in out if not (o.start == tokens[k].start)]
            out.append(_mention(text, tokens, h.first, last, lex, h.label, year))
    if lex.get("future_tense"):
        out = [replace(m, ahead=True) if m.kind == "absolute" and m.year is None and m.month is not None
               and not m.last and _future(text, tokens, m) else m for m in out]
    return _ranges(text, sorted(out, key=lambda m: m.start))


#: How many words from a date its verb may stand ("вступит в силу с 1 сентября").
VERB_WINDOW = 6


def _future(text: str, tokens: list[Token], m: DateMention) -> bool:
    """The verb nearest a yearless date in its clause is in the future tense ("закон вступит в
    силу с 1 сентября", "будет рассмотрен в октябре"): the month is still to come, so this year's.
    A comma bounds the clause ("закон, принятый в сентябре, вступит в силу в январе")."""
    at = next((k for k, t in enumerate(tokens) if t.start >= m.start), len(tokens))
    end = next((k for k, t in enumerate(tokens) if t.start >= m.end), len(tokens))
    sides = [range(at - 1, max(-1, at - 1 - VERB_WINDOW), -1), range(end, min(len(tokens), end + VERB_WINDOW))]
    near: list[tuple[int, int]] = []
    for side in sides:
        prev = at if side.step < 0 else end - 1
        for k in side:
            lo, hi = sorted((tokens[k].end, tokens[prev].start) if side.step < 0 else (tokens[prev].end, tokens[k].start))
            if any(c in text[lo:hi] for c in ",;:"):
                break
            prev = k
            if morph.tense(tokens[k].text) is not None:
                near.append((abs(k - at) if side.step < 0 else k - end + 1, k))
                break
    if not near:
        return False
    k = min(near)[1]
    tense = morph.tense(tokens[k].text)
    # "будет рассмотрен": a short participle after a future auxiliary
    return tense == "futr" or k > 0 and morph.tense(tokens[k - 1].text) == "futr"


#: A word and a dash just before a year make it part of a name («Нелегал – 2024», "Мигрант-2025").
_NAMED_YEAR = re.compile(r"[^\W\d]\s?[-–—]\s?$")
#: Words that join two days of one month ("16 и 17 ноября", "November 16 to 18").
_DAY_JOINS = frozenset({"and", "or", "to", "through", "и", "или", "по"})
#: What joins two days into one span of days ("on Monday and Tuesday", "с 16 по 18 ноября").
_RANGE_JOIN = re.compile(rf"^\s*(?:{'|'.join(sorted(_DAY_JOINS))}|till|until|-|–|—)\s+(?:on\s+|в\s+|во\s+)?$", re.IGNORECASE)


def _ranges(text: str, found: list[DateMention]) -> list[DateMention]:
    """Two days joined by "and", "to", "по" are one span: it dates an act at the finest precision
    holding both (codebook: "on Monday and Tuesday" in one month is that month)."""
    out: list[DateMention] = []
    for m in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.to is None and {prev.kind, m.kind} <= {"weekday", "absolute"}
                and (prev.day is not None and m.day is not None) and _RANGE_JOIN.match(text[prev.end : m.start])):
            out[-1] = replace(prev, end=m.end, text=text[prev.start : m.end], to=m)
        else:
            out.append(m)
    return out


#: Prefixes that narrow a month inside its word ("mid-February", "early-March").
_MONTH_PREFIXES = ("mid-", "early-", "late-")


@lru_cache(maxsize=4)
def _month_words(lang: str) -> dict[str, str]:
    """Every word that names a month, prefixed or not ("february", "mid-february"), to the
    month's key: one look-up per token, since most tokens of a sentence are no month."""
    months = _lexicon(lang)[0]["months"]
    return {**{p + k: k for p in _MONTH_PREFIXES for k in months}, **{k: k for k in months}}


def _mention(text: str, tokens: list[Token], first: int, last: int, lex: dict[str, Any], kind: str,
             year: int | None = None, month: int | None = None, day: int | None = None, is_last: bool = False) -> DateMention:
    cue = _cue_before(tokens, first, lex)
    start, end = tokens[first].start, tokens[last].end
    since = cue in lex.get("since_before", []) and month is not None and day is None
    return DateMention(start, end, text[start:end], kind, year, month, day, is_last,
                       ignored=cue in lex.get("ignore_before", []) or _birth(tokens, first, last, lex),
                       act=cue in lex.get("act_date_before", []), ahead=cue in lex.get("ahead_before", []), since=since)


def _birth(tokens: list[Token], first: int, last: int, lex: dict[str, Any]) -> bool:
    """A date of birth ("1985 года рождения", "1994 г.р.", "born in 1985") says who a person is,
    not when anything was done to him."""
    birth = lex.get("birth", {})
    k = last + 1 + (last + 1 < len(tokens) and tokens[last + 1].key in lex.get("year_words", []))
    if k < len(tokens) and tokens[k].key in birth.get("after", []):
        return True
    return any(0 <= first - d < len(tokens) and tokens[first - d].key in birth.get("before", []) for d in (1, 2))


def _cue_before(tokens: list[Token], first: int, lex: dict[str, Any]) -> str | None:
    """The word that governs the date starting at ``first``, over the words that only narrow it
    ("until the end of May" -> until); "detained by police on Monday" has none ("by" governs police)."""
    k, gap = first - 1, set(lex.get("cue_gap", []))
    while k >= 0 and tokens[k].key in gap and first - k <= 3:
        k -= 1
    return tokens[k].key if k >= 0 else None


def _number(tok: Token, lex: dict[str, Any]) -> int | None:
    return _int(tok, 1, 31) if tok.text.isdigit() else lex.get("numbers", {}).get(tok.key)


def _offsets(text: str, tokens: list[Token], lex: dict[str, Any], found: list[DateMention]) -> list[DateMention]:
    """Counted day offsets: "two days later", "через два дня", "двумя днями ранее", "за два дня до",
    "three days ago". Weeks and "a few days" are too loose for a day and stay with ``later``."""
    off = lex.get("offsets", {})
    out: list[DateMention] = []
    for i in range(1, len(tokens)):
        if tokens[i].key not in off.get("units", []) or (n := _number(tokens[i - 1], lex)) is None:
            continue
        if any(o.start <= tokens[i - 1].start < o.end for o in found):
            continue
        first, last = i - 1, i
        pre = tokens[first - 1].key if first > 0 else None
        post = tokens[i + 1].key if i + 1 < len(tokens) else None
        if post in off.get("ago", []):
            out.append(replace(_mention(text, tokens, first, i + 1, lex, "ago"), shift=-n))
            continue
        sign = 1 if pre in off.get("forward_before", []) else 0
        if post in off.get("forward_after", []) or post in off.get("backward_after", []):
            sign, last = (1 if post in off.get("forward_after", []) else -1), i + 1
        if sign == 0:
            continue
        if pre in off.get("forward_before", []) + off.get("backward_before", []):
            first -= 1
        out.append(_offset(text, tokens, first, last, lex, sign * n))
    return out


def _offset(text: str, tokens: list[Token], first: int, last: int, lex: dict[str, Any], shift: int) -> DateMention:
    """An offset of ``shift`` days; it names its own starting act when an object follows its
    "after"/"before" with no punctuation between ("two days after his arrest", "накануне визита")."""
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    obj = (nxt is not None and tokens[last].key in lex.get("offsets", {}).get("object_before", [])
           and not text[tokens[last].end : nxt.start].strip() and _object_word(nxt, lex))
    return replace(_mention(text, tokens, first, last, lex, "offset"), shift=shift, object=obj)


def _object_word(tok: Token, lex: dict[str, Any]) -> bool:
    """The word after "after"/"накануне" opens a noun phrase: a determiner (English) or a
    lower-case noun in the genitive (Russian "накануне визита"; not "накануне полиция ...")."""
    if tok.key in lex.get("determiners", []):
        return True
    if not tok.text.islower() or not any("\u0400" <= ch <= "\u04ff" for ch in tok.text):
        return False
    tag = morph.analyzer().parse(tok.text.lower())[0].tag
    return tag.POS == "NOUN" and "gent" in tag


def anchor_for(published: str, mentions: list[DateMention], collected: str) -> Anchor | None:
    """The publication date; else the latest absolute date the text gives; else the collection date."""
    a = Anchor.parse(published)
    if a:
        return a
    dated = [m for m in mentions if m.explicit_year]
    if dated:
        best = max(dated, key=lambda m: (m.year or 0, m.month or 0, m.day or 0))
        return Anchor(best.year or 0, best.month, best.day)
    return Anchor.parse(collected, weak=True)


def resolve_later(m: DateMention, earlier: list[DateMention], a: Anchor) -> str | None:
    """A date told relative to the one the narrative gave before it: "the same day" is that date;
    a counted offset ("two days later", "накануне") moves it by whole days when it has a day;
    "two weeks later", "a few days later" and an offset from an act it names ("two days after his
    arrest") keep only its month. None when the text gave none before (a backward offset then
    counts from the anchor: "накануне" is the day before publication)."""
    before = [e for e in earlier if e.end <= m.start and not e.ignored
              and ((e.kind == "absolute" and e.month is not None) or e.kind in ("weekday", "yesterday", "ago")
                   or e.kind in NARRATIVE and e.shift >= 0)]  # "the day before" twice is one day, not two
    if not before:
        return resolve(replace(m, kind="ago"), a) if m.kind == "offset" and m.shift < 0 and not m.object else None
    ref = before[-1]
    value = resolve_later(ref, earlier, a) if ref.kind in NARRATIVE else resolve(ref, a)
    if value is None or m.kind == "same_day":
        return value
    if m.kind == "offset" and not m.object and len(value) == 10:
        moved = shifted(value, m.shift)
        return moved if a.day is None or moved <= a.iso() else value[:7]
    return value[:7]


def shifted(value: str, days: int) -> str:
    """The ISO day ``value`` moved by ``days``."""
    return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()


def resolve(m: DateMention, a: Anchor) -> str | None:
    """The date ``m`` stands for, as YYYY, YYYY-MM or YYYY-MM-DD, or None when it cannot be placed.

    >>> a = Anchor(2025, 7, 2)
    >>> resolve(DateMention(0, 8, "Saturday", "weekday", day=5), a)
    '2025-06-28'
    >>> resolve(DateMention(0, 13, "last December", "absolute", month=12, last=True), a)
    '2024-12'
    """
    if m.to is not None:
        ends = [resolve(replace(m, to=None), a), resolve(m.to, a)]
        if None in ends:
            return None
        first, last = ends
        return next((first[:n] for n in (10, 7, 4) if first[:n] == last[:n]), None)  # type: ignore[index]
    if m.kind == "absolute":
        if m.month is None:
            return f"{m.year:04d}" if m.year else None
        year = m.year
        if year is None:
            year = a.year - 1 if m.last or (not m.ahead and a.month is not None and m.month > a.month) else a.year
        return f"{year:04d}-{m.month:02d}" + (f"-{m.day:02d}" if m.day else "")
    if m.kind == "weekday":
        if a.day is None or a.month is None:
            return a.month_or_year()
        base = dt.date(a.year, a.month, a.day)
        back = (base.weekday() - (m.day or 0)) % 7
        return (base - dt.timedelta(days=back)).isoformat()
    if m.kind in ("yesterday", "ago"):
        if a.day is None or a.month is None:
            return a.month_or_year()
        return shifted(a.iso(), m.shift if m.kind == "ago" else -1)
    if m.kind.removeprefix("last_") in SEASONS:
        return _season(m.kind, a)
    if m.kind == "last_year":
        return f"{a.year - 1:04d}"
    if m.kind == "this_year":
        return f"{a.year:04d}"
    if m.kind == "last_month":
        if a.month is None:
            return f"{a.year:04d}"
        y, mo = (a.year, a.month - 1) if a.month > 1 else (a.year - 1, 12)
        return f"{y:04d}-{mo:02d}"
    if m.kind in PERIOD_END:
        end = PERIOD_END[m.kind]
        year = m.year or (a.year - 1 if a.month is not None and end > a.month else a.year)
        return f"{year:04d}-{end:02d}"
    if m.kind == "today":
        return a.iso()
    return a.month_or_year()  # this/last week, recently: the publication month; a narrative offset told of nothing


def _season(kind: str, a: Anchor) -> str | None:
    """The year of the season ``kind`` names: "this autumn" / "осенью" the latest one begun by the
    anchor's month, "last autumn" the latest one over before it."""
    first, last = SEASONS[kind.removeprefix("last_")]
    if a.month is None:
        return None
    if kind.startswith("last_"):
        return f"{a.year if last < a.month else a.year - 1:04d}"
    return f"{a.year if first <= a.month else a.year - 1:04d}"


def stamp(m: DateMention, a: Anchor) -> bool:
    """A numeric date equal to the publication day ("2025-12-19", "22.09.2025") stamps the page
    (a dateline, a "published" line); it does not date what the sentence reports."""
    return m.kind == "absolute" and m.day is not None and bool(_NUMERIC.fullmatch(m.text)) and resolve(m, a) == a.iso()


def plausible(value: str, a: Anchor) -> bool:
    """A resolved date is usable when it is not after the anchor's year (a later year is noise)."""
    return int(value[:4]) <= a.year
