"""Groups by national origin: demonyms, adjective + people noun, origin constructions."""

from __future__ import annotations

import pytest

from diaspora_watch.extract import lexicon
from diaspora_watch.extract.groups import find_groups
from test_places import sentence

FIVE = ("KG", "KZ", "TJ", "TM", "UZ")


def summary(text: str, lang: str) -> list[tuple[str, tuple[str, ...], str]]:
    return [(g.surface, g.countries, g.kind) for g in find_groups(text, lang)]


def test_group_lexicons_validate() -> None:
    for lang in ("en", "ru"):
        assert lexicon.load("groups", lang)["groups"]


def test_real_english_sentences() -> None:
    text, lang = sentence("seed-002", "3 Azerbaijanis")
    assert ("Azerbaijanis", ("AZ",), "people") in summary(text, lang)
    text, lang = sentence("d-091", "citizens of Kyrgyzstan, Tajikistan, and Uzbekistan")
    assert ("citizens of Kyrgyzstan, Tajikistan, and Uzbekistan", ("KG", "TJ", "UZ"), "people") in summary(text, lang)
    text, lang = sentence("d-026", "other Tajik, Uzbek and Kyrgyz migrants")
    assert [g[1:] for g in summary(text, lang)] == [(("TJ",), "people"), (("UZ",), "people"), (("KG",), "people")]


def test_real_russian_sentences() -> None:
    text, lang = sentence("d-013", "азербайджанцы")
    assert ("азербайджанцы", ("AZ",), "people") in summary(text, lang)
    text, lang = sentence("d-092", "граждан Киргизии")
    assert ("граждан Киргизии", ("KG",), "people") in summary(text, lang)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("уроженцев Азербайджана", "ru", ("AZ",)),
    ("выходцы из Азербайджана", "ru", ("AZ",)),
    ("выходцев из Средней Азии", "ru", FIVE),
    ("мигрантов из Центральной Азии", "ru", FIVE),
    ("таджикистанцы", "ru", ("TJ",)),
    ("migrants from Tajikistan", "en", ("TJ",)),
    ("Central Asians", "en", FIVE),
    ("Russians", "en", ("RU",)),
])
def test_people_phrasings(text: str, lang: str, expected: tuple[str, ...]) -> None:
    assert summary(text, lang) == [(text, expected, "people")]


def test_adjectives() -> None:
    assert summary("азербайджанский", "ru") == [("азербайджанский", ("AZ",), "adjective")]
    assert summary("the Kyrgyz Embassy", "en") == [("Kyrgyz", ("KG",), "adjective")]
    assert summary("the Kyrgyz were detained", "en") == [("Kyrgyz", ("KG",), "people")]
    assert summary("таджикские трудовые мигранты", "ru") == [("таджикские трудовые мигранты", ("TJ",), "people")]


@pytest.mark.parametrize(("text", "lang"), [
    ("migrants and foreigners were detained", "en"), ("мигранты и иностранцы", "ru"),
    ("labor migrants.\nKyrgyzstan said", "en"), ("residents of Moscow", "en"), ("the russian way", "en"),
])
def test_no_nationality_no_group(text: str, lang: str) -> None:
    assert find_groups(text, lang) == []
