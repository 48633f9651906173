"""Russian lemmas through pymorphy3, cached: the same few thousand words recur in every article."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"\w+(?:-\w+)*", re.UNICODE)


@lru_cache(maxsize=1)
def _analyzer():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def analyzer():
    """The one shared pymorphy3 analyzer, for callers that need more than a lemma (inflection)."""
    return _analyzer()


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The most likely normal form of a Russian word, lowercased; other words are only lowercased.

    >>> lemma("Екатеринбурге")
    'екатеринбург'
    >>> lemma("Tajiks")
    'tajiks'
    """
    w = word.lower()
    if not any("\u0400" <= ch <= "\u04ff" for ch in w):
        return w
    return _analyzer().parse(w)[0].normal_form.replace("ё", "е")


@lru_cache(maxsize=200_000)
def is_noun(word: str) -> bool:
    """True when pymorphy3's likeliest reading of a Russian word is a noun (never for other words)."""
    w = word.lower()
    if not any("\u0400" <= ch <= "\u04ff" for ch in w):
        return False
    return _analyzer().parse(w)[0].tag.POS == "NOUN"


@lru_cache(maxsize=200_000)
def tense(word: str) -> str | None:
    """The tense of pymorphy3's likeliest reading of a Russian verb form ("вступит" -> futr,
    "вступил" -> past), or None for a word that has none (not a verb, not Russian)."""
    w = word.lower()
    if not any("\u0400" <= ch <= "\u04ff" for ch in w):
        return None
    return _analyzer().parse(w)[0].tag.tense


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens as ``(start, end, surface)``; offsets index into ``text``."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


@lru_cache(maxsize=4)
def text_tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """:func:`tokens` of a whole document, cached: the pattern matcher and the gazetteer both
    tokenize the text being extracted."""
    return tuple(tokens(text))


def lemmas(text: str) -> list[tuple[int, int, str]]:
    """Word tokens as ``(start, end, lemma)``."""
    return [(s, e, lemma(w)) for s, e, w in tokens(text)]
