"""Shapes of real Russian wire, regional and press-release news (TASS, RIA, regional sites,
police and bailiffs' releases, Mediazona, Kavkaz-Uzel) that the extractor misread: legal
references cut into sentences, administrative cases read as criminal ones, future steps read as
done, opinions and penalties read as acts, a capital that tells read as a place, abbreviations
read as towns, operation names read as dates and people. Invented sentences in those shapes,
with near misses."""

from __future__ import annotations

from typing import Any

import pytest
from dwtest import events, trigger_subtypes

from diaspora_watch.extract.places import find_places
from diaspora_watch.extract.sentences import split


def _events(text: str, published: str = "2025-03-12") -> list[dict[str, Any]]:
    return events(text, "ru", published)


def _of(text: str, subtype: str, published: str = "2025-03-12") -> list[dict[str, Any]]:
    return [e for e in _events(text, published) if e["subtype"] == subtype]


# --- sentences: a legal reference or an address does not end a sentence ---------------------

@pytest.mark.parametrize("text, n", [
    ("Сейчас по уголовному делу по ч. 3 ст. 322 УК РФ ведется предварительное следствие.", 1),
    ("Дело возбуждено по п. «а» ч. 2 ст. 322.1 УК РФ в отношении двоих приезжих.", 1),
    ("Мигрантов задержали в с. Кировское Омской обл. Позже их отпустили.", 1),
])
def test_real_ru_legal_reference_stays_in_its_sentence(text: str, n: int) -> None:
    assert len(split(text)) == n


def test_real_ru_a_full_stop_after_a_word_still_ends_a_sentence() -> None:
    assert len(split("Полиция задержала пятерых. Суд отправил их в СИЗО.")) == 2


# --- administrative cases are no criminal case -----------------------------------------------

@pytest.mark.parametrize("text", [
    "Суд признал гражданина Киргизии виновным в совершении административного правонарушения по ч. 1.1 ст. 18.8 КоАП РФ и назначил ему штраф с выдворением.",
    "Пятерых иностранцев приговорили к принудительному выдворению за пределы России.",
    "По итогам проверки возбуждено 18 административных дел в отношении иностранцев.",
    "Суд признал их виновными по статье 20.2 КоАП и назначил арест на 10 суток.",
])
def test_real_ru_administrative_case_is_no_criminal_case(text: str) -> None:
    assert "criminal_case" not in trigger_subtypes(text, "ru")


@pytest.mark.parametrize("text", [
    "Суд приговорил уроженца Таджикистана к шести годам колонии с последующим выдворением.",
    "На иностранца составили административный протокол, а также возбудили уголовное дело о подделке патента.",
    "Суд признал гражданина Узбекистана виновным в разбое и приговорил к 8 годам колонии.",
])
def test_real_ru_criminal_case_beside_administrative_words_stays(text: str) -> None:
    assert "criminal_case" in trigger_subtypes(text, "ru")


def test_real_ru_expulsion_sentence_keeps_its_count_on_the_deportation() -> None:
    (ev,) = _of("Пятерых иностранцев приговорили к принудительному выдворению за пределы России.", "deportation")
    assert ev["count"] == 5


# --- a step in the future tense is planned -----------------------------------------------------

@pytest.mark.parametrize("text, subtype", [
    ("В Омске полиция задержала 14 мигрантов, их выдворят из России.", "deportation"),
    ("По итогам рейда 12 иностранцев вышлют из страны.", "deportation"),
    ("Ещё 35 нарушителям запретят въезд в Россию.", "entry_ban"),
    ("Двоих уроженцев Узбекистана депортируют на родину.", "deportation"),
])
def test_real_ru_future_step_is_planned(text: str, subtype: str) -> None:
    (ev,) = _of(text, subtype)
    assert ev["certainty"] == "planned"


def test_real_ru_done_step_beside_a_future_one_stays_reported() -> None:
    (det,) = _of("В Омске полиция задержала 14 мигрантов, их выдворят из России.", "detention")
    assert det["certainty"] == "reported"
    (dep,) = _of("В Курске полиция выдворила 9 мигрантов.", "deportation")
    assert dep["certainty"] == "reported"


# --- opinions of what ought to be done, penalties people face: no events ----------------------

@pytest.mark.parametrize("text", [
    "Лидер фракции заявил, что мигрантов следует лишать гражданства за тяжкие преступления.",
    "Депутат считает, что таких людей надо выдворять из страны.",
    "По его словам, нужно депортировать всех нарушителей.",
    "Нарушителям грозит штраф до семи тысяч рублей с выдворением из страны.",
])
def test_real_ru_opinion_or_penalty_is_no_event(text: str) -> None:
    assert _events(text) == []


@pytest.mark.parametrize("text, subtype", [
    ("Суд назначил мигранту штраф в пять тысяч рублей с выдворением из страны.", "deportation"),
    ("Из сообщения МВД следует, что 20 мигрантов были задержаны в Казани.", "detention"),
])
def test_real_ru_imposed_penalty_or_account_is_an_event(text: str, subtype: str) -> None:
    assert _of(text, subtype)


# --- where: a capital that tells, a destination, abbreviations, capitals of no state ----------

def test_real_ru_capital_as_source_is_no_place() -> None:
    text = ("МИД Азербайджана призвал расследовать задержания в Екатеринбурге.\n"
            "По информации Баку, в ходе спецоперации ФСБ были задержаны девять человек.")
    dets = _of(text, "detention")
    assert dets and all(e["country"] == "RU" for e in dets)


def test_real_ru_capital_after_a_preposition_is_still_a_place() -> None:
    (ev,) = _of("По информации Москвы, в Баку задержаны двое россиян.", "detention")
    assert ev["admin1"] == "AZ-BA"


def test_real_ru_ticket_destination_is_no_place_of_the_deportation() -> None:
    evs = _of("В Новосибирске приставы выдворили 12 мигрантов, им купили билеты до Душанбе.", "deportation")
    assert [e["admin1"] for e in evs] == ["RU-NVS"]


def test_real_ru_short_abbreviation_in_capitals_is_no_town() -> None:
    assert find_places("Натурализованные граждане имеют право на АГС и отсрочку.", "ru") == []
    assert [m.name for m in find_places("УФА, 5 мая. Полиция задержала мигрантов.", "ru")] == ["Ufa"]
    assert [m.name for m in find_places("В Агсу прошли обыски.", "ru")] == ["Aghsu"]


def test_real_ru_capital_of_a_region_that_is_no_state_is_not_moscow() -> None:
    assert find_places("Рейды прошли на стройках Советского района столицы Черноземья.", "ru") == []
    assert [m.name for m in find_places("В столице задержали 40 мигрантов.", "ru")] == ["Moscow"]
    # the capital at a sentence's end, a new sentence after it
    names = [m.name for m in find_places("Рейд прошёл в округе столицы. Задержанных проверяют.", "ru")]
    assert names == ["Moscow"]


@pytest.mark.parametrize("text, admin1", [
    ("Полицейские провели рейд в Котельниках.", "RU-MOS"),
    ("В Киселёвске задержали двух мигрантов.", "RU-KEM"),
    ("В Нарьян-Маре прошли проверки мигрантов.", "RU-NEN"),
])
def test_real_ru_towns_without_russian_names_in_geonames(text: str, admin1: str) -> None:
    assert [m.admin1 for m in find_places(text, "ru")] == [admin1]


def test_real_ru_code_name_is_no_place_so_the_region_carries_on() -> None:
    text = ("В Омске сотрудники УФСБ задержали двух граждан Узбекистана. "
            "Сейчас по уголовному делу по ч. 3 ст. 322 УК РФ ведется предварительное следствие.")
    (ev,) = _of(text, "criminal_case")
    assert ev["admin1"] == "RU-OMS"


@pytest.mark.parametrize("text, admin1", [
    ("Сотрудники полиции провели операцию в Казани и задержали 40 мигрантов.", "RU-TA"),
    ("В ходе спецоперации ФСБ в Екатеринбурге задержаны 50 человек.", "RU-SVE"),
])
def test_real_ru_town_after_an_operation_is_where_the_police_acted(text: str, admin1: str) -> None:
    (ev,) = _of(text, "detention")
    assert ev["admin1"] == admin1


def test_real_ru_state_after_an_operation_or_the_front_is_the_theatre() -> None:
    (ev,) = _of("Мигрантов из Центральной Азии заставляют подписывать контракты с российской армией и "
                "отправляться на передовую в Украину.", "coercion")
    assert ev["country"] == "RU"


def test_real_ru_region_adjective_before_a_town_lists_nothing() -> None:
    evs = _of("Мигранта задержали и отправили в спецприёмник в подмосковном Сахарово.", "detention")
    assert len(evs) == 1
    assert len(_of("Аналогичные задержания прошли в Калининградской и Смоленской областях.", "detention")) == 2


# --- operation names: no date, no person -------------------------------------------------------

def test_real_ru_year_in_an_operation_name_is_no_date() -> None:
    (ev,) = _of("В рамках операции «Нелегал – 2024» полицейские провели более 70 проверок мест "
                "концентрации иностранных граждан.", "raid", "2024-10-20")
    assert ev["date"] == "2024-10"
    (dep,) = _of("В 2023 году полиция выдворила 500 мигрантов.", "deportation", "2024-10-20")
    assert dep["date"] == "2023"


def test_real_ru_people_noun_in_an_operation_name_counts_nobody() -> None:
    (ev,) = _of("Полиция провела операцию «Мигрант» в Омске.", "raid")
    assert ev["count"] is None
    (det,) = _of("Полиция задержала мигранта в Омске.", "detention")
    assert det["count"] == 1


@pytest.mark.parametrize("text", [
    "В ходе ОПМ «Нелегал-2025» полицейские проверили общежития иностранных рабочих в Южно-Сахалинске.",
    "Сотрудники полиции обследовали места компактного проживания иностранных граждан.",
])
def test_real_ru_operational_preventive_measure_is_a_raid(text: str) -> None:
    assert "raid" in trigger_subtypes(text, "ru")


# --- laws: the passive with its maker, a bill referred back to, what a law provides ------------

@pytest.mark.parametrize("text", [
    "Закон о новом порядке высылки нелегальных иностранцев подписан президентом.",
    "Президент подписал закон, вводящий новые ограничения для иностранцев, не имеющих права находиться в стране.",
])
def test_real_ru_law_signed(text: str) -> None:
    assert "law" in trigger_subtypes(text, "ru")


def test_real_ru_rule_of_what_people_may_claim_stays_no_event() -> None:
    assert _events("Иностранцы, подписавшие контракт с Минобороны, имеют право на получение гражданства.") == []


def test_real_ru_law_story_makes_no_proposal_of_its_own_bill_or_content() -> None:
    text = ("Закон о новом режиме высылки мигрантов подписан президентом.\n"
            "Согласно этому законопроекту в России будет создан реестр нарушителей.")
    assert [e["subtype"] for e in _events(text, "2024-08-08")] == ["law"]


# --- dates: a running period since a month ------------------------------------------------------

def test_real_ru_since_a_month_dates_a_statistic_at_the_report() -> None:
    (ev,) = _of("Судебные приставы области с января выдворили более 3 тысяч нелегальных мигрантов.",
                "deportation", "2024-12-20")
    assert ev["date"] == "2024-12"


def test_real_ru_since_a_day_still_dates_a_law() -> None:
    (ev,) = _of("Закон вступил в силу с 1 марта.", "law", "2024-06-20")
    assert ev["date"] == "2024-03-01"


# --- triggers: documents taken away are no revocation ---------------------------------------

def test_real_ru_passports_taken_by_police_are_no_revocation() -> None:
    assert "citizenship_revocation" not in trigger_subtypes("Полицейские отобрали у людей паспорта и увезли их в отдел.", "ru")
    assert "citizenship_revocation" in trigger_subtypes("У троих натурализованных россиян отобрали гражданство.", "ru")


# --- certainty: the account of those it happened to ---------------------------------------------

@pytest.mark.parametrize("text, subtype", [
    ("В консульство обратились 12 человек, по словам которых, сотрудники ОМОН задержали и избили 40 человек.", "violence"),
    ("Омбудсмен проверит информацию о предполагаемом избиении мигрантов полицейскими в Хабаровске.", "violence"),
])
def test_real_ru_victims_account_is_alleged(text: str, subtype: str) -> None:
    (ev,) = _of(text, subtype)
    assert ev["certainty"] == "alleged"


# --- merge: "также" tells another act on other people, but continues a statement ----------------

def test_real_ru_also_is_another_act_on_other_people() -> None:
    text = ("В Приморье полиция лишила гражданства троих натурализованных россиян. Мужчинам предписано покинуть Россию.\n"
            "Также гражданства были лишены двое жителей Москвы. Им также указано на необходимость покинуть страну.")
    assert len(_of(text, "deportation")) == 2
    assert len(_of(text, "citizenship_revocation")) == 2


def test_real_ru_also_continues_an_advisory() -> None:
    text = ("Посольство Узбекистана в Москве призвало соотечественников соблюдать миграционные правила. "
            "Посольство также рекомендовало гражданам иметь при себе документы.")
    assert len(_of(text, "advisory")) == 1


def test_real_ru_participants_are_counted_people() -> None:
    (ev,) = _of("Суд арестовал 31 участника массовой драки у рынка на 10 суток.", "detention")
    assert ev["count"] == 31


def test_real_ru_part_of_the_people_named_before_is_counted() -> None:
    text = "В Казани в ходе рейда задержаны 40 мигрантов. Суд постановил выдворить 12 из них."
    (ev,) = _of(text, "deportation")
    assert ev["count"] == 12
    (one,) = _of("Один из них был задержан в Москве.", "detention")
    assert one["count"] is None


def test_real_ru_act_done_under_a_law_stays_an_event() -> None:
    assert "deportation" in trigger_subtypes("Согласно закону, суд выдворил нарушителя за пределы России.", "ru")
