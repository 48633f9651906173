"""Round-3 Russian field bank: who the people are (group, status), how many (count), who
acted (actors) and how sure the text is (certainty), in the shapes police, bailiff and FSB
press releases, regional sites and Central Asian agencies use. Invented sentences, each
asserting the field it must give."""

from __future__ import annotations

from typing import Any

import pytest
from dwtest import event_of, events

CA = ["KG", "KZ", "TJ", "TM", "UZ"]


def _event(text: str, subtype: str) -> dict[str, Any]:
    """The first ``subtype`` event of a one-paragraph Russian document published 2025-03-12."""
    return event_of(text, subtype, "ru", "2025-03-12")


GROUPS = [
    ("detention", "В Новосибирске в среду задержали 15 граждан Республики Таджикистан.", ["TJ"]),
    ("detention", "В Москве в понедельник задержали 20 выходцев из Узбекистана и Таджикистана.", ["UZ", "TJ"]),
    ("deportation", "Суд в Самаре в пятницу постановил выдворить двух узбекистанцев.", ["UZ"]),
    ("protest", "МИД Таджикистана в понедельник выразил протест в связи с задержанием таджикских мигрантов в Перми.", ["TJ"]),
    ("detention", "В Екатеринбурге в среду задержали 5 уроженцев Азербайджанской Республики.", ["AZ"]),
    ("detention", "В Омске в четверг задержали трёх уроженцев Средней Азии.", CA),
    ("detention", "В Казани в среду задержали 12 мигрантов из стран Центральной Азии.", CA),
    ("detention", "В Туле в понедельник задержали 14 трудовых мигрантов из Кыргызстана.", ["KG"]),
    ("detention", "В Перми во вторник задержали 30 иностранцев.", []),
    ("detention", "В Москве во вторник задержали 5 трудовых мигрантов-таджиков.", ["TJ"]),
    ("detention", "В Москве во вторник задержали 5 гастарбайтеров из Узбекистана.", ["UZ"]),
]

STATUSES = [
    ("detention", "В Казани в среду задержали 37 граждан Узбекистана, у которых не оказалось действующих патентов.", "undocumented"),
    ("detention", "В Москве во вторник задержали 12 иностранцев, незаконно находившихся в России.", "undocumented"),
    ("detention", "В Омске в среду задержали 9 мигрантов, у которых отсутствовали документы.", "undocumented"),
    ("detention", "В Москве в четверг задержали 15 граждан Таджикистана, работавших без патентов.", "undocumented"),
    ("detention", "В Твери в среду задержали 8 мигрантов с истёкшим сроком пребывания.", "undocumented"),
    ("citizenship_revocation", "В Самаре в понедельник гражданства лишили 5 выходцев из Таджикистана, получивших паспорта РФ в 2022 году.", "naturalized"),
    ("draft_notice", "В Тюмени во вторник повестки вручили 30 новым гражданам России.", "naturalized"),
    ("raid", "В Томске в понедельник полицейские провели операцию «Нелегал» и проверили 300 иностранных граждан.", "foreign"),
    ("detention", "В Перми во вторник задержали 30 граждан Киргизии.", "foreign"),
    ("detention", "В Москве во вторник задержали 12 мигрантов, нарушивших сроки пребывания.", "undocumented"),
    ("detention", "В Липецке во вторник задержали 6 мигрантов, превысивших срок пребывания.", "undocumented"),
    ("detention", "В Москве во вторник задержали 12 мигрантов с поддельными патентами.", "undocumented"),
    ("detention", "В Москве во вторник задержали 5 приезжих из Таджикистана.", "foreign"),
    ("detention", "В Москве во вторник задержали 7 граждан стран СНГ.", "foreign"),
    ("detention", "В Москве во вторник задержали 5 мигрантов-узбеков.", "foreign"),
    # "на территории иностранного государства" is where the fighting was, not who the people are
    ("prosecution_for_service", "Суд в Бишкеке в среду приговорил гражданина Кыргызстана к пяти годам за участие в вооружённом конфликте на территории иностранного государства.", "citizen"),
]

ACTORS = [
    ("detention", "Сотрудники ГУ МВД по Свердловской области в среду задержали 10 мигрантов в Екатеринбурге.", ["RU:MVD"]),
    ("detention", "УФСБ по Приморскому краю в понедельник задержало 4 граждан Узбекистана.", ["RU:FSB"]),
    ("detention", "Сотрудники УВД по ВАО в среду задержали 25 мигрантов в Москве.", ["RU:MVD"]),
    ("raid", "Бойцы Росгвардии и полицейские в среду провели рейд на рынке в Челябинске.", ["RU:MVD", "RU:ROSGVARDIA"]),
    ("entry_ban", "Пограничники в аэропорту Пулково в пятницу не пустили в Россию 30 граждан Таджикистана.", ["RU:FSB"]),
    ("protest", "МИД Республики Узбекистан в среду потребовал от российской стороны провести расследование.", ["UZ:MFA"]),
    ("statement", "Посольство Республики Таджикистан в РФ в четверг заявило, что держит ситуацию на контроле.", ["TJ:EMBASSY"]),
    ("deportation", "Судебные приставы в четверг выдворили 5 граждан Узбекистана из Смоленска.", ["RU:FSSP"]),
    ("detention", "Сотрудники УФМС в среду задержали 10 мигрантов в Твери.", ["RU:MVD"]),
    ("detention", "Сотрудники ЦПЭ в среду задержали троих уроженцев Дагестана в Москве.", ["RU:MVD"]),
    ("criminal_case", "В Хабаровске уроженец Таджикистана в мае был приговорён к штрафу в 60 тысяч рублей.", ["RU:COURT"]),
]

COUNTS = [
    ("deportation", "Районный суд Казани в среду постановил выдворить за пределы России 12 граждан Узбекистана.", 12, "exact"),
    ("detention", "В Москве в среду задержали более 40 мигрантов.", 40, "at_least"),
    ("detention", "В Перми в среду задержаны порядка 300 иностранцев.", 300, "about"),
    ("detention", "В Челябинске во вторник задержали свыше полутора тысяч мигрантов.", 1500, "at_least"),
    ("deportation", "В Омске в среду выдворили 1 432 иностранца.", 1432, "exact"),
    ("detention", "В Самаре в среду задержали троих граждан Узбекистана.", 3, "exact"),
    ("detention", "В Курске в понедельник задержали около двадцати мигрантов.", 20, "about"),
    ("detention", "В Туле в среду задержали десятки мигрантов.", None, None),
    ("detention", "В Москве во вторник задержали 12 мигрантов-нелегалов.", 12, "exact"),
    ("detention", "В Москве во вторник задержали 5 мигрантов-узбеков.", 5, "exact"),
    ("detention", "В Москве во вторник задержали 8 гастарбайтеров из Узбекистана.", 8, "exact"),
    ("detention", "В Москве в начале января за один рейд силовики задержали более полусотни иностранцев.", 50, "at_least"),
    # one person named by a singular noun; the same forms after a number are its paucal
    ("detention", "В Самаре в понедельник задержали мужчину по подозрению в краже.", 1, "exact"),
    ("detention", "В Самаре в понедельник задержали гражданина Узбекистана.", 1, "exact"),
    ("detention", "В Самаре в понедельник задержали 3 гражданина Таджикистана.", 3, "exact"),
    ("detention", "В Самаре в понедельник задержали 2 иностранных гражданина.", 2, "exact"),
    ("detention", "В Самаре в понедельник задержали 40 мигрантов, среди них гражданина Узбекистана.", 40, "exact"),
]


CERTAINTIES = [
    # what activists or relatives claim is alleged; the police's own report is reported
    ("violence", "Правозащитники утверждают, что в отделе полиции в Перми в понедельник задержанных мигрантов избивали.", "alleged"),
    ("violence", "Брат одного из задержанных рассказал, что полицейские в Перми в понедельник сломали ему руку.", "alleged"),
    ("detention", "В Перми в понедельник полицейские задержали 12 мигрантов.", "reported"),
]


@pytest.mark.parametrize(("subtype", "text", "group"), GROUPS)
def test_fields_ru_round3_group(subtype: str, text: str, group: list[str]) -> None:
    assert sorted(_event(text, subtype)["group"]) == sorted(group)


@pytest.mark.parametrize(("subtype", "text", "status"), STATUSES)
def test_fields_ru_round3_status(subtype: str, text: str, status: str) -> None:
    assert _event(text, subtype)["status"] == status


@pytest.mark.parametrize(("subtype", "text", "actors"), ACTORS)
def test_fields_ru_round3_actors(subtype: str, text: str, actors: list[str]) -> None:
    assert sorted(_event(text, subtype)["actors"]) == sorted(actors)


@pytest.mark.parametrize(("subtype", "text", "count", "qualifier"), COUNTS)
def test_fields_ru_round3_count(subtype: str, text: str, count: int | None, qualifier: str | None) -> None:
    e = _event(text, subtype)
    assert (e["count"], e["count_qualifier"]) == (count, qualifier)


def test_fields_round3_an_operation_name_gives_no_status_in_english_either() -> None:
    text = "As part of Operation Illegal Immigrant, police in Penza checked 380 foreign nationals on Monday."
    assert [(e["subtype"], e["status"]) for e in events(text, "en", "2025-03-12")] == [("raid", "foreign")]


@pytest.mark.parametrize(("subtype", "text", "certainty"), CERTAINTIES)
def test_fields_ru_round3_certainty(subtype: str, text: str, certainty: str) -> None:
    assert _event(text, subtype)["certainty"] == certainty
