"""One act, one event: documents that tell one act in several sentences, and documents that tell
several acts of one kind (codebook §1, §5: the same act repeated is coded once with all its
sentences as evidence; several people hit by one measure at one time and place are one event
with a count; measures at other times or places, and official statistics, are events of their own).

Every document is invented, in the shapes police press releases, wire copy and Russian regional
news use: a lead that tells the act, "the detainees were taken to ...", "among those detained",
a quote repeating it, "всего в ходе рейда задержаны", a closing line, a numbered bulletin, a law
told and then its entry into force; with near misses that must stay separate events."""

import pytest
from dwtest import events as _events





def _subtypes(events: list[dict]) -> list[str]:
    return sorted(e["subtype"] for e in events)


def _of(events: list[dict], subtype: str) -> list[dict]:
    return [e for e in events if e["subtype"] == subtype]


# --- a raid in which people were detained: one raid, one detention, however often retold -----------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Police detained 45 migrants during a raid on a construction site in Yekaterinburg on Wednesday. "
           "The detainees were taken to a police station for identification. Among those detained were citizens of "
           "Uzbekistan and Tajikistan. They face fines and deportation, a police spokesman said."),
    ("ru", "В Екатеринбурге в среду полицейские провели рейд на стройке и задержали 45 мигрантов. Задержанных "
           "доставили в отдел полиции. В отношении задержанных составлены административные протоколы. Всего в ходе "
           "рейда задержаны 45 человек, уточнили в пресс-службе ГУ МВД."),
    ("ru", "В Подмосковье задержаны 45 мигрантов\n\nРейд прошёл в среду на овощной базе в Люберцах. Всего в ходе "
           "рейда задержаны 45 человек. Задержанных доставили в отдел полиции. Им грозит выдворение."),
])
def test_merge_a_raid_retold_is_one_raid_and_one_detention(lang: str, text: str) -> None:
    events = _events(text, lang, "2025-03-14")
    assert _subtypes(events) == ["detention", "raid"]
    detention = _of(events, "detention")[0]
    assert (detention["count"], detention["date"]) == (45, "2025-03-12")
    assert len(detention["evidence"]) >= 2


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Kazan, 13 March. Police raided a hostel in Kazan on Tuesday and detained 30 Uzbek citizens. \"We detained "
           "thirty people who had no documents,\" a police spokesman said. The raid was the third this month."),
    ("ru", "Казань, 13 марта. Во вторник полицейские провели рейд в общежитии в Казани и задержали 30 граждан "
           "Узбекистана. «Мы задержали тридцать человек без документов», — рассказал представитель полиции. Рейд "
           "стал третьим за месяц."),
])
def test_merge_a_quote_and_a_closing_line_repeat_the_act(lang: str, text: str) -> None:
    events = _events(text, lang, "2025-03-13")
    assert _subtypes(events) == ["detention", "raid"]
    assert [(e["count"], e["date"]) for e in _of(events, "detention")] == [(30, "2025-03-11")]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Police in Moscow detained 14 migrants at a market on Monday. \"All fourteen were detained for violating "
           "migration rules,\" police spokeswoman Irina Volk said. The detained men are citizens of Tajikistan."),
    ("ru", "В понедельник полиция задержала на рынке в Москве 14 мигрантов. «Все четырнадцать задержаны за нарушение "
           "миграционного законодательства», — сообщила официальный представитель МВД Ирина Волк. Задержанные — "
           "граждане Таджикистана."),
])
def test_merge_the_detained_named_again_are_the_same_detention(lang: str, text: str) -> None:
    detentions = _of(_events(text, lang, "2025-06-10"), "detention")
    assert [(e["count"], e["group"]) for e in detentions] == [(14, ["TJ"])]
    assert len(detentions[0]["evidence"]) == 3


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Police in Novosibirsk detained 50 migrants on Monday. Of the detained, 20 were citizens of Tajikistan and "
           "15 of Uzbekistan."),
    ("ru", "В понедельник полиция Новосибирска задержала 50 мигрантов. Среди задержанных 20 граждан Таджикистана и "
           "15 граждан Узбекистана."),
])
def test_merge_a_breakdown_of_the_detained_is_no_new_detention(lang: str, text: str) -> None:
    detentions = _of(_events(text, lang, "2025-06-10"), "detention")
    assert [(e["country"], e["count"]) for e in detentions] == [("RU", 50)]


def test_merge_a_headline_and_its_lead_are_one_act() -> None:
    text = ("Полиция задержала 50 мигрантов в ходе рейда в Новосибирске\n\nВ Новосибирске в ходе рейда по общежитиям "
            "полиция во вторник задержала 50 мигрантов. Задержанных доставили в отдел полиции.")
    events = _events(text, "ru", "2025-03-14")
    assert _subtypes(events) == ["detention", "raid"]
    assert _of(events, "detention")[0]["date"] == "2025-03-11"


def test_merge_a_subset_told_apart_on_the_same_day_is_the_same_detention() -> None:
    """"12 of the men detained on Tuesday" and, sentences later, "on Tuesday 37 were detained": one
    detention of 37 (the 12 are among them)."""
    text = ("Казань, 13 марта. Суд в среду постановил выдворить 12 граждан Узбекистана, задержанных накануне в ходе "
            "проверки общежития. Об этом сообщили в пресс-службе суда.\nРейд во вторник провели сотрудники полиции. "
            "Проверены документы у 200 жильцов. Задержаны 37 граждан Узбекистана без патентов.")
    detentions = _of(_events(text, "ru", "2025-03-13"), "detention")
    assert [(e["count"], e["date"]) for e in detentions] == [(37, "2025-03-11")]


# --- what may follow is no act ---------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Police detained 45 migrants at a construction site in Yekaterinburg on Wednesday. They face fines and "
           "deportation."),
    ("en", "Police detained 45 migrants at a construction site in Yekaterinburg on Wednesday. Those without valid "
           "patents face expulsion from Russia."),
    ("ru", "В среду полиция задержала 45 мигрантов на стройке в Екатеринбурге. Нарушителям грозит выдворение."),
])
def test_merge_people_who_face_deportation_are_not_deported(lang: str, text: str) -> None:
    assert _subtypes(_events(text, lang, "2025-06-10")) == ["detention"]


def test_merge_a_deportation_ordered_is_still_a_deportation() -> None:
    """Hit: an order or a flight is the act, whatever the people faced before."""
    text = ("Police detained 45 migrants in Yekaterinburg on Wednesday. A court on Thursday ordered 12 of them "
            "deported.")
    assert _subtypes(_events(text, "en", "2025-06-13")) == ["deportation", "detention"]


# --- per-person follow-ups and acts elsewhere stay apart --------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Twelve Tajik nationals were detained at a market in Moscow on Wednesday. One of them, Farrukh Nazarov, "
           "was later charged with forging documents. The others were fined."),
    ("en", "Police detained 30 migrants in Kazan on Monday. A criminal case was opened against five of them for "
           "using forged documents. The five face up to two years in prison."),
])
def test_merge_a_charge_against_some_of_the_detained_is_a_criminal_case(lang: str, text: str) -> None:
    assert _subtypes(_events(text, lang, "2025-03-14")) == ["criminal_case", "detention"]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Police detained two Kyrgyz citizens in Yekaterinburg on Monday. On Wednesday, police in Chelyabinsk "
           "detained three Uzbek nationals."),
    ("en", "Police detained Bakhtiyor Yusupov in Kazan on June 3. His brother Alisher Yusupov was detained in Moscow "
           "on June 7."),
    ("ru", "Полиция задержала Бахтиёра Юсупова в Казани 3 июня. Его брата Алишера Юсупова задержали в Москве 7 июня."),
])
def test_merge_detentions_at_other_places_and_days_stay_apart(lang: str, text: str) -> None:
    assert len(_of(_events(text, lang, "2025-06-10"), "detention")) == 2


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Police detained 12 Uzbek citizens at a hostel in Samara on Monday. Two days later, police in Samara "
           "detained another 8 Uzbek citizens at a market."),
    ("ru", "В понедельник полиция задержала 12 граждан Узбекистана в общежитии в Самаре. В среду в Самаре задержаны "
           "ещё 8 граждан Узбекистана на рынке."),
    ("en", "Police detained 12 Uzbek citizens at a hostel in Samara this week. Officers later detained another 8 Uzbek "
           "citizens at a market in Samara."),
    ("ru", "На этой неделе полиция задержала 12 граждан Узбекистана в общежитии в Самаре. Позднее на рынке в Самаре "
           "задержали ещё 8 граждан Узбекистана."),
])
def test_merge_another_group_detained_is_another_detention(lang: str, text: str) -> None:
    detentions = _of(_events(text, lang, "2025-06-14"), "detention")
    assert sorted(e["count"] for e in detentions) == [8, 12]


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Санкт-Петербург, 15 января. В понедельник полицейские провели рейд на овощебазе в Шушарах.\nПо данным "
           "ведомства, задержаны 43 человека. Всех доставили в отдел полиции.\nРодственники задержанных пожаловались "
           "на условия содержания. В полиции это не комментируют.\nВ декабре прошлого года на той же овощебазе "
           "полицейские задержали 27 граждан Узбекистана."),
    ("en", "St Petersburg, Jan 15. Police raided a vegetable depot in Shushary on Monday.\nAccording to the police, 43 "
           "people were detained. All of them were taken to a police station.\nRelatives of the detainees complained "
           "about the conditions. Police declined to comment.\nLast December, police detained 27 Uzbek citizens at "
           "the same depot."),
])
def test_merge_an_earlier_detention_at_the_same_place_is_its_own_event(lang: str, text: str) -> None:
    detentions = _of(_events(text, lang, "2026-01-15"), "detention")
    assert sorted((e["count"], e["date"][:7]) for e in detentions) == [(27, "2025-12"), (43, "2026-01")]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Migration raids across the region: a roundup.\n1. In Krasnoyarsk, police detained 20 migrants at a "
           "vegetable depot on Monday.\n2. In Novosibirsk, officers raided a hostel on Tuesday and detained 15 "
           "foreigners.\n3. In Omsk, a court ordered the deportation of 8 Uzbek citizens on Wednesday."),
    ("ru", "Итоги недели.\n1. В Красноярске в понедельник полиция задержала 20 мигрантов на овощебазе.\n2. В "
           "Новосибирске во вторник полицейские провели рейд в общежитии и задержали 15 иностранцев.\n3. В Омске суд "
           "в среду постановил выдворить 8 граждан Узбекистана."),
])
def test_merge_a_numbered_bulletin_keeps_each_act(lang: str, text: str) -> None:
    events = _events(text, lang, "2025-06-13")
    assert _subtypes(events) == ["deportation", "detention", "detention", "raid"]
    assert sorted(e["count"] for e in _of(events, "detention")) == [15, 20]


# --- statistics and legal acts: one event each ------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Interior Ministry said 1,240 foreigners were deported from Russia in May. The deportations were "
           "carried out under court orders, the ministry said."),
    ("ru", "МВД сообщило, что в мае из России выдворены 1240 иностранцев. Выдворение проводилось по решению судов."),
    ("en", "Russia deported 25 Uzbek citizens from Novosibirsk on Sunday, the regional police said. The deportees "
           "were flown to Tashkent. All of them had violated migration rules."),
    ("ru", "Из Новосибирска в воскресенье выдворены 25 граждан Узбекистана. Выдворенных отправили в Ташкент "
           "чартерным рейсом. Все они нарушили миграционное законодательство."),
])
def test_merge_a_deportation_retold_is_one(lang: str, text: str) -> None:
    deportations = _of(_events(text, lang, "2025-06-10"), "deportation")
    assert len(deportations) == 1 and deportations[0]["count"] in (1240, 25)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Kyrgyzstan's president signed a law on Monday allowing dual citizenship with Russia. The law enters into "
           "force in 30 days."),
    ("ru", "Президент Таджикистана в понедельник подписал закон о лишении гражданства за участие в вооружённых "
           "конфликтах за рубежом. Документ вступает в силу со дня опубликования. Согласно закону, лишить гражданства "
           "можно по решению суда."),
])
def test_merge_a_law_and_its_entry_into_force_are_one_law(lang: str, text: str) -> None:
    events = _events(text, lang, "2025-06-10")
    assert [(e["subtype"], e["date"]) for e in events] == [("law", "2025-06-09")]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The State Duma on Tuesday passed a law on the expulsion of migrants who fail a Russian language test."),
    ("ru", "Госдума во вторник приняла закон о выдворении мигрантов, не сдавших экзамен по русскому языку."),
])
def test_merge_what_a_law_is_about_is_no_act(lang: str, text: str) -> None:
    assert _subtypes(_events(text, lang, "2025-06-10")) == ["law"]


def test_merge_a_second_law_with_its_own_step_stays() -> None:
    """Near miss: a law of another state, signed on another day, is another legal act."""
    text = ("Kyrgyzstan's president signed a law on Monday allowing dual citizenship with Russia. Tajikistan adopted "
            "a similar law in 2023.")
    assert len(_of(_events(text, "en", "2025-06-10"), "law")) == 2


# --- a mention dated only by the sentence before it ------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Police in Yekaterinburg detained Tajik citizen Umed Saidov on Tuesday on suspicion of forging a work "
           "patent. On Thursday a district court remanded him in custody for two months. A criminal case was opened "
           "under Article 327 of the Criminal Code. Saidov denies the charges, his lawyer said."),
    ("ru", "Во вторник в Екатеринбурге полицейские задержали гражданина Таджикистана Умеда Саидова по подозрению в "
           "подделке патента. В четверг районный суд арестовал его на два месяца. Против него возбуждено уголовное "
           "дело по статье 327 УК РФ. Свою вину Саидов не признаёт, сообщил его адвокат."),
])
def test_merge_the_case_against_the_man_detained_is_one_case(lang: str, text: str) -> None:
    cases = _of(_events(text, lang, "2025-06-13"), "criminal_case")
    assert [(e["date"], e["persons"]) for e in cases] == [("2025-06-10", ["Umed Saidov"])]


def test_merge_a_ruling_told_after_an_earlier_detention_is_the_deportation_told_first() -> None:
    text = ("BISHKEK, May 8 - A court in Bishkek on Tuesday ordered the deportation of a Russian man who had "
            "overstayed his visa, his lawyer said.\nOleg Sokolov, 31, was detained by police in Bishkek in March. "
            "The court ruled that he must leave the country within ten days.")
    deportations = _of(_events(text, "en", "2025-05-08"), "deportation")
    assert [e["date"] for e in deportations] == ["2025-05-06"]


def test_merge_a_head_count_after_another_act_is_its_own_detention() -> None:
    """Near miss: in a bulletin, "At least 30 men were taken to police stations" after a check dated
    there is not the arrest of the man told in the item before."""
    text = ("Monitoring bulletin, November 2024.\n1. Omsk. On 3 November, Uzbek citizen Bekzod Karimov, 34, died in a "
            "police cell a day after his arrest on suspicion of theft.\n2. Kazan. On 12 November, police checked the "
            "documents of about 200 workers at a vegetable depot in the city. At least 30 men were taken to police "
            "stations.")
    detentions = _of(_events(text, "en", "2024-11"), "detention")
    assert sorted(e["count"] for e in detentions) == [1, 30]


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Полиция Подмосковья в четверг задержала 30 мигрантов на складе в Котельниках. По данным полиции, "
           "задержанные работали без патентов. Ранее в этом месяце полицейские задержали на том же складе 12 человек."),
    ("en", "Police on Thursday detained 30 migrants at a warehouse in Kotelniki outside Moscow. The detainees had been "
           "working without patents, police said. Earlier this month police detained 12 people at the same warehouse."),
])
def test_merge_a_head_count_of_another_month_is_another_detention(lang: str, text: str) -> None:
    detentions = _of(_events(text, lang, "2025-06-13"), "detention")
    assert sorted((e["count"], e["date"]) for e in detentions) == [(12, "2025-06"), (30, "2025-06-12")]


@pytest.mark.parametrize("text", [
    "Police in Baku detained seven employees of a news agency on Monday. Two of them are Russian citizens.",
    "Police in Baku detained seven employees of a news agency. Two of them are Russian citizens, the agency said.",
])
def test_merge_some_of_the_detained_counted_again_are_the_same_detention(text: str) -> None:
    detentions = _of(_events(text, "en", "2025-07-01"), "detention")
    assert [e["count"] for e in detentions] == [7]


# --- people turned away and sent back --------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Border guards at Moscow's Vnukovo airport refused entry to 40 Tajik citizens on Wednesday, the Tajik "
           "embassy said. The 40 were sent back to Dushanbe on the same plane."),
    ("ru", "В среду в аэропорту Внуково пограничники не пропустили в Россию 40 граждан Таджикистана, сообщило "
           "посольство Таджикистана. Посольство запросило у российской стороны разъяснения причин отказа во въезде."),
])
def test_merge_people_refused_entry_and_sent_back_are_one_entry_ban(lang: str, text: str) -> None:
    bans = _of(_events(text, lang, "2025-06-13"), "entry_ban")
    assert [(e["country"], e["count"], e["date"]) for e in bans] == [("RU", 40, "2025-06-11")]


# --- further steps against the same people, and a day given later ----------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Police in Samara detained three Uzbek citizens on Wednesday on suspicion of robbery. On Friday a court "
           "placed the suspects under arrest for two months."),
    ("ru", "В среду в Самаре задержали трёх граждан Узбекистана по подозрению в грабеже. В пятницу суд арестовал "
           "подозреваемых на два месяца."),
])
def test_merge_a_court_arresting_the_suspects_is_the_same_detention_and_case(lang: str, text: str) -> None:
    events = _events(text, lang, "2025-06-13")
    assert sorted((e["subtype"], e["date"], e["count"]) for e in events) == [
        ("criminal_case", "2025-06-11", 3), ("detention", "2025-06-11", 3)]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Kazan resident Rustam Ibragimov was detained at Pulkovo airport. The arrest took place on Monday as he was "
           "returning from Istanbul."),
    ("ru", "Жителя Казани Рустама Ибрагимова задержали в аэропорту Пулково. Задержание произошло в понедельник, когда "
           "он возвращался из Стамбула."),
])
def test_merge_the_day_given_to_the_arrest_later_dates_it(lang: str, text: str) -> None:
    detentions = _of(_events(text, lang, "2025-06-13"), "detention")
    assert [(e["country"], e["date"], e["persons"]) for e in detentions] == [("RU", "2025-06-09", ["Rustam Ibragimov"])]


def test_merge_a_first_telling_that_the_arrest_took_place_is_kept() -> None:
    """Hit: with nothing told before, "the arrest took place" is the news itself."""
    text = "The arrest of two Kyrgyz students took place in Kazan on Monday, their university said."
    assert _subtypes(_events(text, "en", "2025-06-13")) == ["detention"]


# --- a deportation flight: where it left from, and its passengers named again -----------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "A special flight carrying 180 deported Tajik citizens left Novosibirsk for Dushanbe on Sunday. The "
           "deportees had been held at a detention centre for foreigners."),
    ("ru", "В воскресенье из Новосибирска в Душанбе вылетел спецрейс со 180 выдворенными гражданами Таджикистана. "
           "Выдворенные содержались в центре временного содержания иностранных граждан."),
    ("en", "On Sunday a charter flight with 180 deported Tajik citizens flew from Novosibirsk to Dushanbe."),
])
def test_merge_a_deportation_flight_is_one_deportation_where_it_left(lang: str, text: str) -> None:
    events = _events(text, lang, "2025-06-13")
    deportations = _of(events, "deportation")
    assert [(e["country"], e["place"], e["date"], e["count"]) for e in deportations] == [
        ("RU", "Novosibirsk", "2025-06-08", 180)]
    assert all(e["country"] == "RU" for e in events)


def test_merge_sunday_dates_a_russian_report() -> None:
    """"воскресенье" is read by the lemmatizer as "воскресение"; it is still Sunday."""
    events = _events("В воскресенье полиция задержала пять мигрантов в Москве.", "ru", "2025-06-13")
    assert [e["date"] for e in events] == ["2025-06-08"]


# --- a recruitment site, and whom a decree is for --------------------------------------------------


def test_merge_a_recruitment_centre_opened_is_recruitment() -> None:
    text = "Russia's Defence Ministry has opened a recruitment centre for foreigners at the Sakharovo migration centre."
    assert _subtypes(_events(text, "en", "2025-06-13")) == ["contract_recruitment"]


def test_merge_whom_a_decree_is_for_is_no_recruitment() -> None:
    text = ("Путин подписал указ об упрощённом получении гражданства для иностранцев, заключивших контракт с "
            "Минобороны. Указ вступил в силу в день подписания.")
    assert _subtypes(_events(text, "ru", "2025-06-13")) == ["law"]


# --- one legal act told in its steps ---------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "President Vladimir Putin on Friday signed a law tightening rules for migrants. The State Duma passed the "
           "bill on June 10 and the Federation Council approved it on June 18. The law enters into force on "
           "September 1."),
    ("ru", "Президент Владимир Путин в пятницу подписал закон об ужесточении правил для мигрантов. Госдума приняла "
           "закон 10 июня, Совет Федерации одобрил его 18 июня. Закон вступит в силу 1 сентября."),
])
def test_merge_the_steps_of_one_law_are_one_law(lang: str, text: str) -> None:
    laws = _of(_events(text, lang, "2025-06-23"), "law")
    assert [e["date"] for e in laws] == ["2025-06-20"]
    assert len(laws[0]["evidence"]) == 3


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "President Vladimir Putin on Friday signed a law tightening rules for migrants. He also signed a law on "
           "the registration of foreign workers."),
    ("ru", "Президент Владимир Путин в пятницу подписал закон об ужесточении правил для мигрантов. Также он подписал "
           "закон о регистрации иностранных работников."),
    ("ru", "В 2023 году вступил в силу новый закон о гражданстве. В 2025 году вступили в силу поправки, расширившие "
           "перечень оснований для прекращения гражданства."),
    ("en", "A new citizenship law entered into force in 2023. In 2025, amendments widening the grounds for revoking "
           "citizenship entered into force."),
])
def test_merge_two_legal_acts_stay_two(lang: str, text: str) -> None:
    """Near miss: a law named by its own subject, or one of another year, is another act (and what
    an amendment is about is no act)."""
    assert _subtypes(_events(text, lang, "2025-06-23")) == ["law", "law"]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Over the past week, 350 Uzbek citizens were deported from Russia, the Migration Agency said. Most of them "
           "were deported for violating the terms of their stay."),
    ("ru", "За прошедшую неделю из России депортированы 350 граждан Узбекистана, сообщило Агентство внешней трудовой "
           "миграции. Большинство из них выдворены за нарушение сроков пребывания. Из числа депортированных 120 "
           "человек — жители Самаркандской области."),
])
def test_merge_most_of_the_deported_are_the_deportation_told(lang: str, text: str) -> None:
    deportations = _of(_events(text, lang, "2025-06-23"), "deportation")
    assert [(e["country"], e["count"]) for e in deportations] == [("RU", 350)]


def test_merge_a_later_step_against_the_detainees_does_not_date_their_detention() -> None:
    text = ("SAMARA, May 14 - Police raided a market in Samara on Tuesday, checking the documents of 150 traders.\n"
            "Twenty-two Tajik citizens were detained and taken to a police station.\n"
            "On Wednesday a district court ordered 9 of the detainees expelled from Russia.")
    events = _events(text, "en", "2025-05-14")
    assert [e["date"] for e in _of(events, "detention")] in (["2025-05"], ["2025-05-13"])
    assert [e["date"] for e in _of(events, "deportation")] == ["2025-05-14"]


# --- an investigators' press release: the offence's date is no act's ------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Следственные органы СК возбудили уголовное дело в отношении 35-летнего уроженца Таджикистана по статье "
           "322.1 УК РФ. По версии следствия, в марте 2025 года фигурант дела фиктивно зарегистрировал в своей "
           "квартире 20 иностранцев. Подозреваемый задержан. Расследование уголовного дела продолжается."),
    ("en", "Investigators have opened a criminal case against a 35-year-old native of Tajikistan on charges of "
           "organising illegal migration. According to investigators, in March 2025 the suspect fictitiously "
           "registered 20 foreigners at his flat. The suspect has been detained. The investigation is continuing."),
])
def test_merge_a_case_and_its_offence_told_are_one_case_dated_by_the_news(lang: str, text: str) -> None:
    events = _events(text, lang, "2025-06-13")
    assert sorted((e["subtype"], e["date"]) for e in events) == [("criminal_case", "2025-06"), ("detention", "2025-06")]
    assert _of(events, "criminal_case")[0]["count"] != 20


def test_merge_a_bill_and_another_signed_law_are_a_proposal_and_a_law() -> None:
    """Near miss: "the law" after a bill of another subject is no reference back."""
    text = ("The State Duma on Tuesday approved in the first reading a bill on migrant registration. On Friday "
            "President Putin signed the law on foreign agents.")
    assert _subtypes(_events(text, "en", "2025-06-23")) == ["law", "proposal"]
