"""English fields, blind phrase-bank round 3: the place, group, status, count, actors and persons
of correctly found English events, in the shapes wire services, Moscow and Central Asian
English-language outlets use ("more than 260 people from Central Asia", "migrants whose patents
had expired", "Russia's National Guard", "said X, head of ..."). Sentences are invented."""

from __future__ import annotations

from typing import Any

import pytest
from dwtest import event_of, events

from diaspora_watch.extract import counts
from diaspora_watch.extract.actors import find_actors
from diaspora_watch.extract.groups import find_groups
from diaspora_watch.extract.matcher import tokenize

CA = ["KG", "KZ", "TJ", "TM", "UZ"]


def _event(text: str, subtype: str) -> dict[str, Any]:
    """The first ``subtype`` event of a one-paragraph English document published 2025-03-12."""
    return event_of(text, subtype, "en", "2025-03-12")


GROUPS = [
    ("detention", "More than 260 people from Central Asia were detained at a prayer house in Mytishchi on Saturday.", CA),
    ("detention", "Police in Moscow detained 400 migrant workers, mostly from Tajikistan and Uzbekistan, on Wednesday.", ["TJ", "UZ"]),
    ("detention", "Police detained 12 natives of Uzbekistan at a market in Kazan on Monday.", ["UZ"]),
    ("detention", "Security forces detained 20 ethnic Uzbeks in Osh on Monday.", ["UZ"]),
    ("detention", "Police detained 15 Central Asian migrants at a construction site in Tula on Monday.", CA),
    ("detention", "Police detained 30 migrants from Tajikistan, Uzbekistan and Kyrgyzstan in Omsk on Monday.", ["TJ", "UZ", "KG"]),
    ("detention", "Police detained eight Kyrgyzstanis at a hostel in Surgut on Monday.", ["KG"]),
    ("detention", "Police detained 1,200 migrants from Central Asia and the Caucasus in Moscow on Monday.", CA),
    ("detention", "Police detained 25 foreign nationals, mostly Uzbek citizens, in Samara on Monday.", ["UZ"]),
    ("detention", "Police detained 11 Tajikistan natives in Kazan on Monday.", ["TJ"]),
    ("detention", "Police detained ten Tajik-born men in Tver on Monday.", ["TJ"]),
    ("detention", "Police detained 14 migrant workers from the republics of Central Asia in Perm on Monday.", CA),
    ("deportation", "Fifteen guest workers from Uzbekistan were deported from Kaluga on Thursday.", ["UZ"]),
    ("detention", "Police detained 40 citizens of Kyrgyzstan and Kazakhstan in Omsk on Monday.", ["KG", "KZ"]),
    ("detention", "Police detained 16 people born in Central Asian countries in Kazan on Monday.", CA),
    ("detention", "Police detained nine men originally from Tajikistan in Tula on Monday.", ["TJ"]),
    ("detention", "Police detained 30 workers who came from Uzbekistan in Perm on Monday.", ["UZ"]),
    # of two acts in one sentence, each takes the people named nearer to it
    ("draft_notice", "Police raided a warehouse in Tula on Monday, checking 120 workers, most of them migrants from Central Asia, "
     "and handed draft summonses to 14 men originally from Tajikistan and Uzbekistan.", ["TJ", "UZ"]),
    ("raid", "Police raided a warehouse in Tula on Monday, checking 120 workers, most of them migrants from Central Asia, "
     "and handed draft summonses to 14 men originally from Tajikistan and Uzbekistan.", CA),
    # an adjective of the acting agency names no group
    ("detention", "Russian police detained 10 migrants in Tver on Monday.", []),
    ("detention", "Kazakh police detained 10 migrants in Almaty on Monday.", []),
]


@pytest.mark.parametrize(("subtype", "text", "group"), GROUPS)
def test_round3_group(subtype: str, text: str, group: list[str]) -> None:
    assert sorted(_event(text, subtype)["group"]) == sorted(group)


STATUSES = [
    ("detention", "Police detained 20 migrants who had overstayed their visas in Omsk on Monday.", "undocumented"),
    ("detention", "Police detained 15 foreigners without valid papers in Tver on Monday.", "undocumented"),
    ("detention", "Police detained 45 foreigners working illegally at a farm in Tula on Monday.", "undocumented"),
    ("detention", "Police detained 12 migrants who lacked work permits in Kazan on Monday.", "undocumented"),
    ("detention", "Police detained 28 migrants who had entered Russia illegally in Pskov on Monday.", "undocumented"),
    ("detention", "Police detained 20 migrants whose patents had expired in Kazan on Monday.", "undocumented"),
    ("detention", "Police detained 17 foreigners in violation of migration law in Tver on Monday.", "undocumented"),
    ("detention", "Police detained 64 foreigners who had violated the migration legislation in Bishkek on Monday.", "undocumented"),
    ("detention", "Police detained 30 migrants with no legal grounds to stay in Russia in Kazan on Monday.", "undocumented"),
    ("detention", "Police detained 18 migrants without migration registration in Tula on Monday.", "undocumented"),
    ("draft_notice", "Enlistment officers handed summonses to 11 new Russian citizens in Kazan on Monday.", "naturalized"),
    ("draft_notice", "Officers handed draft notices to 35 men who had acquired Russian citizenship in Tver on Monday.", "naturalized"),
    ("draft_notice", "Officers served summonses on 20 men who recently received Russian passports in Omsk on Monday.", "naturalized"),
    ("draft_notice", "Officers handed summonses to 12 migrants who had been granted Russian citizenship in Perm on Monday.", "naturalized"),
    ("detention", "Police detained 14 men holding both Russian and Tajik passports in Tula on Monday.", "dual"),
    ("detention", "Police detained 30 labour migrants at a market in Kazan on Monday.", "foreign"),
    ("detention", "Police detained 12 guest workers at a warehouse in Tula on Monday.", "foreign"),
    ("detention", "Police detained 9 citizens of Kyrgyzstan in Moscow on Monday.", "foreign"),
    ("detention", "Police detained 10 Russian citizens in Moscow on Monday.", "citizen"),
    ("detention", "Police detained 16 undocumented migrants in Kazan on Monday.", "undocumented"),
    # the measure settles the status: only citizens are called up; people barred are outside
    ("draft_notice", "Officers handed draft summonses to 14 migrants at a market in Kazan on Monday.", "naturalized"),
    ("draft_notice", "Enlistment officers handed summonses to 25 men at a warehouse in Tula on Monday.", "naturalized"),
    ("entry_ban", "Russia barred 46 Kazakh citizens from entering the country for overstaying their visas on Monday.", "foreign"),
    ("deportation", "Twelve migrants who had overstayed their visas were deported from Omsk on Monday.", "undocumented"),
]


@pytest.mark.parametrize(("subtype", "text", "status"), STATUSES)
def test_round3_status(subtype: str, text: str, status: str) -> None:
    assert _event(text, subtype)["status"] == status


def _counts(text: str) -> list[tuple[int, str]]:
    return [(c.value, c.qualifier) for c in counts.find(text, tokenize(text, "en"), "en")]


COUNTS = [
    ("Police detained some 40 migrants.", (40, "about")),
    ("About a dozen migrants were detained.", (12, "about")),
    ("Police detained more than 1,200 migrants.", (1200, "at_least")),
    ("More than 260 people from Central Asia were detained.", (260, "at_least")),
    ("Police detained roughly 250 migrants.", (250, "about")),
    ("Police detained as many as 70 migrants.", (70, "about")),
    ("Police detained no fewer than 30 foreigners.", (30, "at_least")),
    ("Over a hundred migrants were detained.", (100, "at_least")),
    ("Police detained upwards of 200 migrants.", (200, "at_least")),
    ("Police detained almost 600 foreign nationals.", (600, "about")),
    ("A total of 72 people were detained.", (72, "exact")),
    ("Police detained a group of 15 migrants.", (15, "exact")),
    ("Police detained 35 foreign citizens.", (35, "exact")),
    ("Police detained a Tajik citizen.", (1, "exact")),
    ("Police detained an Uzbek national.", (1, "exact")),
    ("Police detained well over 300 migrants.", (300, "at_least")),
    ("Police detained close to 500 migrants.", (500, "about")),
    ("The ministry said it had revoked 1,840 acquired citizenships.", (1840, "exact")),
    ("A court ruled that 12 of them must leave Russia.", (12, "exact")),
    ("Police checked 300 workers, 45 of whom were detained.", (300, "exact")),
    ("Twelve of them were deported.", (12, "exact")),
]


@pytest.mark.parametrize(("text", "want"), COUNTS)
def test_round3_count(text: str, want: tuple[int, str]) -> None:
    assert _counts(text)[:1] == [want]


@pytest.mark.parametrize("text", [
    "Hundreds of migrants were detained.", "Police detained several hundred migrants.",
    "Police detained dozens of Tajik workers.", "Thousands of migrants were checked.",
    "One of them said that officers had beaten him.",
])
def test_round3_vague_amounts_count_nothing(text: str) -> None:
    assert _counts(text) == []


def _codes(text: str) -> list[str | None]:
    return [a.code(None) for a in find_actors(text, "en")]


ACTOR_PHRASES = [
    ("Russia's National Guard", "RU:ROSGVARDIA"),
    ("officers of the Russian National Guard", "RU:ROSGVARDIA"),
    ("Kyrgyzstan's Foreign Ministry", "KG:MFA"),
    ("the Foreign Ministry of Tajikistan", "TJ:MFA"),
    ("the Tajik Embassy in Moscow", "TJ:EMBASSY"),
    ("Kazakhstan's Interior Ministry", "KZ:MVD"),
    ("the Azerbaijani Interior Ministry", "AZ:MVD"),
    ("Tajikistan's Prosecutor General's Office", "TJ:PROSECUTOR"),
    ("Uzbekistan's Migration Agency", "UZ:MIGRATION"),
    ("the Kyrgyz consulate in Yekaterinburg", "KG:CONSULATE"),
    ("Tajikistan's State Committee for National Security", "TJ:GKNB"),
    ("Russia's Investigative Committee", "RU:SK"),
    ("the Russian Interior Ministry's migration department", "RU:MVD"),
    ("Kazakh border guards", "KZ:BORDER"),
    ("Russian border guards", "RU:FSB"),
    ("the Uzbek Foreign Ministry", "UZ:MFA"),
    ("Azerbaijan's State Security Service", "AZ:SSS"),
    ("Russia's Defense Ministry", "RU:MOD"),
    ("the Prosecutor General's Office of Kyrgyzstan", "KG:PROSECUTOR"),
    ("the Embassy of Uzbekistan in Russia", "UZ:EMBASSY"),
    ("Uzbekistan's Senate", "UZ:SENATE"),
    ("the Russian Senate", "RU:FEDCOUNCIL"),
    ("the Migration Service under the Ministry of Internal Affairs of Tajikistan", "TJ:MIGRATION"),
    ("the Ministry of Labor, Migration and Employment of Tajikistan", "TJ:MINLABOR"),
    ("Uzbekistan's Ministry of Employment and Poverty Reduction", "UZ:MINLABOR"),
    ("the SCNS press centre", "KG:GKNB"),
    ("the Federal Penitentiary Service", "RU:FSIN"),
]


@pytest.mark.parametrize(("text", "code"), ACTOR_PHRASES)
def test_round3_actor_phrases(text: str, code: str) -> None:
    found = _codes(text)  # a unit and the body owning it ("... under the Ministry of ...") both get its state
    assert found[0] == code and None not in found


ACTORS = [
    ("detention", "Rosgvardia officers detained 30 migrants at a hostel in Moscow on Monday.", ["RU:ROSGVARDIA"]),
    ("detention", "National Guard officers detained 30 migrants at a hostel in Moscow on Monday.", ["RU:ROSGVARDIA"]),
    ("detention", "FSB officers detained two Tajik citizens in Moscow on Monday.", ["RU:FSB"]),
    ("criminal_case", "The Investigative Committee opened a criminal case against three migrants in Kazan on Monday.", ["RU:SK"]),
    ("deportation", "A court in Moscow ordered the deportation of 12 Uzbek citizens on Monday.", ["RU:COURT"]),
    ("entry_ban", "Border guards refused entry to 10 Tajik citizens at Pulkovo airport on Monday.", ["RU:FSB"]),
    ("draft_notice", "Military enlistment officers handed summonses to 20 naturalized men in Kazan on Monday.", ["RU:MOD"]),
    ("detention", "Military investigators detained 20 naturalized men in Moscow on Monday.", ["RU:SK"]),
    ("detention", "Kyrgyz security services detained three men in Bishkek on Monday.", ["KG:GKNB"]),
    ("permit_cancellation", "The migration department of the Interior Ministry in Samara cancelled 40 work patents on Monday.", ["RU:MVD"]),
    # the body a measure empowers does not make it
    ("proposal", "The State Duma on Tuesday approved in the first reading a bill that would let the Interior Ministry "
     "expel migrants without a court ruling.", ["RU:DUMA"]),
    # the body someone tells his story to does not act; a body after "told AFP that" does
    ("detention", "One of the men told investigators that police had detained him in Kazan on Monday.", ["RU:MVD"]),
    ("detention", "A lawyer told AFP that police detained 20 migrants in Kazan on Monday.", ["RU:MVD"]),
]


@pytest.mark.parametrize(("subtype", "text", "actors"), ACTORS)
def test_round3_actors(subtype: str, text: str, actors: list[str]) -> None:
    assert sorted(_event(text, subtype)["actors"]) == sorted(actors)


PERSONS = [
    ("detention", "Police in Moscow detained Tajik citizen Firdavs Nazarov, 29, on Monday.", ["Firdavs Nazarov"]),
    ("detention", "Firdavs Nazarov, 29, a builder from Khujand, was detained by police in Kazan on Monday.", ["Firdavs Nazarov"]),
    ("detention", "Police detained Bakhrom Rakhimov and Jasur Tursunov in Omsk on Monday.", ["Bakhrom Rakhimov", "Jasur Tursunov"]),
    ("deportation", "A court in Moscow ordered the deportation of Kyrgyz citizen Nurlan Asanov on Monday.", ["Nurlan Asanov"]),
    ("deportation", "A court in Moscow on Monday ordered the deportation of a Kyrgyz man, Nurlan Asanov.", ["Nurlan Asanov"]),
    # the spokesman of the acting agency is part of the act, however the sentence cites him
    ("detention", "Police detained 14 migrants in Tula on Monday, said Ivan Petrov, head of the regional migration department.",
     ["Ivan Petrov"]),
    ("detention", "Police detained 14 migrants in Tula on Monday, according to Ivan Petrov, a spokesman for the regional police.",
     ["Ivan Petrov"]),
    ("detention", "Police in Tula detained Uzbek national Sardor Aliyev on Monday, his lawyer Ivan Petrov said.", ["Sardor Aliyev"]),
]


@pytest.mark.parametrize(("subtype", "text", "persons"), PERSONS)
def test_round3_persons(subtype: str, text: str, persons: list[str]) -> None:
    assert _event(text, subtype)["persons"] == persons


def test_round3_a_lawyer_named_again_by_surname_stays_outside_the_act() -> None:
    text = ("All 14 men had acquired Russian citizenship, said lawyer Valentina Orlova.\n"
            "Three of them were put into a police bus and driven to an enlistment office in Kazan on Monday, Orlova said.")
    assert _event(text, "coercion")["persons"] == []


def test_round3_a_mercenary_detained_and_charged_is_counted_in_both_acts() -> None:
    text = "Azerbaijan's State Security Service said on Monday it had detained two men in Ganja suspected of fighting as mercenaries in Ukraine."
    assert (_event(text, "detention")["count"], _event(text, "prosecution_for_service")["count"]) == (2, 2)


def test_round3_a_source_who_only_reports_is_no_person() -> None:
    text = "Police detained 12 migrants in Kazan on Monday, said Valentina Orlova, a lawyer who advises migrants."
    assert _event(text, "detention")["persons"] == []


PLACES = [
    ("raid", "Police raided a house in the Moscow suburb of Mytishchi and detained 263 people on Saturday.",
     ("RU", "RU-MOS", "Mytishchi")),
    ("detention", "Police in the Sverdlovsk region detained 30 migrants on Monday.", ("RU", "RU-SVE", None)),
    ("detention", "Police detained 20 migrants in the town of Kotelniki near Moscow on Monday.", ("RU", "RU-MOS", "Kotelniki")),
    ("detention", "Police in Tatarstan detained 30 migrants on Monday.", ("RU", "RU-TA", None)),
    ("detention", "Police detained 45 foreigners at a poultry farm in Chui region on Monday.", ("KG", "KG-C", None)),
    ("detention", "Police detained 10 migrants in the Siberian city of Novosibirsk on Monday.", ("RU", "RU-NVS", "Novosibirsk")),
    # a regional body's name sets a policy act in its region; a federal body leaves admin1 empty
    ("court_ruling", "The Sverdlovsk Regional Court upheld the regional ban on migrant taxi drivers on Monday.", ("RU", "RU-SVE", None)),
    ("law", "The governor of Kaluga Oblast on Monday signed a decree barring migrants from working as taxi drivers.",
     ("RU", "RU-KLU", None)),
    ("law", "The State Duma on Monday adopted a law that lets police expel migrants without a court ruling.", ("RU", None, None)),
    # a town is named as the text spells it (coders copy the text), an old name as the town is called now
    ("detention", "Police detained 30 migrants in Nizhny Novgorod on Monday.", ("RU", "RU-NIZ", "Nizhny Novgorod")),
    ("detention", "Police detained 12 men in Sumgait on Monday.", ("AZ", "AZ-SM", "Sumgait")),
    ("detention", "Police detained 30 migrants in Ekaterinburg on Monday.", ("RU", "RU-SVE", "Ekaterinburg")),
    ("detention", "Police detained 30 migrants in St. Petersburg on Monday.", ("RU", "RU-SPE", "St. Petersburg")),
    # a city that is its own region is the place
    ("prosecution_for_service", "The Tashkent city court on Monday sentenced a man to five years in prison for mercenarism.",
     ("UZ", "UZ-TK", "Tashkent")),
]


@pytest.mark.parametrize(("subtype", "text", "want"), PLACES)
def test_round3_place(subtype: str, text: str, want: tuple[str, str | None, str | None]) -> None:
    e = _event(text, subtype)
    assert (e["country"], e["admin1"], e["place"]) == want


def test_round3_groups_of_an_agency_adjective_are_not_people() -> None:
    assert [g.countries for g in find_groups("ethnic Uzbeks", "en")] == [("UZ",)]


def test_round3_a_chamber_adopting_a_law_is_a_law() -> None:
    assert _event("Kyrgyzstan's parliament on Monday passed the law on external labour migration.", "law")["country"] == "KG"


@pytest.mark.parametrize("text", [
    "Experts say the Duma should have adopted a law on migrant workers long ago.",
    "Lawmakers may soon adopt a law that would let police expel migrants.",
])
def test_round3_laws_wished_for_or_foreseen_are_no_events(text: str) -> None:
    assert events(text, "en", "2025-03-12") == []
