"""Classes of error left on real Russian excerpts (police releases, TASS, RIA, regional sites):
a figure given to the raid a deportation followed, a figure a pronoun passes on, a tally of
places read as one event, a future step's month read as last year's, a planned step in a
relative clause dropped. Invented sentences in those shapes, with near misses."""

from __future__ import annotations

from typing import Any

import pytest
from dwtest import events



def _events(text: str, published: str = "2025-07-10") -> list[dict[str, Any]]:
    return events(text, "ru", published)


def _of(text: str, subtype: str, published: str = "2025-07-10") -> list[dict[str, Any]]:
    return [e for e in _events(text, published) if e["subtype"] == subtype]


# --- a raid framed as what the main act followed takes none of its figures ------------------

@pytest.mark.parametrize("text, subtype, n", [
    ("По итогам рейда 27 иностранцев вышлют из России.", "deportation", 27),
    ("По итогам проверок в отношении девяти иностранцев приняты решения о выдворении.", "deportation", 9),
    ("После рейда на рынке из страны выдворят 14 мигрантов.", "deportation", 14),
    ("По результатам рейдов 31 иностранцу запретили въезд в Россию.", "entry_ban", 31),
])
def test_left_ru_a_framed_raid_leaves_the_figure_to_the_main_act(text: str, subtype: str, n: int) -> None:
    assert [e["count"] for e in _of(text, subtype)] == [n]
    assert all(e["count"] is None for e in _of(text, "raid"))


def test_left_ru_a_raid_not_framed_keeps_its_figure() -> None:
    assert [e["count"] for e in _of("Полиция провела рейд в общежитии, проверив 300 иностранцев.", "raid")] == [300]


def test_left_ru_a_verb_right_after_the_frame_is_the_main_act() -> None:
    text = "В результате рейда лишили гражданства четверых натурализованных россиян."
    assert [e["count"] for e in _of(text, "citizenship_revocation")] == [4]
    assert [e["count"] for e in _of(text, "raid")] == [None]


# --- a plural pronoun passes on the people counted before ------------------------------------

@pytest.mark.parametrize("text, subtype, n", [
    ("В ходе рейда полицейские выявили 15 нарушителей. В отношении них приняты решения о выдворении.", "deportation", 15),
    ("Полиция проверила 200 человек и выявила 18 нелегалов. Их доставили в отдел полиции.", "detention", 18),
    ("Рейд выявил 20 иностранцев без документов. Ведомство сообщило о подготовке к их выдворению.", "deportation", 20),
    ("На стройке задержали 33 мигранта. На них составили протоколы. Позже они будут выдворены из страны.", "deportation", 33),
])
def test_left_ru_a_pronoun_passes_on_the_count(text: str, subtype: str, n: int) -> None:
    assert [e["count"] for e in _of(text, subtype)][-1:] == [n]


@pytest.mark.parametrize("text, subtype", [
    # no figure before: nothing to pass on; another paragraph: not the same people
    ("Полиция проверила общежитие. Их доставили в отдел полиции.", "detention"),
    ("Полиция задержала 12 мигрантов.\n\nПозже их выдворили из страны.", "deportation"),
])
def test_left_ru_a_pronoun_with_nothing_counted_before_counts_nothing(text: str, subtype: str) -> None:
    assert [e["count"] for e in _of(text, subtype)] == [None]


def test_left_ru_a_preparation_is_planned() -> None:
    assert [e["certainty"] for e in _of("Ведомство сообщило о подготовке к выдворению 20 иностранцев.", "deportation")] == ["planned"]


# --- a tally of places is one act per place ----------------------------------------------------

def test_left_ru_a_tally_of_places_is_one_act_each() -> None:
    found = _of("За неделю задержаны 26 нелегальных мигрантов: 11 в Петербурге, 12 в Хабаровске, три в Томске.", "detention")
    assert sorted((e["admin1"], e["count"]) for e in found) == [("RU-KHA", 12), ("RU-SPE", 11), ("RU-TOM", 3)]


def test_left_ru_a_tally_joined_by_and() -> None:
    found = _of("По итогам рейдов принято 40 решений о выдворении: 25 в Москве и 15 в Подмосковье.", "deportation")
    assert sorted((e["admin1"], e["count"]) for e in found) == [("RU-MOS", 15), ("RU-MOW", 25)]


@pytest.mark.parametrize("text", [
    # one place with a part of the figure: one act
    "Полиция задержала 12 мигрантов в Москве, в том числе 5 в Зеленограде.",
    # a figure after the place is no tally item
    "В Москве задержали 40 мигрантов, в Подмосковье проверили 300 объектов.",
])
def test_left_ru_no_tally_stays_one_act(text: str) -> None:
    assert len(_of(text, "detention")) == 1


# --- a future step's yearless later month is this year -----------------------------------------

@pytest.mark.parametrize("text, subtype, date", [
    ("Закон о режиме высылки вступит в силу с 1 сентября.", "law", "2025-09-01"),
    ("Новые правила для трудовых мигрантов начнут действовать в декабре.", "law", "2025-12"),
    ("Законопроект об ужесточении миграционного режима будет рассмотрен Госдумой в октябре.", "proposal", "2025-10"),
])
def test_left_ru_a_future_step_is_this_year(text: str, subtype: str, date: str) -> None:
    assert [e["date"] for e in _of(text, subtype)] == [date]


@pytest.mark.parametrize("text, subtype, date", [
    # a past verb: the latest such month, last year
    ("В сентябре полиция задержала 40 мигрантов.", "detention", "2024-09"),
    # the future verb is across a comma, in another clause: the participle dates the month
    ("Закон, принятый в сентябре, вступит в силу в январе.", "law", "2024-09"),
])
def test_left_ru_a_past_month_stays_last_year(text: str, subtype: str, date: str) -> None:
    assert [e["date"] for e in _of(text, subtype)] == [date]


# --- a relative clause that tells a step still to come is a planned act ------------------------

@pytest.mark.parametrize("text, n", [
    ("Полиция задержала 40 мигрантов, 19 из которых выдворят из страны.", 19),
    ("В ходе рейда проверили 300 иностранцев, 25 из которых будут выдворены за пределы России.", 25),
])
def test_left_ru_a_planned_step_in_a_relative_clause(text: str, n: int) -> None:
    found = _of(text, "deportation")
    assert [(e["count"], e["certainty"]) for e in found] == [(n, "planned")]


def test_left_ru_a_past_act_in_a_relative_clause_stays_background() -> None:
    assert _of("Суд арестовал мигранта, которого выдворили из страны.", "deportation") == []
