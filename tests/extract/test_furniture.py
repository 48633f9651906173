"""Page furniture: lines that link to other articles ("Read also:", "Читайте также:"), photo
captions and calls to subscribe report nothing of the document they sit in. Invented text."""

import pytest

from dwtest import events

LEAD = {
    "en": "Police detained 12 Uzbek migrants at a market in Samara on Tuesday, the regional interior ministry said.",
    "ru": "Во вторник в Самаре полицейские задержали 12 граждан Узбекистана на рынке, сообщили в областном МВД.",
}

FURNITURE = [
    ("en", "Read also: Kyrgyz citizen deported from Moscow after court ruling"),
    ("en", "Related: Tajik migrants raided in St Petersburg dormitory"),
    ("en", "See also - Three Azerbaijanis stripped of Russian citizenship in Tyumen"),
    ("en", "Photo: Police officers check documents at a construction site in Kazan. Credit: Example Press"),
    ("en", "File photo: riot police detain protesters in Baku."),
    ("en", "Tags: migrants, deportation, citizenship revocation, Russia"),
    ("ru", "Читайте также: Из Москвы выдворили гражданина Киргизии"),
    ("ru", "Смотрите также — В Новосибирске прошёл рейд в общежитии мигрантов"),
    ("ru", "Теги: мигранты, выдворение, лишение гражданства"),
    ("ru", "По теме: Трёх уроженцев Таджикистана лишили гражданства в Тюмени"),
    ("ru", "Фото: сотрудники полиции проверяют документы у мигрантов на стройке. Источник: пресс-служба МВД"),
]

BODY = [
    # the same words inside the report, with no label mark: still events
    ("en", "raid", "Video shows police officers raiding a dormitory of Tajik workers in Kazan."),
    ("en", "deportation", "Related cases: a Kyrgyz citizen was deported from Moscow on Monday."),
    ("ru", "raid", "Фотографии с места показывают, как полицейские провели рейд в общежитии мигрантов в Казани."),
]


def _subtypes(lang: str, line: str) -> list[str]:
    return [e["subtype"] for e in events(f"{LEAD[lang]}\n\n{line}", lang, "2026-11-20")]


@pytest.mark.parametrize("lang,line", FURNITURE)
def test_furniture_lines_make_no_event(lang, line):
    assert _subtypes(lang, line) == ["detention"]


@pytest.mark.parametrize("lang,subtype,line", BODY)
def test_furniture_words_in_the_report_still_make_events(lang, subtype, line):
    assert subtype in _subtypes(lang, line)
