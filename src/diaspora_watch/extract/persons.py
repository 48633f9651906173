"""Named people, in English: natasha NER for Russian (then transliterated), rules for English."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from collections.abc import Sequence
from typing import Any

from diaspora_watch.extract import morph
from diaspora_watch.extract.components import component
from diaspora_watch.extract.lexicon import load, words

_EN_NAME = re.compile(r"\b(?:[A-Z]\.){2,}|\b[A-Z][a-z]+(?:[-'][A-Za-z][a-z]+)?(?:[ \t\u00a0]+[A-Z][a-z]+(?:[-'][A-Za-z][a-z]+)?){1,2}\b")
_INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$")


@dataclass(frozen=True)
class Person:
    start: int
    end: int
    surface: str
    name: str  # in English
    excluded: bool  # an analyst, journalist, relative: not someone the action hit or carried out
    speaker: bool = False  # "X said", "according to X": a source of the report


@lru_cache(maxsize=1)
def _ner() -> Any:
    from natasha import NewsEmbedding, NewsNERTagger

    return NewsNERTagger(NewsEmbedding())


@component("dw.extract.persons.v1")
def find(text: str, lang: str, spans: Sequence[tuple[int, int]] | None = None) -> list[Person]:
    """Every person named in ``text``; a lone surname is expanded to the full name given elsewhere.

    ``spans`` (character ranges, e.g. the sentences that carry a trigger) limits the Russian
    NER model, the costly part, to where names can matter, and the speaker test to the names
    inside them; the default is the whole text.
    """
    found = _share_surnames(text, _ru(text, spans or [(0, len(text))]) if lang == "ru" else _en(text))
    full = {p.name.split()[-1]: p.name for p in found if " " in p.name}
    lone = {p.name for p in found if " " not in p.name and p.name not in full}
    if lang == "ru" and lone:
        full = _ru_full_names(text, lone) | full
    where = spans or [(0, len(text))]
    starts = [p.start for p in found]
    first: dict[str, Person] = {}
    # a text introduces someone by the full name: a lone surname before it is a headline's
    # ("Chupik: migrants are not let in ... Human rights activist Valentina Chupik said")
    for p in sorted(found, key=lambda p: (" " not in p.name, p.start)):
        first.setdefault(full.get(p.name, p.name), p)
    # the role a text introduces someone with holds where he speaks again ("lawyer Valentina
    # Orlova ... , Orlova said"): a source outside the act (a journalist named again may be its target)
    outside = {name for name, p in first.items() if p.excluded}
    out = []
    for p in found:
        if _bracketed(text, p):
            continue
        name = full.get(p.name, p.name)
        speaker = any(a <= p.start < b for a, b in where) and _speaker(text, p.start, p.end, lang, starts)
        out.append(Person(p.start, p.end, p.surface, name, p.excluded or speaker and name in outside, speaker))
    return out


def pronouns(lang: str) -> frozenset[str]:
    """Personal pronouns that stand for one person an act hit ("detained him", "его лишили")."""
    return words("persons", lang, "person_pronouns")


def first_person(lang: str) -> frozenset[str]:
    """First-person pronouns: a quotation using them is the speaker's own account."""
    return words("persons", lang, "first_person")


def own_account(text: str, person: Person, end: int, lang: str) -> bool:
    """The speaker tells of himself: a third-person pronoun follows the name before ``end`` (the
    sentence's end), as in "Asanov told the court that he had signed a contract"."""
    mine = words("persons", lang, "self_pronouns")
    return any(w.lower() in mine for w in re.findall(r"\w+", text[person.end : end]))


def _bracketed(text: str, p: Person) -> bool:
    """A name alone in brackets is an outlet or a gloss ("MOSCOW, Dec 20 (Reuters Wire) -"),
    not someone an action hit."""
    return text[p.start - 1 : p.start] == "(" and text[p.end : p.end + 1] == ")"


_LIST_GAP = re.compile(r"^\s*(?:,|and|и)?\s*(?:and|и)?\s*$")


def _share_surnames(text: str, found: list[Person]) -> list[Person]:
    """First names listed before one surname share it: "Зияддин и Гусейн Сафаровы",
    "Мазахиру, Акифу и Аязу Сафаровым", "Ziyaddin and Huseyn Safarov"."""
    out = sorted(found, key=lambda p: p.start)
    for i in range(len(out) - 2, -1, -1):
        p, nxt = out[i], out[i + 1]
        if " " not in p.name and " " in nxt.name and _LIST_GAP.match(text[p.end : nxt.start]):
            out[i] = replace(p, name=f"{p.name} {nxt.name.split()[-1]}")
    return out


#: How many words around a name a speech verb makes the person a speaker.
SPEECH_WINDOW = 3


#: Where a sentence ends: the speech verb of the sentence before ("..., the court said.
#: Asanov was detained") does not make the next sentence's subject a speaker.
_SENTENCE_END = re.compile(r"[.!?]['\"»”]?\s|\n")


def _in_sentence(text: str, start: int, end: int, before: int, after: int) -> tuple[str, str]:
    """Up to ``before`` characters left of a name and ``after`` right of it, within its sentence."""
    right = text[end : end + after]
    right = right[: m.start()] if (m := _SENTENCE_END.search(right)) else right
    left = text[max(0, start - before) : start]
    left = left[ends[-1].end() :] if (ends := list(_SENTENCE_END.finditer(left))) else left
    return left, right


def _speaker(text: str, start: int, end: int, lang: str, others: Sequence[int]) -> bool:
    """"..., X said" / "according to X" / "по словам X": the person is the source of the words."""
    lex = load("persons", "ru" if lang == "ru" else "en")
    left, right = _in_sentence(text, start, end, 40, 40)
    after = [(e, lemma) for _, e, lemma in morph.lemmas(right)][:SPEECH_WINDOW]
    # past an apposition: "Gulnara Asanova, head of the rights group Kylym Shams, told AFP"
    if (m := _APPOSITION.match(_in_sentence(text, start, end, 0, APPOSITION_CHARS)[1])) is not None:
        after += [(m.end() + e, lemma) for _, e, lemma in morph.lemmas(text[end + m.end() : end + m.end() + 40])][:SPEECH_WINDOW]
    # A speech verb whose own subject, another name, follows it ("..., сообщил адвокат Иван
    # Петров", "said lawyer Ivan Petrov") does not make the name before it the speaker.
    said = any(lemma in _speech(lang) and not any(0 <= n - (end + e) <= INVERTED_CHARS for n in others)
               for e, lemma in after)
    before = [lemma for _, _, lemma in morph.lemmas(left)][-SPEECH_WINDOW:]
    return said or bool(set(before) & set(lex.get("source_before", []))) or _quoted_headline(text, start, end)


def _quoted_headline(text: str, start: int, end: int) -> bool:
    """A name opening a line and followed by a colon quotes its bearer ("Chupik: Kyrgyz citizens
    are not let into Russia", "Лавров: ...")."""
    return text[end : end + 1] == ":" and not text[text.rfind("\n", 0, start) + 1 : start].strip()


#: How long an apposition between a name and its speech verb may run ("X, head of the rights group Y, told").
APPOSITION_CHARS = 90
#: A relative clause ("The father of X, who died in custody, told ...") may tell of X while another speaks.
_APPOSITION = re.compile(r"^,(?!\s*(?:who|which|whose|where|when|whom|кото\w*)\b)[^,.;:\"“”«»()]{3,%d},\s*" % APPOSITION_CHARS,
                         re.IGNORECASE)

#: How far after a speech verb another name is still its subject ("сообщил адвокат Иван Петров").
INVERTED_CHARS = 25


@lru_cache(maxsize=2)
def _speech(lang: str) -> frozenset[str]:
    return frozenset(morph.lemma(w) for w in load("persons", "ru" if lang == "ru" else "en")["speech"])


def _excluded(text: str, start: int, end: int, lang: str) -> bool:
    """A role word by the name ("analyst X", "X, a lawyer") marks someone outside the act; a role
    after the name that titles another name ("..., сообщил адвокат Иван Петров") is that one's."""
    roles = load("persons", lang)["roles_excluded"]
    left, right = _in_sentence(text, start, end, 35, 30)
    before = (left + text[start:end]).lower()
    if any(re.search(rf"\b{re.escape(r)}", before) for r in roles):
        return True
    # "X ..., his lawyer said": the role is someone else's, whose the possessive says
    return any(not _TITLES_NEXT.match(right, m.end()) and not _POSSESSIVE_END.search(right[: m.start()])
               for r in roles for m in re.finditer(rf"\b{re.escape(r)}", right, re.IGNORECASE))


_TITLES_NEXT = re.compile(r"\w*\s+[A-ZА-ЯЁ]")
_POSSESSIVE_END = re.compile(r"\b(?:his|her|their)\s+$", re.IGNORECASE)


def _en(text: str) -> list[Person]:
    stop = set(load("persons", "en")["not_names"])
    out = []
    pos = 0
    while (m := _EN_NAME.search(text, pos)) is not None:
        pos = m.end()
        words = m.group().split()
        if _INITIALS.match(m.group()):
            out.append(Person(m.start(), m.end(), m.group(), m.group(), _excluded(text, m.start(), m.end(), "en")))
            continue
        keep = [w for w in words]
        while keep and keep[0].lower().strip("'s") in stop:
            keep.pop(0)
        if len(keep) < 2 or any(w.lower().removesuffix("'s") in stop for w in keep):
            # a title inside the run ("Tomsk Governor Vladimir Mazur"): the name may start after it
            inner = [k for k, w in enumerate(words) if w.lower().removesuffix("'s") in stop]
            if inner and inner[-1] + 1 < len(words):
                pos = m.start() + [w.start() for w in re.finditer(r"\S+", m.group())][inner[-1] + 1]
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text[line_start : text.find("\n", m.end()) if "\n" in text[m.end():] else len(text)]
        if _headline(line):
            continue
        name = " ".join(keep).removesuffix("'s")
        start = m.start() + m.group().find(keep[0])
        end = _with_tail(text, start + len(name), "en")
        name = text[start:end]
        out.append(Person(start, end, name, name, _excluded(text, start, end, "en")))
    singles = {p.name.split()[-1] if p.name.split()[-1][:1].isupper() else p.name.split()[-2]
               for p in out if " " in p.name}  # "Asan kyzy": the surname is the capitalized word
    for s in singles:
        for m in re.finditer(rf"\b{re.escape(s)}\b", text):
            if not any(p.start <= m.start() < p.end for p in out):
                out.append(Person(m.start(), m.end(), s, s, _excluded(text, m.start(), m.end(), "en")))
    return sorted(out, key=lambda p: p.start)


def _headline(line: str) -> bool:
    """A title-case line ("Seven People Detained at ...") is a headline: its capitals are not names."""
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.7:
        return True
    return line.rstrip()[-1:] not in ".!?\"»”…:" and title_case(words)


def title_case(words: list[str]) -> bool:
    """Whether ``words`` (four or more) are capitalized as a headline is, leaving only its short
    words lowercase ("Baku Calls on Russia to Investigate Detention of Azerbaijanis")."""
    full = [w for w in words if w[:1].isalpha() and not (w.islower() and len(w) <= TITLE_SMALL_WORD)]
    return len(full) >= 4 and sum(w[0].isupper() for w in full) / len(full) > 0.7


#: The longest word a title-case headline leaves lowercase ("of", "on", "to", "from", "over").
TITLE_SMALL_WORD = 4


_RU_CAPITAL = re.compile(r"\b[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?\b")
_RU_PAIR = re.compile(r"\b([А-ЯЁ][а-яё]+)\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\b")
_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})


@lru_cache(maxsize=50_000)
def _name_like(word: str) -> bool:
    """A capitalized word pymorphy3 knows as a name part, or does not know at all."""
    parses = morph.analyzer().parse(word)
    return any(_NAME_TAGS & p.tag.grammemes for p in parses) or not any(p.is_known for p in parses)


def _ru(text: str, spans: Sequence[tuple[int, int]]) -> list[Person]:
    """NER over the spans that could hold a name at all (a name-like capitalized word)."""
    spans = [(a, b) for a, b in spans if any(_name_like(m.group()) for m in _RU_CAPITAL.finditer(text, a, b))]
    out = []
    for (offset, _), markup in zip(spans, _ner().map([text[a:b] for a, b in spans]), strict=True):
        for span in markup.spans:
            if span.type != "PER":
                continue
            start, stop = _without_places(text, offset + span.start, offset + span.stop)
            stop = _with_tail(text, stop, "ru")
            surface = text[start:stop]
            name = " ".join(translit(w) for w in _nominative(surface.split(), _head_before(text, start)))
            out.append(Person(start, stop, surface, name, _excluded(text, start, stop, "ru")))
    return out


def _without_places(text: str, start: int, stop: int) -> tuple[int, int]:
    """The name without a place the tagger ran into it ("после задержания Мамедли Баку вызвал":
    Баку is the state acting, not a surname): an edge word pymorphy3 reads as a place name and
    never as a name part."""
    words = list(_RU_WORD.finditer(text, start, stop))
    while len(words) > 1 and _only_place(words[-1].group()):
        words.pop()
    while len(words) > 1 and _only_place(words[0].group()):
        words.pop(0)
    return (words[0].start(), words[-1].end()) if words else (start, stop)


@lru_cache(maxsize=50_000)
def _only_place(word: str) -> bool:
    parses = morph.analyzer().parse(word)
    return any("Geox" in p.tag for p in parses) and not any(_NAME_TAGS & p.tag.grammemes for p in parses)


_RU_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")
_NEXT_WORD = re.compile(r"[ \u00a0]+(\w+)")


def _with_tail(text: str, end: int, lang: str) -> int:
    """The end of a name with its lowercase patronymic tail ("Токтогул уулу", "Asan kyzy",
    "Mamedov oglu"), which name taggers and title-case rules leave out."""
    m = _NEXT_WORD.match(text, end)
    return m.end() if m and m.group(1) in words("persons", lang, "name_tails") else end


#: How many words before a Russian name its head noun may stand ("гражданина Киргизии Бакыта").
HEAD_WORDS = 3


def _head_before(text: str, start: int) -> tuple[str, str] | None:
    """(case, gender) of the common noun a name stands by ("уроженца", "гражданку"): the name is
    in the same case, which tells an oblique first name the dictionary does not know."""
    words = re.findall(r"[А-Яа-яЁё]+", text[max(0, start - 60) : start])[-HEAD_WORDS:]
    for w in reversed(words):
        if w[:1].isupper():
            continue
        parses = morph.analyzer().parse(w)
        tag = next((p.tag for p in parses if p.tag.POS == "NOUN" and p.tag.animacy == "anim"), None)
        if parses[0].tag.POS != "NOUN" or tag is None:
            return None  # not a noun at all ("и", "в"), or a thing
        return (tag.case, tag.gender) if tag.case and tag.gender else None
    return None


def _ru_full_names(text: str, surnames: set[str]) -> dict[str, str]:
    """Full names elsewhere in ``text`` for lone surnames: a known first name, then the surname."""
    out: dict[str, str] = {}
    for m in _RU_PAIR.finditer(text):
        if not any("Name" in p.tag.grammemes and p.is_known for p in morph.analyzer().parse(m.group(1))):
            continue
        name = " ".join(translit(w) for w in _nominative([m.group(1), m.group(2)]))
        last = name.split()[-1]
        if last in surnames:
            out.setdefault(last, name)
    return out


_SURNAME = re.compile(r"^(.*(?:ов|ев|ёв|ин|ын))(?:а|у|ым|е|ой|ых|ыми|ым)?$")


def _nominative(words: list[str], head: tuple[str, str] | None = None) -> list[str]:
    """Name words in the nominative (Ирину Волк -> Ирина Волк, Каримова -> Каримов).

    First names go through the dictionary only when pymorphy3 knows them as names, or when
    its guess agrees in case and gender with the ``head`` noun the name stands by ("уроженца
    Дилшода"); surnames are cut back to their -ов/-ев/-ин stem by rule, in the first name's
    (or the head's) gender, because guessing from unknown words turns "Каримов" into a plural
    of "Карим". Each part of a double surname is treated alike ("Шарипова-Юсуфи").
    """
    analyzer = morph.analyzer()
    gender = None
    out = []
    for i, w in enumerate(words):
        name = None
        if i == 0 and len(words) > 1:
            names = [p for p in analyzer.parse(w) if "Name" in p.tag.grammemes]
            agree = [p for p in names if head and (p.tag.case, p.tag.gender) == head]
            known = [p for p in (agree if head else names) if p.is_known]
            name = next(iter(known + agree), None)
        if name is not None and gender is None:
            gender = name.tag.gender
            form = name.inflect({"nomn", "sing"})
            out.append((form.word if form else w).capitalize())
            continue
        if i == 0 and head is not None and len(words) > 1:
            gender = head[1]
            out.append(_first_name(w, head))
            continue
        out.append("-".join(_surname(part, gender) for part in w.split("-")))
    return out


def _first_name(word: str, head: tuple[str, str]) -> str:
    """An unknown first name in the case of its head noun, in the nominative ("Дилнозу" after
    "гражданку" -> "Дилноза"); unchanged when its ending is no form of that case."""
    case, gender = head
    endings = load("persons", "ru").get("oblique_first_name", {}).get(gender, {}).get(case, {})
    for ending, nominative in endings.items():
        if word.endswith(ending) and len(word) > len(ending) + 2 and word[-len(ending) - 1].lower() not in _VOWELS:
            return word[: -len(ending)] + nominative
    return word


def _surname(word: str, gender: str | None) -> str:
    m = _SURNAME.match(word)
    if m and len(m.group(1)) > 3:
        return m.group(1) + ("а" if gender == "femn" else "")
    return word


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    return load("translit", "ru")


_VOWELS = frozenset("аеёиоуыэюя")


def translit(word: str) -> str:
    """Transliterate one Cyrillic word (simplified BGN/PCGN).

    >>> translit("Волк"), translit("Евгений"), translit("Гянджиев"), translit("Айбек")
    ('Volk', 'Yevgeniy', 'Gyandzhiev', 'Aibek')
    """
    if "-" in word:  # a double surname: each part as a word of its own ("Sharipov-Yusufi")
        return "-".join(translit(part) for part in word.split("-"))
    t = _table()
    letters, initial, endings = t["letters"], t.get("word_initial", {}), t.get("endings", {})
    medial = t.get("before_consonant", {})
    low = word.lower()
    tail = ""
    for end, latin in endings.items():
        if low.endswith(end) and len(low) > len(end) + 1:
            low, tail = low[: -len(end)], latin
            break
    out = []
    for i, ch in enumerate(low):
        if 0 < i < len(low) - 1 and ch in medial and low[i - 1] in _VOWELS and low[i + 1] not in _VOWELS:
            out.append(medial[ch])
        else:
            out.append(initial.get(ch, letters.get(ch, ch)) if i == 0 else letters.get(ch, ch))
    latin = "".join(out) + tail
    return latin[:1].upper() + latin[1:] if word[:1].isupper() else latin
