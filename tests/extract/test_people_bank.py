"""Phrase bank for who the people are and who acted (codebook `group`, `status`, `actors`,
`persons`): invented sentences in the ways outlets commonly name migrants, new citizens,
agencies and Central Asian names, each asserting the field it must give."""

from __future__ import annotations

from typing import Any

import pytest

from diaspora_watch.document import Document
from diaspora_watch.extract.assemble import extract_events
from diaspora_watch.extract.groups import find_groups
from diaspora_watch.extract.persons import translit

CA = ["KG", "KZ", "TJ", "TM", "UZ"]


def _event(text: str, lang: str, subtype: str) -> dict[str, Any]:
    doc = Document(doc_id="bank", text=text, published="2025-03-12", language=lang)
    found = [e for e in extract_events(doc) if e["subtype"] == subtype]
    assert found, f"no {subtype} in {text!r}"
    return found[0]


GROUPS = [
    ("en", "detention", "Police in Tver detained 8 Tajikistan nationals on Sunday.", ["TJ"]),
    ("en", "deportation", "Fifteen Kyrgyzstan citizens were deported from Perm on Thursday.", ["KG"]),
    ("en", "detention", "Officers detained 25 migrants of Central Asian origin in Krasnodar on Friday.", CA),
    ("en", "detention", "Police detained 12 men of Uzbek descent in Moscow on Monday.", ["UZ"]),
    ("en", "citizenship_revocation", "Five Russian citizens of Tajik origin were stripped of their citizenship in Tyumen on Monday.", ["TJ"]),
    ("ru", "detention", "В Кирове во вторник задержали 11 выходцев из республик Центральной Азии.", CA),
    ("ru", "citizenship_revocation", "В понедельник в Перми гражданства лишили 12 граждан России узбекского происхождения.", ["UZ"]),
    ("ru", "detention", "В понедельник в Москве задержали 12 мигрантов узбекского происхождения.", ["UZ"]),
    ("ru", "detention", "В понедельник в Москве задержали 41 выходца из республик Таджикистан, Узбекистан и Киргизия.", ["TJ", "UZ", "KG"]),
]


@pytest.mark.parametrize(("lang", "subtype", "text", "group"), GROUPS)
def test_people_bank_group(lang: str, subtype: str, text: str, group: list[str]) -> None:
    assert sorted(_event(text, lang, subtype)["group"]) == sorted(group)


STATUSES = [
    ("en", "detention", "Police in Kaluga detained 11 migrants with expired work permits on Tuesday.", "undocumented"),
    ("en", "detention", "Police detained 16 migrants without valid documents in Tver on Monday.", "undocumented"),
    ("en", "detention", "Police detained 9 illegal immigrants in Omsk on Monday.", "undocumented"),
    ("en", "detention", "Police in Tula detained 9 migrants who were working illegally on Monday.", "undocumented"),
    ("en", "detention", "Police detained 40 people who had violated migration rules in Kazan on Monday.", "undocumented"),
    ("en", "detention", "Police detained 13 people who had recently received Russian passports in Tula on Monday.", "naturalized"),
    ("en", "detention", "Police detained 14 stateless people in Moscow on Monday.", "foreign"),
    ("en", "detention", "Police in Tula detained 9 holders of two passports on Monday.", "dual"),
    ("en", "citizenship_revocation", "Five Russian citizens of Tajik origin were stripped of their citizenship in Tyumen on Monday.", "naturalized"),
    ("en", "detention", "Police in Tula detained 9 migrants for breaching migration laws on Monday.", "undocumented"),
    ("ru", "detention", "В Казани в понедельник задержали 12 человек, недавно получивших российское гражданство.", "naturalized"),
    ("ru", "detention", "В понедельник в Туле задержали 9 человек, ставших гражданами России.", "naturalized"),
    ("ru", "detention", "В Калуге во вторник задержали 11 мигрантов с просроченными патентами.", "undocumented"),
    ("ru", "detention", "В Самаре в среду задержали 40 нарушителей миграционного законодательства.", "undocumented"),
    ("ru", "detention", "В Иркутске в понедельник задержали 12 иностранных граждан, нарушивших режим пребывания.", "undocumented"),
    ("ru", "detention", "В Курске в понедельник задержаны 7 мигрантов, не имеющих патентов.", "undocumented"),
    ("ru", "detention", "В понедельник в Туле задержали 9 мигрантов, работавших нелегально.", "undocumented"),
    ("ru", "detention", "В Москве в понедельник задержали 10 россиян.", "citizen"),
    ("ru", "detention", "В понедельник в Туле задержали 9 таджикистанцев.", "foreign"),
    ("ru", "detention", "В понедельник в Уфе задержали 27 мигрантов-нелегалов.", "undocumented"),
    ("en", "detention", "Police detained 300 Vietnamese citizens who illegally lived in Moscow on Monday.", "undocumented"),
    # who the status belongs to: a clause after "migrants" makes them naturalized, "and" keeps two groups
    ("en", "draft_notice", "Officers handed draft notices to 30 migrants who had obtained Russian citizenship in Kazan on Monday.", "naturalized"),
    ("ru", "draft_notice", "В понедельник в Казани повестки вручили 30 мигрантам, получившим гражданство России.", "naturalized"),
    ("ru", "draft_notice", "В понедельник в Орле повестки вручили 20 мигрантам, недавно обзаведшимся российскими паспортами.", "naturalized"),
    ("ru", "draft_notice", "В понедельник в Орле повестки вручили 20 уроженцам Средней Азии, ставшим россиянами.", "naturalized"),
    ("en", "detention", "Police detained 30 migrants with dual citizenship in Kazan on Monday.", "dual"),
]


@pytest.mark.parametrize(("lang", "subtype", "text", "status"), STATUSES)
def test_people_bank_status(lang: str, subtype: str, text: str, status: str) -> None:
    assert _event(text, lang, subtype)["status"] == status


ACTORS = [
    ("en", "raid", "Security services searched the homes of Tajik migrants in Tver on Monday.", ["RU:FSB"]),
    ("en", "detention", "Kyrgyz security services detained two men in Osh on Monday.", ["KG:GKNB"]),
    ("en", "detention", "Azerbaijan's DTX detained two Russian citizens in Baku on Monday.", ["AZ:SSS"]),
    ("en", "detention", "The DKNB detained two men in Khujand on Monday.", ["TJ:GKNB"]),
    ("en", "detention", "Uzbekistan's SGB detained two men in Samarkand on Monday.", ["UZ:SSS"]),
    ("ru", "raid", "В понедельник чекисты провели обыски в мечети в Казани.", ["RU:FSB"]),
    ("ru", "raid", "В понедельник спецслужбы провели обыски у мигрантов в Твери.", ["RU:FSB"]),
    ("ru", "detention", "В понедельник спецслужбы Таджикистана задержали двух вернувшихся мигрантов в Душанбе.", ["TJ:GKNB"]),
    ("ru", "detention", "В понедельник следователи задержали трех граждан Киргизии в Омске.", ["RU:SK"]),
    ("ru", "raid", "В понедельник военкомы вместе с полицейскими провели рейд на рынке в Челябинске.", ["RU:MOD", "RU:MVD"]),
    ("en", "detention", "Immigration officials detained 20 Uzbek migrants in Kazan on Monday.", ["RU:MVD"]),
]


@pytest.mark.parametrize(("lang", "subtype", "text", "actors"), ACTORS)
def test_people_bank_actors(lang: str, subtype: str, text: str, actors: list[str]) -> None:
    assert sorted(_event(text, lang, subtype)["actors"]) == sorted(actors)


PERSONS = [
    ("en", "Police in Moscow detained Kyrgyz citizen Bakyt Toktogul uulu on Monday.", ["Bakyt Toktogul uulu"]),
    ("en", "Police in Moscow detained Aizada Asan kyzy, a Kyrgyz citizen, on Monday.", ["Aizada Asan kyzy"]),
    ("en", "Police in Moscow detained Shahin Mammadli oglu, an Azerbaijani citizen, on Monday.", ["Shahin Mammadli oglu"]),
    ("ru", "В понедельник в Москве задержали уроженку Киргизии Айзаду Асан кызы.", ["Aizada Asan kyzy"]),
    ("ru", "В понедельник в Москве задержали уроженца Азербайджана Эльнура Мамедова оглы.", ["Elnur Mamedov ogly"]),
    ("ru", "В понедельник в Москве задержали уроженца Узбекистана Дилшода Рахимова.", ["Dilshod Rakhimov"]),
    ("ru", "В понедельник в Москве задержали гражданку Узбекистана Дилнозу Рахимову.", ["Dilnoza Rakhimova"]),
    ("ru", "В понедельник в Москве задержали уроженца Таджикистана Фаридуна Шарипова-Юсуфи.", ["Faridun Sharipov-Yusufi"]),
    ("ru", "В понедельник в Москве задержали уроженца Киргизии Айбека Кадырова.", ["Aibek Kadyrov"]),
    ("ru", "В понедельник в Москве задержали уроженца Азербайджана Эльвина Алиева оглы.", ["Elvin Aliev ogly"]),
    # the lawyer titled after the verb is the speaker, not the detained man before it
    ("ru", "В понедельник в Москве задержали гражданина Киргизии Нурлана Асанова, сообщил адвокат Иван Петров.", ["Nurlan Asanov"]),
]


@pytest.mark.parametrize(("lang", "text", "persons"), PERSONS)
def test_people_bank_persons(lang: str, text: str, persons: list[str]) -> None:
    assert _event(text, lang, "detention")["persons"] == persons


NEAR_MISSES = [
    ("en", "Experts say naturalized citizens may soon be targeted by police."),
    ("en", "Naturalized citizens should carry their passports at all times, lawyers advise."),
    ("en", "Police did not detain any of the Kyrgyz citizens, the embassy said."),
    ("ru", "Эксперты считают, что полиция может начать задерживать новых граждан."),
    ("ru", "Новые граждане могут быть лишены гражданства, считает политолог."),
    ("ru", "Мигранты из Средней Азии часто жалуются на проверки полиции."),
]


@pytest.mark.parametrize(("lang", "text"), NEAR_MISSES)
def test_people_bank_near_misses_give_nothing(lang: str, text: str) -> None:
    assert extract_events(Document(doc_id="near", text=text, published="2025-03-12", language=lang)) == []


def test_people_bank_mixed_stays_mixed_when_two_groups_are_named() -> None:
    """Guard for the relative-clause rule: "migrants and naturalized citizens" are two groups."""
    text = "В понедельник в Казани задержали 30 мигрантов и 12 натурализованных граждан."
    assert _event(text, "ru", "detention")["status"] == "mixed"
    assert _event("Police detained 30 migrants and 12 naturalized citizens in Kazan on Monday.", "en", "detention")["status"] == "mixed"


def test_people_bank_origin_group_keeps_the_citizenship_it_holds() -> None:
    [g] = find_groups("Russian citizens of Tajik origin", "en")
    assert (g.countries, g.held) == (("TJ",), ("RU",))


def test_people_bank_translit_writes_short_i_before_a_consonant_as_news_does() -> None:
    assert [translit(w) for w in ("Айбек", "Кайрат", "Майя", "Гусейн")] == ["Aibek", "Kairat", "Mayya", "Gusein"]
