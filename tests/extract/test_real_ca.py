"""Shapes of Central Asian and Azerbaijani news (ministries' and embassies' statements, advisories,
consular help, mercenarism trials, returns and entry bans) that real excerpts showed the
extractor misreading. Every sentence is invented, modelled on how such outlets write: a
defendant's year of birth, a capital that only tells ("по информации Баку"), a ministry that has
"no reports" of an act, an earlier "similar" advisory, a title-case headline, the accused as a
speaker, a pledge to expel, a register people are taken off, media claims, a state as the
subject of an advice, "Напомним, что несколько дней назад", "12 тыс. 262", with near misses."""

import pytest

from dwtest import events, trigger_subtypes


def _events(text: str, lang: str, published: str = "2025-10-15") -> list[dict]:
    return events(text, lang, published)


def _of(events: list[dict], subtype: str) -> list[dict]:
    return [e for e in events if e["subtype"] == subtype]


# --- a year of birth dates no act --------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Суд в Намангане приговорил к пяти годам лишения свободы за наемничество жителя области. "
           "Подсудимый 1991 года рождения признал вину."),
    ("ru", "Сотрудники ГКНБ задержали гражданина Кыргызстана 1988 г.р., воевавшего в Сирии."),
    ("en", "Police in Osh detained a man born in 1987 who had fought in Syria, the security service said."),
])
def test_a_year_of_birth_is_no_date(lang: str, text: str) -> None:
    events = _events(text, lang)
    assert events
    assert all(e["date"].startswith("2025") for e in events)


def test_a_year_of_the_act_still_dates_it() -> None:
    events = _events("В 2019 году его задержали в Москве сотрудники полиции.", "ru")
    assert _of(events, "detention")[0]["date"] == "2019"


# --- the orders of a cell's leaders are no government instruction ------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "По указанию главарей группировки он намеревался создать ячейку в Оше."),
    ("ru", "По указанию кураторов мужчина поджёг автомобиль."),
    ("en", "Acting on instructions from his handlers, the suspect planned an attack."),
])
def test_orders_of_criminal_leaders_are_no_instruction(lang: str, text: str) -> None:
    assert "instruction" not in trigger_subtypes(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Глава МВД дал указание проверить все общежития мигрантов."),
    ("en", "The minister issued instructions to review the cases of all naturalized citizens."),
])
def test_an_order_inside_government_stays_an_instruction(lang: str, text: str) -> None:
    assert "instruction" in trigger_subtypes(text, lang)


# --- a capital that only tells is no place -----------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "В Красноярске в понедельник силовики провели обыски в квартирах таджиков. "
           "По информации Душанбе, задержаны 30 граждан Таджикистана."),
    ("en", "Security forces searched flats of Tajik families in Krasnoyarsk on Monday. "
           "According to Dushanbe, 30 Tajik citizens were detained."),
])
def test_a_capital_as_informant_is_no_place_of_the_act(lang: str, text: str) -> None:
    detention = _of(_events(text, lang), "detention")
    assert detention and detention[0]["country"] == "RU"
    assert detention[0]["place"] != "Dushanbe"


def test_a_detention_in_the_capital_is_still_there() -> None:
    detention = _of(_events("В Душанбе задержаны 30 граждан Таджикистана.", "ru"), "detention")
    assert detention and detention[0]["country"] == "TJ"


# --- "no reports of" an act attests none -------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The embassy said it has not received any reports of detentions of Kyrgyz citizens at the border."),
    ("en", "The ministry said there were no reports of mass denials of entry to Uzbek nationals."),
    ("ru", "В посольстве заявили, что не получали сигналов о задержании граждан Кыргызстана на границе."),
    ("ru", "По словам дипломатов, информации о депортации граждан Узбекистана нет."),
])
def test_no_reports_of_an_act_is_no_act(lang: str, text: str) -> None:
    events = _events(text, lang)
    assert not {"detention", "entry_ban", "deportation"} & {e["subtype"] for e in events}


def test_reports_received_of_an_act_are_still_coded() -> None:
    events = _events("The embassy said it had received reports that 12 Kyrgyz citizens were detained at the border.", "en")
    assert _of(events, "detention")


# --- an earlier "similar" advisory is an act of its own ----------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Kyrgyzstan's Foreign Ministry on Thursday urged citizens to refrain from travelling to Russia. "
           "The ministry had already made a similar recommendation on March 25."),
    ("ru", "МИД Кыргызстана в четверг призвал граждан воздержаться от поездок в Россию. "
           "25 марта ведомство уже выступало с аналогичной рекомендацией."),
])
def test_a_similar_earlier_advisory_is_another_advisory(lang: str, text: str) -> None:
    advisories = _of(_events(text, lang, "2024-05-03"), "advisory")
    assert sorted(e["date"] for e in advisories) == ["2024-03-25", "2024-05-02"]


def test_an_advisory_retold_is_one_advisory() -> None:
    text = ("Kyrgyzstan's Foreign Ministry on Thursday urged citizens to refrain from travelling to Russia. "
            "The ministry also recommended that citizens check for entry restrictions in advance.")
    assert len(_of(_events(text, "en", "2024-05-03"), "advisory")) == 1


# --- a title-case headline names nobody ---------------------------------------------------------------


def test_a_title_case_headline_holds_no_names() -> None:
    text = ("Tashkent Urges Moscow to Investigate Beating of Uzbek Migrant in Samara\n"
            "Uzbekistan's Foreign Ministry on Monday urged Russia to investigate the beating of an Uzbek worker by police in Samara.")
    events = _events(text, "en")
    assert events
    assert all(not any("Investigate" in p or "Samara" in p for p in e["persons"]) for e in events)


def test_names_never_run_across_a_line_break() -> None:
    text = "Police detained Alisher Karimov in Kazan\nRelatives said he was beaten."
    for e in _events(text, "en"):
        assert all("\n" not in p for p in e["persons"])


# --- the accused speaking opens no case ---------------------------------------------------------------


def test_the_accused_as_speaker_opens_no_case() -> None:
    text = "По словам обвиняемого, полицейские пригрозили ему депортацией и предложили подписать контракт с Минобороны."
    assert "criminal_case" not in {e["subtype"] for e in _events(text, "ru")}


def test_a_case_against_the_accused_is_still_a_case() -> None:
    assert "criminal_case" in trigger_subtypes("Обвиняемый в краже мигрант задержан в Москве.", "ru")


# --- a pledge to expel is planned ---------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Interior Ministry promised to expel foreigners taking part in mass brawls."),
    ("ru", "В МВД пообещали выдворять из страны иностранцев, участвующих в массовых драках."),
])
def test_a_pledge_to_expel_is_planned(lang: str, text: str) -> None:
    deportation = _of(_events(text, lang), "deportation")
    assert deportation and deportation[0]["certainty"] == "planned"


def test_an_expulsion_done_is_reported() -> None:
    deportation = _of(_events("Из России выдворили 12 граждан Узбекистана.", "ru"), "deportation")
    assert deportation and deportation[0]["certainty"] == "reported"


# --- people taken off a register were neither expelled nor banned -------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "About 90,000 Tajik nationals have been removed from Russia's registry of controlled persons, "
           "a list of foreigners subject to deportation."),
    ("ru", "Около 90 тысяч граждан Таджикистана исключены из реестра контролируемых лиц."),
])
def test_removal_from_a_register_is_no_measure(lang: str, text: str) -> None:
    assert not {"deportation", "entry_ban"} & {e["subtype"] for e in _events(text, lang)}


def test_entry_onto_the_register_is_a_ban() -> None:
    assert _of(_events("В реестр контролируемых лиц внесли ещё 20 тысяч мигрантов.", "ru"), "entry_ban")


# --- what the media report is alleged ------------------------------------------------------------------


def test_media_reports_of_refusals_are_alleged() -> None:
    text = "Рекомендация появилась в связи с публикацией информации в СМИ о массовых отказах во въезде гражданам Кыргызстана."
    for e in _of(_events(text, "ru"), "entry_ban"):
        assert e["certainty"] == "alleged"


# --- where an act was published is no statement of its own --------------------------------------------


def test_the_corresponding_statement_is_the_act_told() -> None:
    text = "МИД Казахстана призвал граждан не ездить в Россию. Соответствующее заявление появилось на сайте министерства."
    assert [e["subtype"] for e in _events(text, "ru")] == ["advisory"]


def test_a_statement_of_its_own_is_still_coded() -> None:
    assert _of(_events("МИД Таджикистана выступил с заявлением в связи с гибелью мигранта.", "ru"), "statement")


# --- a state as the subject of an advice -------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Таджикистан призвал своих граждан воздержаться от поездок в Россию.",
    "Узбекистан рекомендовал своим гражданам не ездить в Россию без веских причин.",
    "Напомним, что несколько дней назад Таджикистан также предостерег своих граждан от поездок в Россию.",
])
def test_a_state_advising_its_citizens_is_an_advisory(text: str) -> None:
    advisory = _of(_events(text, "ru"), "advisory")
    assert advisory and advisory[0]["country"] in ("TJ", "UZ")


@pytest.mark.parametrize("text", [
    "Эксперты рекомендуют мигрантам из Узбекистана оформлять патент заранее.",
    "Мигрантам из Таджикистана рекомендуют оформлять патент заранее.",
])
def test_advice_by_no_state_is_no_advisory(text: str) -> None:
    assert not _of(_events(text, "ru"), "advisory")


# --- counts and words read as places ------------------------------------------------------------------


@pytest.mark.parametrize(("text", "count"), [
    ("По данным миграционной службы, 12 тыс. 262 гражданина Таджикистана депортированы из России.", 12262),
    ("По данным миграционной службы, 4 тыс. 977 граждан Таджикистана депортированы из России.", 4977),
    ("По данным миграционной службы, 12 тыс. граждан Таджикистана депортированы из России.", 12000),
])
def test_thousands_and_units_make_one_count(text: str, count: int) -> None:
    assert _of(_events(text, "ru"), "deportation")[0]["count"] == count


def test_a_demonstrative_is_no_chinese_town() -> None:
    deportation = _of(_events("Данная категория граждан Узбекистана была выдворена из России по решению суда.", "ru"), "deportation")
    assert deportation and deportation[0]["country"] == "RU"


# --- a state asking for an explanation protests ---------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Kyrgyzstan has asked Russia for an explanation after a Kyrgyz worker died in police custody in Omsk.",
    "The Uzbek foreign minister asked his Russian counterpart for clarification over the detentions in Kazan.",
])
def test_asking_another_state_for_an_explanation_is_a_protest(text: str) -> None:
    assert "protest" in trigger_subtypes(text, "en")


def test_a_worker_asking_his_employer_for_an_explanation_is_no_protest() -> None:
    assert "protest" not in trigger_subtypes("The Tajik worker asked his employer for an explanation of the unpaid wages.", "en")


# --- what "appeared in the media" is alleged ------------------------------------------------------------


def test_what_appeared_in_the_media_is_alleged() -> None:
    detention = _of(_events("В СМИ появилась информация о массовом задержании мигрантов в Хабаровске.", "ru"), "detention")
    assert detention and detention[0]["certainty"] == "alleged"


def test_a_detention_told_by_the_police_is_reported() -> None:
    detention = _of(_events("В Хабаровске полиция задержала 40 мигрантов, сообщили в УМВД.", "ru"), "detention")
    assert detention and detention[0]["certainty"] == "reported"


# --- an administrative case is no criminal one -----------------------------------------------------------


def test_an_administrative_case_is_no_criminal_case() -> None:
    assert "criminal_case" not in trigger_subtypes("В отношении семи мигрантов возбуждено административное дело.", "ru")


def test_a_criminal_case_beside_an_administrative_one_is_found() -> None:
    text = "На троих мигрантов составили административные дела, а против их бригадира возбудили уголовное дело."
    assert "criminal_case" in trigger_subtypes(text, "ru")


# --- a decree told in the passive, a regulation approved ---------------------------------------------------


def test_a_regulation_approved_and_its_decree_signed_are_one_law() -> None:
    text = ("Правительство Кыргызстана утвердило новый порядок возвращения граждан из центров депортации. "
            "Соответствующее постановление подписано 12 марта 2025 года, сообщила пресс-служба кабмина.")
    laws = _of(_events(text, "ru", "2025-03-15"), "law")
    assert [(e["country"], e["date"]) for e in laws] == [("KG", "2025-03-12")]


def test_a_rule_criticised_is_no_law() -> None:
    assert not _of(_events("Эксперты критикуют правило, утверждённое ещё в 2019 году.", "ru"), "law")


# --- "its citizens" are the nationals of the state that speaks -----------------------------------------


@pytest.mark.parametrize(("lang", "text", "group"), [
    ("en", "Uzbekistan summoned Russia's ambassador on Monday, saying about 300 of its citizens were held at Domodedovo airport.", ["UZ"]),
    ("ru", "МИД Таджикистана сообщил, что около 200 его граждан задержаны в аэропорту Внуково.", ["TJ"]),
])
def test_its_citizens_held_abroad_are_the_speaking_states(lang: str, text: str, group: list[str]) -> None:
    detention = _of(_events(text, lang), "detention")
    assert detention and detention[0]["country"] == "RU" and detention[0]["group"] == group


def test_a_state_protesting_over_its_citizens_concerns_its_own() -> None:
    text = "Uzbekistan summoned Russia's ambassador on Monday over the treatment of its citizens."
    protest = _of(_events(text, "en"), "protest")
    assert protest and protest[0]["group"] == ["UZ"]


# --- the source of a figure is no person of the act -----------------------------------------------------


def test_the_official_a_figure_comes_from_is_no_person_of_the_act() -> None:
    text = "По данным Бахтиёра Турсунова, 3 тыс. граждан Узбекистана депортированы из России в 2024 году."
    deportation = _of(_events(text, "ru", "2025-01-23"), "deportation")
    assert deportation and deportation[0]["persons"] == []
