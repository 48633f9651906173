"""Where an event happened, and which state acted (codebook ``country``: where it happened; for
policy and diplomatic acts, the acting state). Invented text, in the shapes real outlets use:
a capital standing for its state ("Baku summoned the Russian ambassador"), the envoy summoned,
recruitment in a Russian prison reported from home, deportation flights and their destinations,
a home ministry speaking of acts in Russia, a mission's state and seat, parliaments by name,
datelines written in title case."""

import pytest
from dwtest import events



def _events(lang: str, text: str, published: str = "2025-09-22") -> list[dict]:
    return events(text, lang, published)


def _where(lang: str, text: str, subtype: str, published: str = "2025-09-22") -> list[tuple]:
    """(country, admin1, place) of every event of ``subtype``."""
    return [(e["country"], e["admin1"], e["place"]) for e in _events(lang, text, published) if e["subtype"] == subtype]


def _countries(lang: str, text: str, subtype: str, published: str = "2025-09-22") -> set[str]:
    return {c for c, _, _ in _where(lang, text, subtype, published)}


# --- a capital standing for its state ----------------------------------------------------------

CAPITAL_ACTS = [
    ("ru", "protest", "AZ", "После задержания активиста Баку вызвал российского посла и вручил ему ноту протеста."),
    ("ru", "cancellation", "AZ", "После задержания активиста Баку вызвал российского посла и отменил Дни российской культуры."),
    ("ru", "protest", "KZ", "В пятницу Астана направила российской стороне ноту протеста в связи с гибелью гражданина."),
    ("ru", "protest", "UZ", "Официальный Ташкент выразил протест в связи с задержанием своих граждан в Казани."),
    ("en", "protest", "AZ", "Baku summoned the Russian ambassador on Wednesday and handed him a note of protest."),
    ("en", "protest", "UZ", "Tashkent has summoned Russia's charge d'affaires and lodged a formal protest."),
    ("en", "cancellation", "AZ", "Baku on Thursday cancelled the Days of Russian Culture that were due to open next month."),
]


@pytest.mark.parametrize("lang,subtype,state,text", CAPITAL_ACTS)
def test_a_capital_that_acts_is_the_acting_state(lang, subtype, state, text):
    assert _countries(lang, text, subtype) == {state}


def test_a_capital_that_acts_is_no_place_of_the_arrest_it_answers():
    text = "После задержания Мамедли в Самаре Баку вызвал российского посла."
    assert _countries("ru", text, "protest") == {"AZ"}
    assert ("RU", "RU-SAM", "Samara") in _where("ru", text, "detention")
    assert all(c == "RU" for c in _countries("ru", text, "detention"))


def test_a_capital_addressed_is_no_place_of_the_deaths():
    text = ("Azerbaijan's Foreign Ministry on Wednesday urged Moscow to investigate the deaths of two "
            "Azerbaijanis during police raids in Yekaterinburg.")
    assert _where("en", text, "death_in_custody") == [("RU", "RU-SVE", "Yekaterinburg")]


@pytest.mark.parametrize("lang,subtype,where,text", [
    ("en", "death_in_custody", ("RU", "RU-TA", "Kazan"),
     "Tajikistan has protested to Moscow over the death of a Tajik migrant in custody in Kazan."),
    ("en", "death_in_custody", ("RU", "RU-TA", "Kazan"),
     "Dushanbe has demanded an explanation from Moscow over the deaths of two Tajik migrants in police custody in Kazan."),
    ("ru", "detention", ("RU", "RU-NVS", "Novosibirsk"),
     "Бишкек выразил протест Москве в связи с задержанием 20 граждан Кыргызстана в Новосибирске."),
    # sent to Moscow and held there: a place, not a state addressed
    ("en", "detention", ("RU", "RU-MOW", "Moscow"), "The two men were sent to Moscow and detained there on Monday."),
])
def test_a_capital_a_state_addresses_is_no_place(lang, subtype, where, text):
    assert _where(lang, text, subtype, "2026-02-06") == [where]


def test_a_capital_addressed_in_russian_is_no_place_either():
    text = "Баку потребовал от Москвы расследовать гибель двух азербайджанцев при задержании."
    assert _countries("ru", text, "death_in_custody") == {"RU"}


@pytest.mark.parametrize("lang,text", [
    ("en", "Moscow has deported more than 300 Tajik citizens since January, the Tajik Foreign Ministry said on Monday."),
    ("ru", "С начала года Москва депортировала более 300 граждан Таджикистана, заявили в МИД республики."),
])
def test_a_capital_that_deports_is_the_state_not_the_city(lang, text):
    assert _where(lang, text, "deportation") == [("RU", None, None)]


NOT_ACTING = [
    # set off by commas, the capital is where a court sits
    ("en", "prosecution_for_service", ("KG", "KG-GB", "Bishkek"),
     "A court in the Kyrgyz capital, Bishkek, said it found a 30-year-old man guilty of mercenarism and "
     "sentenced him to eight years in prison on Tuesday."),
    # a capital acting in a later clause does not make the warning its own
    ("en", "advisory", ("KG", None, None),
     "Kyrgyzstan's Foreign Ministry on Thursday warned citizens working in Russia not to join the Russian army, "
     "a day after Moscow announced a partial mobilization."),
]


@pytest.mark.parametrize("lang,subtype,where,text", NOT_ACTING)
def test_a_capital_that_is_a_place_or_acts_elsewhere(lang, subtype, where, text):
    assert where in _where(lang, text, subtype)


# --- the envoy summoned is the object -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Azerbaijan's Foreign Ministry summoned Russia's ambassador on Wednesday and handed him a note of protest.",
    "Russia's ambassador was summoned to the Azerbaijani Foreign Ministry on Wednesday and handed a note of protest.",
])
def test_the_summoned_envoy_does_not_protest(text):
    events = [e for e in _events("en", text) if e["subtype"] == "protest"]
    assert [e["country"] for e in events] == ["AZ"]
    assert "RU:EMBASSY" not in events[0]["actors"]


# --- recruitment in Russia, reported from home ----------------------------------------------------

def test_recruitment_in_a_russian_prison_happens_in_russia():
    text = ("TASHKENT, 3 June (Agency). The Tashkent city court on Wednesday sentenced a 38-year-old resident of "
            "Namangan to six years in prison for fighting for Russian forces in Ukraine. The court said he had "
            "been recruited in 2023 while serving a sentence in a Russian prison.")
    assert _countries("en", text, "contract_recruitment", "2025-06-04") == {"RU"}
    assert ("UZ", "UZ-TK", "Tashkent") in _where("en", text, "prosecution_for_service", "2025-06-04")


def test_migrants_held_in_russian_detention_centres_are_recruited_in_russia():
    text = ("The agency said on Wednesday it had recorded dozens of cases this year in which Uzbek migrants held "
            "in Russian detention centres were offered military contracts in exchange for release.")
    assert _countries("en", text, "contract_recruitment", "2025-06-04") == {"RU"}


def test_a_contract_with_the_russian_ministry_after_a_trial_at_home():
    text = ("A Tashkent district court on Tuesday sentenced an Uzbek citizen to five years in prison for taking part "
            "in the war in Ukraine. He had signed a contract with the Russian Defence Ministry in 2023.")
    assert _countries("en", text, "contract_recruitment", "2025-06-04") == {"RU"}


@pytest.mark.parametrize("lang,text", [
    ("en", "TASHKENT, 3 June (Agency). The Tashkent city court on Wednesday sentenced a 38-year-old man to six years "
           "in prison for fighting in Ukraine. According to the court, he was recruited into the Russian army in 2023."),
    ("ru", "Ташкент, 3 июня. Ташкентский городской суд в среду приговорил 38-летнего мужчину к шести годам за участие "
           "в боевых действиях на Украине. По данным суда, в 2023 году его завербовали в российскую армию."),
])
def test_recruitment_into_the_russian_army_told_at_a_trial_at_home(lang, text):
    assert _countries(lang, text, "contract_recruitment", "2025-06-04") == {"RU"}
    assert _countries(lang, text, "prosecution_for_service", "2025-06-04") == {"UZ"}


@pytest.mark.parametrize("lang,where,text", [
    ("ru", ("KZ", "KZ-79", "Shymkent"),
     "Сотрудники КНБ задержали в Шымкенте вербовщика, который вербовал местных жителей в российскую армию."),
    ("en", ("KZ", None, None),
     "Investigators said the man had recruited at least 15 people in Kazakhstan for the Russian army since January."),
])
def test_a_recruiter_at_home_recruits_at_home(lang, where, text):
    assert where in _where(lang, text, "contract_recruitment", "2024-09-10")


def test_a_home_agency_outweighs_a_prison_named_in_passing():
    text = "Officers of the Kyrgyz GKNB on Monday detained a man who had earlier served a sentence in a Russian prison."
    assert _countries("en", text, "detention", "2026-02-06") == {"KG"}


def test_detention_centres_named_by_their_state_place_the_holding():
    text = "Uzbekistan's migration agency said 40 Uzbek citizens were being held in Russian detention centres."
    assert _countries("en", text, "detention", "2026-02-06") == {"RU"}


def test_recruited_in_a_russian_colony_in_russian():
    text = "По данным следствия, мужчину завербовали в российской исправительной колонии в 2023 году."
    assert _countries("ru", text, "contract_recruitment") == {"RU"}


# --- deportations: where they start, not where people were sent -----------------------------------

DEPORTATIONS = [
    ("ru", ("RU", "RU-NVS", "Novosibirsk"),
     "В воскресенье из Новосибирска в Душанбе был отправлен специальный рейс с 180 выдворенными гражданами Таджикистана."),
    ("ru", ("RU", "RU-SVE", "Yekaterinburg"),
     "Во вторник из Екатеринбурга в Ташкент были выдворены 35 граждан Узбекистана."),
    ("en", ("RU", None, None),
     "On Sunday, 150 Tajik citizens deported from Russia arrived in Dushanbe on a charter flight."),
    ("en", ("RU", "RU-MOS", None),
     "Forty Kyrgyz migrants were deported from the Moscow region to Bishkek on Monday."),
]


@pytest.mark.parametrize("lang,where,text", DEPORTATIONS)
def test_a_deportation_happens_where_it_starts(lang, where, text):
    assert _where(lang, text, "deportation") == [where]


def test_where_the_deported_landed_is_no_place_of_their_deportation():
    text = "On arrival in Bishkek, the men deported from Russia were detained by officers of the GKNB."
    assert _countries("en", text, "deportation") == {"RU"}
    assert _where("en", text, "detention") == [("KG", "KG-GB", "Bishkek")]


def test_where_the_deported_arrived_in_russian():
    text = "В воскресенье в Душанбе прибыли 120 граждан Таджикистана, выдворенных из Екатеринбурга."
    assert _where("ru", text, "deportation") == [("RU", "RU-SVE", "Yekaterinburg")]


def test_a_deportation_in_a_town_stays_there():
    text = "В понедельник в Москве были выдворены 20 граждан Таджикистана, нарушивших сроки пребывания."
    assert _where("ru", text, "deportation") == [("RU", "RU-MOW", "Moscow")]


# --- a home ministry speaking of acts in Russia ---------------------------------------------------

def test_a_ministry_statement_is_its_state_and_the_expulsions_are_in_russia():
    text = ("Душанбе, 14 ноября. МИД Таджикистана в понедельник выразил обеспокоенность ростом числа выдворений "
            "граждан республики из России.")
    events = _events("ru", text, "2023-11-14")
    assert {e["country"] for e in events if e["subtype"] == "statement"} == {"TJ"}
    assert {e["country"] for e in events if e["subtype"] == "deportation"} <= {"RU"}


def test_an_envoy_seat_is_no_place_of_a_death_elsewhere():
    text = ("DUSHANBE, November 6 (Agency) - Tajikistan's Foreign Ministry handed a note of protest to the Russian "
            "ambassador in Dushanbe on Tuesday over the death of a Tajik citizen in police custody in Krasnoyarsk.")
    assert _countries("en", text, "protest", "2024-11-06") == {"TJ"}
    assert [w[:2] for w in _where("en", text, "death_in_custody", "2024-11-06")] == [("RU", "RU-KYA")]


def test_an_embassy_seat_alone_still_places_the_detentions():
    text = "The Tajik Embassy in Moscow said on Monday that police had detained 12 Tajik citizens."
    assert _countries("en", text, "detention") == {"RU"}


def test_deaths_in_russian_custody_are_in_russia():
    text = ("DUSHANBE, November 6 (Agency) - Tajik citizen Firdavs Rahimov died in Russian custody last week, "
            "the Tajik Foreign Ministry said.")
    assert _countries("en", text, "death_in_custody", "2024-11-06") == {"RU"}


# --- the home of a source is no place -------------------------------------------------------------

def test_the_town_of_an_outlet_is_no_place_of_the_detentions():
    text = "Во вторник полицейские задержали 20 мигрантов из Узбекистана, сообщило ташкентское издание Kun.uz."
    assert _where("ru", text, "detention") == [("RU", None, None)]


def test_a_town_adjective_before_police_still_places_them():
    text = "Во вторник московские полицейские задержали 20 мигрантов из Узбекистана."
    assert _where("ru", text, "detention") == [("RU", "RU-MOW", "Moscow")]


# --- parliaments by name -------------------------------------------------------------------------

@pytest.mark.parametrize("lang,subtype,state,text", [
    ("ru", "proposal", "AZ", "Группа депутатов Милли Меджлиса в понедельник внесла законопроект, обязывающий граждан "
                             "России получать разрешение на работу."),
    ("en", "proposal", "AZ", "A group of Milli Majlis deputies on Monday submitted a bill requiring Russian citizens "
                             "to obtain work permits."),
    ("ru", "law", "KG", "Жогорку Кенеш во вторник принял закон, ужесточающий наказание за наёмничество для граждан, "
                        "воюющих в России."),
])
def test_a_parliament_named_acts_for_its_state(lang, subtype, state, text):
    assert _countries(lang, text, subtype) == {state}


# --- a dateline in title case ---------------------------------------------------------------------

def test_a_title_case_dateline_is_no_place_of_an_arrest_elsewhere():
    text = ("Baku, 18 September. Azerbaijan's Foreign Ministry summoned Russia's ambassador on Wednesday over the "
            "arrest of an Azerbaijani community leader in Samara.\n"
            "He was detained by officers of the Federal Security Service at his home in Samara on Monday.\n"
            "In the note, the Azerbaijani side described the arrest as an act of pressure on the diaspora.")
    events = _events("en", text, "2025-09-18")
    assert {e["country"] for e in events if e["subtype"] == "detention"} == {"RU"}


def test_a_regional_dateline_still_sets_the_region():
    text = ("Самара, 3 марта. Управление по вопросам миграции ГУ МВД по Самарской области аннулировало 30 патентов "
            "на работу. Кроме того, 12 иностранцам закрыт въезд в Россию сроком до пяти лет.")
    assert _where("ru", text, "entry_ban", "2025-03-03") == [("RU", "RU-SAM", None)]


# --- a bulletin's items headed by their place ------------------------------------------------------

BULLETIN = {
    "en": ("Monitoring digest, March 2025.\n"
           "1. Kazan. On 4 March, police detained 25 Uzbek citizens at a construction site on the edge of the city.\n"
           "2. Novosibirsk Oblast. On 6 March, a district court ordered the expulsion of 7 citizens of Tajikistan.\n"),
    "ru": ("Обзор за март 2025 года.\n"
           "Казань. 4 марта полицейские задержали 25 граждан Узбекистана на стройке на окраине города.\n"
           "Новосибирская область. 6 марта районный суд постановил выдворить 7 граждан Таджикистана.\n"),
}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_each_item_of_a_bulletin_happens_where_its_heading_says(lang):
    events = _events(lang, BULLETIN[lang], "2025-03")
    assert {(e["subtype"], e["admin1"]) for e in events if e["subtype"] in ("detention", "deportation")} == {
        ("detention", "RU-TA"), ("deportation", "RU-NVS")}


def test_a_dateline_is_no_heading():
    text = "Казань, 4 марта. Полицейские задержали 25 граждан Узбекистана, сообщили в МВД."
    assert _where("ru", text, "detention", "2025-03-04") == [("RU", None, None)]


def test_a_list_of_home_countries_is_no_place():
    text = ("On 8 November, police checked the documents of 300 worshippers, most of them migrants from Uzbekistan "
            "and Tajikistan, at a mosque in Kazan.")
    assert _where("en", text, "raid", "2024-11-20") == [("RU", "RU-TA", "Kazan")]


# --- the town a regional report keeps naming ------------------------------------------------------

def test_an_act_that_names_no_town_happens_in_the_town_of_the_report():
    text = ("Красноярск, 1 ноября. В изоляторе временного содержания в Красноярске умер гражданин Таджикистана.\n"
            "По данным ведомства, мужчину задержали 28 октября на одной из строек города по подозрению в краже.")
    assert ("RU", "RU-KYA", "Krasnoyarsk") in _where("ru", text, "detention", "2024-11-01")


def test_two_towns_of_the_region_give_no_town():
    text = ("Police in Yekaterinburg detained 12 Uzbek citizens on Monday. A day earlier, police in Nizhny Tagil "
            "detained 8 Tajik citizens.\nAll of them were later deported.")
    assert _where("en", text, "deportation", "2025-03-05") == [("RU", "RU-SVE", None)]


@pytest.mark.parametrize("lang,text", [
    ("en", "Asanov was detained by the GKNB at Manas International Airport in May."),
    ("ru", "В мае он вернулся на родину и был задержан сотрудниками ГКНБ в аэропорту «Манас»."),
])
def test_manas_airport_is_in_chuy(lang, text):
    assert _where(lang, text, "detention", "2023-08-24") == [("KG", "KG-C", "Manas International Airport")]
