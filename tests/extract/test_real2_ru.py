"""Shapes of real Russian news on the less common subtypes (entry refused at the border, bills
passed in two readings at once, draft notices handed out during a raid, verdicts for
mercenarism, advisories repeated by a home state) that the extractor misread. Invented
sentences in those shapes, with near misses."""

from __future__ import annotations

from typing import Any

import pytest
from dwtest import events, trigger_subtypes


def _of(text: str, subtype: str, published: str = "2025-03-12") -> list[dict[str, Any]]:
    return [e for e in events(text, "ru", published) if e["subtype"] == subtype]


# --- entry refused: "не получили разрешение на въезд", "не впускают в страну" ----------------

@pytest.mark.parametrize("text", [
    "Накануне двенадцать узбекских мигрантов, прилетевших в Казань, не получили разрешение на въезд в Россию.",
    "Пограничники не дали разрешения на въезд группе граждан Киргизии.",
    "Гражданам Таджикистана отказывают во въезде в аэропорту Домодедово.",
    "Узбекистанцев не впускают в страну без объяснений.",
    "Пограничная служба не разрешила въезд в Россию двадцати гражданам Узбекистана.",
])
def test_real2_ru_entry_refused_is_an_entry_ban(text: str) -> None:
    assert "entry_ban" in trigger_subtypes(text, "ru")


@pytest.mark.parametrize("text", [
    "Мигрант не получил разрешение на работу и уехал.",
    "Охранник не пускал мигрантов в магазин.",
    "Мигрантам выдали разрешение на въезд после проверки.",
])
def test_real2_ru_other_refusals_are_no_entry_ban(text: str) -> None:
    assert "entry_ban" not in trigger_subtypes(text, "ru")


# --- a bill passed "во втором и третьем чтениях" is a law -------------------------------------

@pytest.mark.parametrize("text", [
    "Госдума приняла во втором и третьем чтениях закон об ужесточении правил въезда для мигрантов.",
    "Депутаты приняли во II и III чтениях законопроект о режиме высылки иностранцев.",
])
def test_real2_ru_second_and_third_reading_is_a_law(text: str) -> None:
    subs = trigger_subtypes(text, "ru")
    assert "law" in subs and "proposal" not in subs


@pytest.mark.parametrize("text", [
    "Законопроект планируется рассмотреть во втором и третьем чтениях в декабре.",
    "Дума рассмотрит законопроект во втором и третьем чтениях на следующей неделе.",
])
def test_real2_ru_readings_still_to_come_are_no_law(text: str) -> None:
    assert "law" not in trigger_subtypes(text, "ru")


def test_real2_ru_first_reading_stays_a_proposal() -> None:
    assert trigger_subtypes("Госдума приняла законопроект о режиме высылки в первом чтении.", "ru") == {"proposal"}


# --- "в ходе рейда 112 иностранцам вручены повестки": the figure is the notices' --------------

def test_real2_ru_figure_after_a_framing_raid_counts_the_main_act() -> None:
    text = "В ходе рейда 112 иностранцам вручены повестки."
    assert _of(text, "draft_notice")[0]["count"] == 112
    assert _of(text, "raid")[0]["count"] is None


def test_real2_ru_figure_during_a_raid_counts_the_detained() -> None:
    text = "Во время рейда 40 мигрантов задержаны."
    assert _of(text, "detention")[0]["count"] == 40
    assert _of(text, "raid")[0]["count"] is None


def test_real2_ru_raid_told_by_its_own_verb_keeps_its_figure() -> None:
    assert _of("В ходе рейда полицейские проверили 300 человек.", "raid")[0]["count"] == 300


def test_real2_ru_raid_then_notices_during_it_is_one_raid() -> None:
    text = ("На стройке в Кировском районе Самары силовики проверили документы у более чем 300 мигрантов. "
            "В ходе рейда 45 иностранцам вручены повестки в военкомат.")
    assert len(_of(text, "raid")) == 1
    assert _of(text, "draft_notice")[0]["count"] == 45


# --- a verdict for mercenarism told without its sentence --------------------------------------

@pytest.mark.parametrize("text, country", [
    ("Суд Бишкека признал виновным в наемничестве 32-летнего мужчину.", "KG"),
    ("Суд признал гражданина Казахстана виновным в участии в вооруженном конфликте на территории иностранного государства.", "KZ"),
])
def test_real2_ru_guilty_of_mercenarism_is_prosecution_for_service(text: str, country: str) -> None:
    found = _of(text, "prosecution_for_service")
    assert found and found[0]["country"] == country


def test_real2_ru_guilty_of_theft_stays_a_criminal_case() -> None:
    subs = trigger_subtypes("Суд признал мигранта виновным в краже.", "ru")
    assert "criminal_case" in subs and "prosecution_for_service" not in subs


def test_real2_ru_opinion_on_verdicts_is_no_prosecution() -> None:
    assert not _of("Эксперты считают, что суды редко признают виновными наемников.", "prosecution_for_service")


# --- "в мае МИД уже призывал ...": an earlier advisory told beside the new one ----------------

def test_real2_ru_advisory_made_before_is_its_own_event() -> None:
    text = ("Посольство Узбекистана рекомендовало гражданам воздержаться от поездок в Россию. "
            "В феврале МИД Узбекистана уже призывал сограждан временно воздержаться от поездок в Россию.")
    dates = sorted(e["date"] for e in _of(text, "advisory"))
    assert dates == ["2025-02", "2025-03"]


# --- "в центре временного содержания скончался ...": the centre is where he died --------------

@pytest.mark.parametrize("text", [
    "В центре временного содержания иностранных граждан в Новосибирской области умер гражданин Узбекистана.",
    "В центре временного содержания иностранцев под Самарой скончался 50-летний уроженец Таджикистана.",
])
def test_real2_ru_death_in_a_holding_centre_is_no_new_detention(text: str) -> None:
    subs = trigger_subtypes(text, "ru")
    assert "death_in_custody" in subs and "detention" not in subs


@pytest.mark.parametrize("text", [
    "Гражданина Таджикистана поместили в центр временного содержания иностранных граждан.",
    "Двадцать мигрантов содержатся в центре временного содержания иностранных граждан в ожидании выдворения.",
])
def test_real2_ru_holding_in_a_centre_stays_a_detention(text: str) -> None:
    assert "detention" in trigger_subtypes(text, "ru")


# --- «до сведения посла доведена обеспокоенность»: concern put to the envoy is a protest -------

@pytest.mark.parametrize("text", [
    "До сведения посла Казахстана доведена обеспокоенность узбекской стороны задержаниями трудовых мигрантов.",
    "Министр довел до сведения российского посла озабоченность Бишкека задержаниями мигрантов.",
])
def test_real2_ru_concern_brought_to_the_envoy_is_a_protest(text: str) -> None:
    assert "protest" in trigger_subtypes(text, "ru")


def test_real2_ru_information_brought_to_the_envoy_is_no_protest() -> None:
    assert "protest" not in trigger_subtypes("До сведения посла довели информацию о графике визита.", "ru")
