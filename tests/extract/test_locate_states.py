"""Which state acted in a diplomatic or policy event, and where an enforcement event happened."""

from __future__ import annotations

from diaspora_watch.document import Document
from diaspora_watch.extract import extract_events, locate
from diaspora_watch.extract.actors import find_actors
from diaspora_watch.extract.gazetteer import tokenize
from diaspora_watch.extract.groups import find_groups
from diaspora_watch.extract.places import find_places


def _where(etype: str, subtype: str, text: str, lang: str, host: str | None = None) -> locate.Where:
    """``locate.where`` for a one-sentence text, with the mentions the extractor would pass it."""
    toks = tokenize(text, lang)
    actors = locate.not_contacted(find_actors(text, lang), toks, lang)
    if etype == "diplomatic":
        actors = locate.state_after(actors, find_places(text, lang), text)
    groups = locate.group(locate.not_agencies(find_groups(text, lang), actors), {})
    places = locate.not_origins(find_places(text, lang), toks, lang, text)
    return locate.where(etype, subtype, 0, places, actors, groups, host)


def _events(text: str, lang: str = "en", published: str = "2025-05-06") -> list[dict]:
    doc = Document(doc_id="t-1", url="", title="", outlet="", published=published, language=lang, text=text)
    return extract_events(doc)


def test_an_embassy_that_sends_a_note_to_the_host_ministry_is_the_acting_state() -> None:
    ru = "Посольство Таджикистана в России во вторник направило в МИД РФ ноту протеста."
    assert _where("diplomatic", "protest", ru, "ru").country == "TJ"
    en = "The Kyrgyz embassy on Monday sent a note to the Russian Foreign Ministry over the detentions."
    assert _where("diplomatic", "protest", en, "en").country == "KG"


def test_a_ministry_that_receives_the_protest_is_not_an_actor(dev_sentence) -> None:
    s = dev_sentence("d-056", "conveyed serious concerns")
    kept = locate.not_contacted(find_actors(s, "en"), tokenize(s, "en"), "en")
    assert [a.country for a in kept] == ["TJ"]
    assert locate.actor_codes(kept, "diplomatic", "TJ", "protest") == ["TJ:MFA"]


def test_an_unqualified_ministry_is_not_given_the_state_its_citizens_live_in() -> None:
    s = "On Monday, the Foreign Ministry advised Kyrgyz citizens living in Russia to avoid street checks."
    actors = locate.state_after(find_actors(s, "en"), find_places(s, "en"), s)
    assert [a.country for a in actors] == [None]
    assert _where("diplomatic", "advisory", s, "en").country == "KG"
    unnamed = "The Foreign Ministry urged citizens working in Russia to renew their patents."
    assert _where("diplomatic", "advisory", unnamed, "en", host="TJ").country == "TJ"


def test_the_state_named_in_apposition_still_qualifies_the_agency(dev_sentence) -> None:
    s = dev_sentence("d-031", "another Central Asian state, Uzbekistan")
    assert any(a.agency == "PROSECUTOR" and a.country == "UZ"
               for a in locate.state_after(find_actors(s, "en"), find_places(s, "en"), s))


def test_the_agency_refers_back_to_the_last_government_agency_named() -> None:
    text = ("Tajikistan's Migration Service said on Friday it was helping 20 workers. A Moscow court "
            "ordered six of them expelled. The agency urged citizens working in Russia to carry their papers.")
    actors = find_actors(text, "en")
    assert [(a.agency, a.country) for a in actors][-1] == ("MIGRATION", "TJ")
    assert [a.agency for a in find_actors("The agency said nothing else.", "en")] == []
    ru = find_actors("МВД Киргизии сообщило о проверке. По данным ведомства, задержаны пять человек.", "ru")
    assert [(a.agency, a.country) for a in ru] == [("MVD", "KG"), ("MVD", "KG")]
    assert [a.agency for a in find_actors("the Ministry of Culture cancelled the festival", "en")] == []


def test_a_law_an_embassy_informs_about_belongs_to_the_state_that_enacts_it() -> None:
    s = "Посольство Кыргызстана в Российской Федерации информирует, что с 1 марта вступает в силу федеральный закон."
    actors = find_actors(s, "ru")
    assert _where("policy", "law", s, "ru").country == "RU"
    assert locate.actor_codes(actors, "policy", "RU", "law") == []


def test_an_entry_ban_is_coded_where_the_banning_state_is() -> None:
    s = "Russia's Interior Ministry added 30 Kazakh citizens to its list of foreigners barred from entering."
    assert [p.country for p in find_places(s, "en")] == ["RU"]  # "Kazakh" is a people, not a town
    assert _where("status", "entry_ban", s, "en", host="KZ").country == "RU"


def test_a_home_town_does_not_locate_a_detention_but_a_route_does() -> None:
    s = "A construction worker from the Vahdat district was detained by police at a market in Krasnoyarsk."
    assert _where("enforcement", "detention", s, "en", host="TJ").place == "Krasnoyarsk"
    apposition = "Asanov, from the Issyk-Kul region, was detained at the border in Osh."
    assert _where("enforcement", "detention", apposition, "en").place == "Osh"
    route = "Twelve men were deported from Novosibirsk on Sunday."
    assert _where("status", "deportation", route, "en").place == "Novosibirsk"


def test_named_place_beats_the_dateline_and_carries_to_the_next_sentence() -> None:
    text = ("DUSHANBE, May 6 (Agency) - A Tajik worker was detained by police at a building site in "
            "Novosibirsk on May 1, the Foreign Ministry said on Tuesday. He died in a temporary detention "
            "facility two days later.")
    events = _events(text)
    assert {e["subtype"] for e in events} >= {"detention", "death_in_custody"}
    assert all(e["country"] == "RU" for e in events if e["type"] == "enforcement")
    assert any(e["subtype"] == "death_in_custody" and e["admin1"] == "RU-NVS" for e in events)


def test_host_ignores_the_dateline() -> None:
    places = find_places("BISHKEK, May 6 - Raids in Kazan and Kazan again.", "en")
    assert locate.host(places) == "RU"
    assert locate.filed_from(places) == "KG"


def test_a_demonym_that_qualifies_an_agency_is_no_group() -> None:
    s = "The Tajik Foreign Ministry handed a note to the Russian ambassador over the detention of Tajik migrants."
    assert locate.group(locate.not_agencies(find_groups(s, "en"), find_actors(s, "en")), {}) == ["TJ"]


def test_national_security_bodies_take_their_states_own_codes() -> None:
    kz = find_actors("Сотрудники Комитета национальной безопасности Казахстана задержали мужчину.", "ru")
    assert locate.actor_codes(kz, "enforcement", "KZ") == ["KZ:KNB"]
    az = find_actors("Azerbaijan's State Security Service detained two men.", "en")
    assert locate.actor_codes(az, "enforcement", "AZ") == ["AZ:SSS"]
    migration = find_actors("Государственная миграционная служба аннулировала разрешения.", "ru")
    assert locate.actor_codes(migration, "status", "AZ") == ["AZ:MIGRATION"]


def test_guard_and_enlistment_officers_are_their_agencies() -> None:
    raid = find_actors("Police and National Guard officers raided a hostel, joined by military enlistment officers.", "en")
    assert locate.actor_codes(raid, "enforcement", "RU") == ["RU:MVD", "RU:ROSGVARDIA", "RU:MOD"]


def test_an_ngo_that_reports_a_raid_does_not_carry_it_out(dev_sentence) -> None:
    s = dev_sentence("seed-001", "security forces have begun")
    assert "NGO:ARK" in [a.agency for a in find_actors(s, "en")]
    assert locate.actor_codes(find_actors(s, "en"), "enforcement", "AZ", "raid") == []
