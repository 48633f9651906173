"""How outlets locate acts (round-2 phrase bank): region adjectives, capitals and their nicknames,
airports, stations, markets and detention centres, districts of towns, a capital's surroundings,
abbreviated regions, and which of several places is where the act happened (not a deportation's
destination). Sentences are invented, in the ways wire, regional and Central Asian outlets write."""

import pytest

from diaspora_watch.document import Document
from diaspora_watch.extract import extract_events
from diaspora_watch.extract.places import find_places


def _where(text: str, lang: str) -> tuple[str | None, str | None, str | None]:
    """(country, admin1, place) of the first event of a one-sentence document."""
    events = extract_events(Document(doc_id="bank", text=text, language=lang, published="2025-06-10"))
    assert events, text
    e = events[0]
    return e["country"], e["admin1"], e["place"]


BANK = [
    # a region or a town named only by its adjective
    ("ru", "Омские полицейские задержали 23 мигранта.", ("RU", "RU-OMS", None)),
    ("ru", "Подмосковная полиция задержала 11 иностранцев.", ("RU", "RU-MOS", None)),
    ("ru", "Красноярское МВД лишило гражданства двух уроженцев Узбекистана.", ("RU", "RU-KYA", None)),
    ("ru", "Петербургские полицейские задержали 9 мигрантов.", ("RU", "RU-SPE", "Saint Petersburg")),
    ("ru", "Московские полицейские задержали 9 мигрантов.", ("RU", "RU-MOW", "Moscow")),
    # capitals and nicknames
    ("ru", "В столице задержали 31 мигранта.", ("RU", "RU-MOW", "Moscow")),
    ("ru", "В столице Узбекистана задержали семь человек.", ("UZ", "UZ-TK", "Tashkent")),
    ("en", "Police detained 8 people in the Kyrgyz capital on Friday.", ("KG", "KG-GB", "Bishkek")),
    ("ru", "В городе на Неве задержали 27 мигрантов.", ("RU", "RU-SPE", "Saint Petersburg")),
    ("ru", "В северной столице задержали 27 мигрантов.", ("RU", "RU-SPE", "Saint Petersburg")),
    # sites named without their town
    ("ru", "В аэропорту Шереметьево задержали 18 граждан Таджикистана.", ("RU", "RU-MOS", "Sheremetyevo airport")),
    ("en", "Twelve Uzbek nationals were detained at Moscow's Sheremetyevo airport.", ("RU", "RU-MOS", "Sheremetyevo airport")),
    ("en", "Border guards detained 6 Tajik citizens at Pulkovo airport.", ("RU", "RU-SPE", "Pulkovo airport")),
    ("ru", "В аэропорту Кольцово задержали 7 граждан Таджикистана.", ("RU", "RU-SVE", "Koltsovo airport")),
    ("ru", "На Курском вокзале задержали 14 мигрантов.", ("RU", "RU-MOW", "Kursky railway station")),
    ("ru", "Полицейские провели рейд на рынке «Садовод».", ("RU", "RU-MOW", "Sadovod market")),
    ("en", "About 60 people are being held at the Sakharovo detention centre.", ("RU", "RU-MOW", "Sakharovo")),
    # districts of towns and regions
    ("en", "Police raided a dormitory in Bishkek's Leninsky district and detained 15 people.", ("KG", "KG-GB", "Leninsky district")),
    ("ru", "В Ленинском районе Екатеринбурга задержали 12 мигрантов.", ("RU", "RU-SVE", "Leninsky district")),
    # a capital's surroundings, the most precise place
    ("en", "Police detained 19 Tajik workers at a warehouse outside Moscow.", ("RU", "RU-MOS", None)),
    ("en", "Police detained 21 migrants near St Petersburg on Friday.", ("RU", "RU-LEN", None)),
    ("en", "Police detained 26 migrants in the Moscow region town of Lyubertsy.", ("RU", "RU-MOS", "Lyubertsy")),
    # abbreviated regions are no datelines
    ("ru", "В ЯНАО задержали 13 мигрантов.", ("RU", "RU-YAN", None)),
    ("ru", "В ГБАО задержали четверых мужчин.", ("TJ", "TJ-GB", None)),
    # a deportation happens where it starts, not where people are sent
    ("en", "Thirty Kyrgyz nationals were deported to Bishkek from Omsk.", ("RU", "RU-OMS", "Omsk")),
    # a valley spanning several states is no region
    ("en", "Police detained five men in the Fergana Valley on Monday.", ("RU", None, None)),
]


@pytest.mark.parametrize("lang,text,want", BANK)
def test_places_bank_locates_the_act(lang, text, want):
    assert _where(text, lang) == want


# Words that look like the new cues but must leave the place as it was.
KEEP = [
    ("ru", "Полицейские взяли под стражу в Москве трёх мигрантов.", ("RU", "RU-MOW", "Moscow")),
    ("ru", "Рейд начался в шесть утра по московскому времени в Омске.", ("RU", "RU-OMS", "Omsk")),
    ("ru", "Свердловский районный суд Перми арестовал двух уроженцев Таджикистана.", ("RU", "RU-PER", "Perm")),
    ("ru", "В столице Татарстана задержали 10 мигрантов.", ("RU", "RU-TA", None)),
    ("en", "Police in Russia detained 10 migrants in the capital of Tatarstan, Kazan.", ("RU", "RU-TA", "Kazan")),
    ("ru", "Узбекистанца задержали в Новосибирске и депортировали в Ташкент.", ("RU", "RU-NVS", "Novosibirsk")),
    ("ru", "В Новосибирске депортировали 12 мигрантов.", ("RU", "RU-NVS", "Novosibirsk")),
    ("en", "MOSCOW, June 5 (Reuters) - Police in Omsk detained 30 migrants.", ("RU", "RU-OMS", "Omsk")),
]


@pytest.mark.parametrize("lang,text,want", KEEP)
def test_places_bank_keeps_the_place_near_the_new_cues(lang, text, want):
    assert _where(text, lang) == want


def test_places_the_capital_named_after_its_phrase_is_one_mention():
    found = find_places("A court in the Kyrgyz capital, Bishkek, sentenced him.", "en")
    assert [p.name for p in found] == ["Bishkek"]


def test_places_a_district_of_a_region_in_a_dev_quote(dev_sentence):
    s = dev_sentence("d-025", "Sverdlovsk district")
    assert [(p.name, p.admin1) for p in find_places(s, "en") if p.level == "city"] == [("Sverdlovsk district", "RU-PER")]
