"""Actors: agency phrases with their state, NGOs, and the code() rule."""

from __future__ import annotations

import pytest

from diaspora_watch.extract import lexicon
from diaspora_watch.extract.actors import ActorMention, find_actors
from test_places import sentence


def codes(text: str, lang: str, default: str | None = None) -> list[str | None]:
    return [a.code(default) for a in find_actors(text, lang)]


def test_actor_lexicons_validate() -> None:
    for lang in ("en", "ru"):
        data = lexicon.load("actors", lang)
        assert {a["agency"] for a in data["agencies"]} >= {"MVD", "FSB", "SK", "MOD", "COURT", "MFA", "EMBASSY"}


def test_real_english_sentences() -> None:
    text, lang = sentence("seed-003", "Azerbaijani Foreign Ministry")
    assert "AZ:MFA" in codes(text, lang)
    text, lang = sentence("d-031", "Kyrgyz Embassy in Moscow")
    assert codes(text, lang)[:2] == ["KG:EMBASSY", "RU:PRESIDENT"]
    text, lang = sentence("d-071", "Prosecutor General’s Office of Azerbaijan")
    assert "AZ:PROSECUTOR" in codes(text, lang)
    text, lang = sentence("d-026", "OMON officers together")
    assert set(codes(text, lang)) == {"RU:ROSGVARDIA", "RU:FSB"}


def test_real_russian_sentences() -> None:
    text, lang = sentence("d-088", "СК РФ по Свердловской области")
    assert "RU:SK" in codes(text, lang)
    text, lang = sentence("d-107", "Посольство  Таджикистана")
    assert codes(text, lang)[0] == "TJ:EMBASSY"
    text, lang = sentence("d-098", "красноярское МВД")
    assert codes(text, lang)[:2] == ["RU:MVD", None]  # "через суд": a court, whose state the phrase does not say


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Russia's Investigative Committee", "en", "RU:SK"),
    ("the Ministry of Foreign Affairs of Kyrgyzstan", "en", "KG:MFA"),
    ("a court in Bishkek", "en", "KG:COURT"),
    ("Moscow police", "en", "RU:MVD"),
    ("Russian lawmakers", "en", "RU:DUMA"),
    ("МВД России", "ru", "RU:MVD"),
    ("посольство РФ в Баку", "ru", "RU:EMBASSY"),
    ("российскому послу", "ru", "RU:EMBASSY"),
    ("ГКНБ Киргизии", "ru", "KG:GKNB"),
    ("Мемориал", "ru", "NGO:MEMORIAL"),
    ("OVD-Info", "en", "NGO:OVD-INFO"),
])
def test_qualified_agencies(text: str, lang: str, expected: str) -> None:
    assert codes(text, lang) == [expected]


def test_embassy_is_not_of_the_host_state() -> None:
    assert codes("the embassy in Moscow", "en") == [None]


def test_unqualified_agencies_take_the_default() -> None:
    found = find_actors("police detained them and the military enlistment office", "en")
    assert [(a.agency, a.country) for a in found] == [("MVD", None), ("MOD", None)]
    assert [a.code("AZ") for a in found] == ["AZ:MVD", "AZ:MOD"]
    assert codes("полиция", "ru") == [None]
    assert codes("депутаты", "ru", "RU") == ["RU:DUMA"]
    assert codes("депутаты", "ru", "KG") == ["KG:PARLIAMENT"]
    assert codes("migration service", "en", "UZ") == ["UZ:MIGRATION"]


def test_case_rules() -> None:
    assert codes("a memorial to the victims", "en") == []
    assert codes("ск", "ru") == []


def test_code_of_ngo_and_unknown() -> None:
    assert ActorMention(0, 3, "Ark", "NGO:ARK", None).code("RU") == "NGO:ARK"
    assert ActorMention(0, 6, "police", "MVD", None).code(None) is None


def test_the_ministry_is_the_ministry_named_before_not_the_embassy() -> None:
    from diaspora_watch.extract import locate

    text = ("Kyrgyzstan's Foreign Ministry on Wednesday summoned Russia's ambassador over the detentions. "
            "The ministry urged citizens to carry all documents.")
    found = locate.corefer(find_actors(text, "en"))
    assert [(a.surface, a.agency, a.country) for a in found][-1] == ("The ministry", "MFA", "KG")
