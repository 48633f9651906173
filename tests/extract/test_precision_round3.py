"""False positives by class, in both languages: the same act told twice (a topic, a reference
back, the day it was told), nouns that name a place or a trend rather than an act, a subtype
another one in the sentence contains, and rules, checks and motions that report no act
(codebook §1: one act is one event; no opinions, generic statements, advice or hypotheticals).

Every sentence is invented, in the shapes real outlets use; each class has near misses that
must stay non-events (or merge) and hits that must still be found."""

import pytest
from dwtest import events as _events, trigger_subtypes





def _subtypes(events: list[dict]) -> list[str]:
    return sorted(e["subtype"] for e in events)


# --- a topic act placed where the speaking act is -------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "ASHGABAT, May 7 (Agency) - Turkmenistan's Foreign Ministry handed a note to the Russian ambassador in "
           "Ashgabat on Tuesday over the death of a Turkmen citizen in police custody in the Russian city of Omsk.\n"
           "Serdar Atayev, 33, was detained at a market in Omsk on April 30. He died in a police cell there on May 2."),
    ("ru", "Ташкент, 7 мая. МИД Узбекистана во вторник вручил ноту послу России в Ташкенте в связи с гибелью "
           "гражданина Узбекистана в отделе полиции в Новосибирске.\n"
           "Как сообщили в ведомстве, 30 апреля мужчину задержали на рынке в Новосибирске. Он скончался в отделе "
           "полиции 2 мая."),
])
def test_precision_a_death_a_note_is_about_is_the_death_told_later(lang: str, text: str) -> None:
    deaths = [e for e in _events(text, lang, "2025-05-07") if e["subtype"] == "death_in_custody"]
    assert [(e["country"], e["date"]) for e in deaths] == [("RU", "2025-05-02")]


def test_precision_a_topic_that_names_nobody_is_the_act_the_text_tells() -> None:
    text = ("Бишкек, 5 июня. Кабинет министров во вторник поручил МИД составить список граждан страны, находящихся "
            "в российских центрах временного содержания иностранных граждан.\n"
            "По данным Минтруда, сейчас в таких центрах в Москве содержатся около 300 граждан Кыргызстана.")
    detentions = [e for e in _events(text, "ru", "2024-06-05") if e["subtype"] == "detention"]
    assert [(e["country"], e["count"]) for e in detentions] == [("RU", 300)]


# --- the day an act was told is no day of its own -------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Екатеринбург, 14 марта. Во вторник полиция задержала на рынке в Екатеринбурге 20 граждан Киргизии.\n"
           "Генеральное консульство Киргизии в пятницу заявило, что поддерживает связь с задержанными."),
    ("ru", "Москва, 14 марта. Задержание руководителя таджикской диаспоры в Екатеринбурге связано только с "
           "уголовным делом. Об этом в четверг заявили в МИД России.\n"
           "Его задержали сотрудники ФСБ во вторник, 11 марта."),
    ("en", "Police detained 20 Kyrgyz citizens at a market in Yekaterinburg on Tuesday.\n"
           "On Friday, the Kyrgyz consulate said the arrests were linked to forged work permits."),
])
def test_precision_an_act_retold_on_the_day_it_was_told_is_one_act(lang: str, text: str) -> None:
    detentions = [e for e in _events(text, lang, "2025-03-14") if e["subtype"] == "detention"]
    assert [e["date"] for e in detentions] == ["2025-03-11"]


def test_precision_a_period_after_noted_that_is_the_acts_own() -> None:
    """Near miss: "Надо отметить, что за весь прошлый год ... высланы" is a statistic of its own."""
    text = ("ФССП ранее сообщила, что за полгода из России выдворено 30 тыс. иностранцев. Надо отметить, что за весь "
            "прошлый год из России были высланы 44 тыс. мигрантов.")
    deportations = [e for e in _events(text, "ru", "2024-07-20") if e["subtype"] == "deportation"]
    assert len(deportations) == 2


# --- references back: the arrest, after his arrest, the people an act hit ------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Baku, 18 September. Police detained Elchin Aliyev, the head of an Azerbaijani community group, in "
           "Samara on Monday.\nOn Wednesday Azerbaijan's Foreign Ministry summoned the Russian ambassador and "
           "handed him a note.\nIn the note, Baku described the arrest as an act of pressure on the diaspora."),
    ("ru", "Баку, 22 сентября. Эльчина Алиева задержали в Самаре 15 сентября.\nВ пятницу посольство Азербайджана "
           "направило в МИД России ноту.\nКак писал наш сайт, после задержания Алиева Баку вызвал российского посла."),
    ("ru", "Казань, 13 марта. Во вторник полиция задержала 37 граждан Узбекистана в общежитии в Казани.\n"
           "На этой неделе консульство открыло горячую линию для родственников задержанных."),
    ("en", "Kazan, 13 March. Police detained 37 Uzbek citizens at a hostel in Kazan on Tuesday.\n"
           "This week the consulate opened a hotline for relatives of the detainees."),
])
def test_precision_a_reference_back_adds_no_detention(lang: str, text: str) -> None:
    assert len([e for e in _events(text, lang, "2025-09-22") if e["subtype"] == "detention"]) == 1


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "После задержания в Москве 40 мигрантов отправили в спецприёмник."),
    ("en", "Following his arrest, the embassy asked for consular access."),
])
def test_precision_an_act_that_dates_another_is_still_the_first_telling(lang: str, text: str) -> None:
    """Hit: a reference back with nothing told before it is the act's own telling."""
    assert "detention" in _subtypes(_events(text, lang, "2025-09-22"))


# --- nouns that name a place or a trend ----------------------------------------------------------


def test_precision_a_detention_facility_is_a_place() -> None:
    assert "detention" not in trigger_subtypes("He died in a temporary detention facility in Omsk two days later.", "en")
    assert "deportation" not in trigger_subtypes("Conditions in the deportation centre near Moscow are harsh.", "en")
    # hits: a verb still tells the act, and a deportation flight carries people deported
    assert "detention" in trigger_subtypes("The men were taken to a detention centre for foreigners.", "en")
    assert "deportation" in trigger_subtypes("A deportation flight carrying 120 Tajik citizens left Moscow on Sunday.", "en")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Rights groups say deaths of migrants in police custody are rarely investigated."),
    ("en", "Such detentions are seldom reported by the local press."),
    ("ru", "Правозащитники говорят, что смерти мигрантов в отделах полиции редко расследуются."),
])
def test_precision_what_rarely_happens_is_no_act(lang: str, text: str) -> None:
    assert trigger_subtypes(text, lang) == set()


@pytest.mark.parametrize(("lang", "text", "kept"), [
    ("ru", "МИД Таджикистана в понедельник выразил обеспокоенность ростом числа выдворений граждан республики из России.",
     ["statement"]),
    ("en", "On Monday Kyrgyzstan's Foreign Ministry voiced concern over a rise in deportations of its citizens from Russia.",
     ["statement"]),
    ("en", "Migrants from Central Asia are increasingly being refused entry, the embassy said.", []),
    ("ru", "Правозащитники отмечают рост числа задержаний мигрантов в метро.", []),
])
def test_precision_a_trend_with_no_time_of_its_own_is_no_act(lang: str, text: str, kept: list[str]) -> None:
    assert _subtypes(_events(text, lang, "2023-11-14")) == kept


def test_precision_a_statistic_with_its_period_stays() -> None:
    text = "Рост выдворений продолжился: с января по сентябрь из России были выдворены более 9 тысяч граждан Таджикистана."
    assert "deportation" in _subtypes(_events(text, "ru", "2023-11-14"))


# --- one figure over a list of places -------------------------------------------------------------


def test_precision_a_head_count_over_several_regions_is_one_event() -> None:
    text = "Сейчас в центрах в Москве, Подмосковье и Санкт-Петербурге содержатся около 400 граждан Кыргызстана."
    detentions = [e for e in _events(text, "ru", "2024-06-05") if e["subtype"] == "detention"]
    assert [(e["count"], e["count_qualifier"]) for e in detentions] == [(400, "about")]


# --- a subtype another act of the sentence contains -----------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "В отделе задержанным предлагали подписать контракт с Минобороны, угрожая в противном случае выдворением."),
    ("en", "At the station, officers offered the men contracts with the Defence Ministry and threatened them with deportation."),
    ("en", "The migrants were told to sign a contract with the army or be deported."),
])
def test_precision_a_contract_offered_under_threat_is_coercion(lang: str, text: str) -> None:
    found = trigger_subtypes(text, lang)
    assert "coercion" in found
    assert "contract_recruitment" not in found


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Вербовщики предлагали мигрантам контракты с Минобороны на один год."),
    ("en", "Recruiters at the migration centre offered foreigners one-year contracts with the Defence Ministry."),
])
def test_precision_a_plain_offer_stays_recruitment(lang: str, text: str) -> None:
    assert "contract_recruitment" in trigger_subtypes(text, lang)


def test_precision_a_sentence_served_when_recruited_is_no_prosecution() -> None:
    assert "prosecution_for_service" not in trigger_subtypes(
        "The court said he had been recruited while serving a sentence for fraud in a Russian penal colony.", "en")
    assert "prosecution_for_service" in trigger_subtypes(
        "A court in Osh sentenced a Kyrgyz man to five years for fighting for Russia in Ukraine.", "en")


# --- checks, motions and the bodies that act ------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Проверить наличие запрета на въезд можно на сайте МВД России."),
    ("ru", "Посольство советует до покупки билетов проверять отсутствие запрета на въезд."),
])
def test_precision_a_check_for_a_ban_is_no_ban(lang: str, text: str) -> None:
    assert "entry_ban" not in trigger_subtypes(text, lang)


def test_precision_a_ban_imposed_is_still_a_ban() -> None:
    assert "entry_ban" in trigger_subtypes("Ему запретили въезд в Россию на пять лет.", "ru")


@pytest.mark.parametrize(("lang", "text", "found"), [
    ("en", "The court rejected the defence's request for a suspended sentence.", False),
    ("en", "The judge dismissed a motion to release him on bail.", False),
    ("ru", "Суд отклонил ходатайство защиты о переносе заседания.", False),
    ("en", "The Supreme Court upheld the ban on the Azerbaijani community organisation.", True),
    ("ru", "Верховный суд отклонил жалобу и оставил в силе решение о ликвидации автономии.", True),
])
def test_precision_a_ruling_on_a_motion_is_no_court_ruling(lang: str, text: str, found: bool) -> None:
    assert ("court_ruling" in trigger_subtypes(text, lang)) is found


@pytest.mark.parametrize(("lang", "text", "state"), [
    ("ru", "Баку, 4 февраля. Группа депутатов Милли Меджлиса в понедельник внесла законопроект, обязывающий граждан "
           "России получать разрешение на работу.", "AZ"),
    ("en", "BISHKEK, Feb 4 - Members of the Jogorku Kenesh on Monday submitted a bill requiring Russian citizens to "
           "obtain work permits.", "KG"),
])
def test_precision_a_bill_is_the_act_of_the_parliament_named(lang: str, text: str, state: str) -> None:
    proposals = [e for e in _events(text, lang, "2025-02-04") if e["subtype"] == "proposal"]
    assert [e["country"] for e in proposals] == [state]


# --- rules, avoided acts, demands and routines ----------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The law provides for deportation of foreigners convicted of serious crimes."),
    ("ru", "Закон предусматривает выдворение иностранцев, осуждённых за тяжкие преступления."),
    ("en", "Lawyers say migrants carry their patents at all times to avoid detention."),
    ("ru", "Мигранты носят с собой патент, чтобы избежать задержания."),
    ("en", "Deportations of Central Asians have become routine in Moscow."),
    ("ru", "Выдворения мигрантов стали обычным делом в Москве."),
])
def test_precision_a_rule_an_avoided_act_or_a_routine_is_no_act(lang: str, text: str) -> None:
    assert trigger_subtypes(text, lang) == set()


def test_precision_a_law_providing_for_an_act_is_the_law_alone() -> None:
    assert trigger_subtypes("Putin signed a law providing for the deportation of migrants who break the rules.", "en") == {"law"}
    # near miss of the cue: stopping a vehicle is no demand to stop anything
    assert "detention" in trigger_subtypes("Полиция остановила микроавтобус на трассе и задержала 14 мигрантов.", "ru")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Protesters in Moscow demanded an end to raids on migrant hostels."),
    ("ru", "Участники акции в Москве потребовали прекратить рейды в общежитиях мигрантов."),
])
def test_precision_acts_people_demand_an_end_to_are_a_practice(lang: str, text: str) -> None:
    assert "raid" not in _subtypes(_events(text, lang, "2025-04-10"))


def test_precision_an_act_retold_as_reported_earlier_is_background() -> None:
    text = ("A court in Kazan on Tuesday ordered 12 Uzbek citizens expelled from Russia.\n"
            "As reported earlier, police detained dozens of migrants at a city market in March.")
    assert _subtypes(_events(text, "en", "2025-04-10")) == ["deportation", "detention"]
    undated = ("A court in Kazan on Tuesday ordered 12 Uzbek citizens expelled from Russia.\n"
               "As reported earlier, police detained dozens of migrants at a city market.")
    assert _subtypes(_events(undated, "en", "2025-04-10")) == ["deportation"]
    retold = ("Районный суд Казани во вторник постановил выдворить 12 граждан Узбекистана.\n"
              "Как сообщалось ранее, полиция задержала десятки мигрантов на городском рынке.")
    assert _subtypes(_events(retold, "ru", "2025-04-10")) == ["deportation"]


@pytest.mark.parametrize(("lang", "text", "kept"), [
    ("en", "A Moscow court on Monday extended the pre-trial detention of an Uzbek blogger until March.", []),
    ("en", "The blogger remains in detention in Moscow.", []),
    ("en", "The number of migrants detained in Moscow rose by 30 percent this year, according to the city police.", []),
    ("ru", "Число задержанных в Москве мигрантов выросло на 30 процентов.", []),
    ("en", "Police detained an Uzbek blogger in Moscow on Monday.", ["detention"]),
])
def test_precision_custody_that_goes_on_and_trends_of_custody_are_no_detention(lang: str, text: str, kept: list[str]) -> None:
    assert _subtypes(_events(text, lang, "2026-11-19")) == kept
