"""Sentence- and document-level structure rules, on invented texts (none is from the dev set).

Each rule has sentences it must handle and near misses it must leave alone.
"""

from diaspora_watch.extract import locate
from dwtest import events


def _events(text: str, lang: str = "en", published: str = "2024-05-15", title: str = "") -> list[dict]:
    return events(text, lang, published, title)


def _subtypes(text: str, lang: str = "en", **kw) -> list[str]:
    return sorted(e["subtype"] for e in _events(text, lang, **kw))


def test_structure_date_in_a_relative_clause_dates_that_clause_not_the_trigger():
    evs = _events("Police detained 12 Uzbek workers in Samara on Monday.\n"
                  "The arrests are linked to a fraud inquiry, which was opened back in 2015.")
    assert [(e["subtype"], e["date"]) for e in evs if e["subtype"] == "detention"] == [("detention", "2024-05-13")]


def test_structure_anaphor_joins_the_act_told_before_or_is_dropped():
    evs = _events("On Friday police raided a hostel in Tver and detained 30 Tajik migrants.\n"
                  "The mass raids in Tver and the arrests of Kyrgyz traders in Omsk worsened relations.")
    assert sorted(e["subtype"] for e in evs) == ["detention", "raid"]
    # near miss: the first report of its kind, even with "the", is the news itself
    assert _subtypes("The detention of two Kyrgyz students in Kazan has angered Bishkek.") == ["detention"]


def test_structure_nouns_listed_in_a_trend_are_no_events():
    text = ("In recent months, amid tougher rules, permit cancellations, mass inspections, detentions, "
            "and fines have worried Uzbek workers.")
    assert "detention" not in _subtypes(text) and "raid" not in _subtypes(text)
    # near miss: a list of verbs reports acts
    assert "detention" in _subtypes("Officers searched the hostel, detained, and fined 14 Uzbek workers on Tuesday.")


def test_structure_recurring_acts_without_a_date_are_practice_not_events():
    assert _subtypes("The embassy of Kyrgyzstan has repeatedly urged its citizens to avoid fights in Russia.") == []
    assert _subtypes("The embassy of Kyrgyzstan urged its citizens on Monday to avoid fights in Russia.") == ["advisory"]
    assert _subtypes("Посольство Таджикистана неоднократно призывало своих граждан не ехать в Россию.", "ru") == []


def test_structure_recap_paragraph_retells_without_coding():
    text = ("Власти Самары лишили гражданства троих уроженцев Таджикистана.\n"
            "Напомним, задержания мигрантов в Самаре по подозрению в мошенничестве вызвали протесты.")
    assert _subtypes(text, "ru") == ["citizenship_revocation"]
    # near miss: a recap with its own date is coded
    dated = ("Власти Самары лишили гражданства троих уроженцев Таджикистана.\n"
             "Напомним, 3 мая в Самаре задержали 20 мигрантов из Таджикистана.")
    assert "detention" in _subtypes(dated, "ru")


def test_structure_question_title_marks_an_explainer():
    text = "Hundreds of Tajik citizens have signed contracts with the Russian army to fight in Ukraine."
    assert _subtypes(text, title="Why do Tajik migrants sign up to fight?") == []
    assert _subtypes(text, title="Tajik migrants sign up to fight") == ["contract_recruitment"]


def test_structure_some_do_others_do_is_generic():
    assert _subtypes("Кто-то подписал контракт с армией ради денег, кто-то под давлением уехал на фронт.", "ru") == []
    assert _subtypes("Some signed a contract with the army for money, while others were pressured to fight.") == []


def test_structure_negation_runs_through_an_infinitive_chain():
    assert _subtypes("He declined to sign a contract to join the Russian army, Kyrgyz media said.") == []
    assert _subtypes("He didn't sign the contract to join the Russian army.") == []
    assert _subtypes("On Monday he signed a contract to join the Russian army.") == ["contract_recruitment"]


def test_structure_the_day_something_was_told_does_not_split_the_act():
    text = ("A court in Osh sentenced a Kyrgyz man to seven years for mercenarism on Tuesday.\n"
            "His lawyer told reporters on Thursday that the conviction would be appealed.")
    evs = _events(text)
    assert [e["subtype"] for e in evs] == ["prosecution_for_service"]
    assert evs[0]["date"] == "2024-05-14"


def test_structure_plan_governs_only_its_own_act():
    evs = {e["subtype"]: e for e in _events("Уроженец Баку Рамиз Алиев лишён гражданства и в ближайшее время будет депортирован.",
                                             "ru")}
    assert evs["citizenship_revocation"]["certainty"] == "reported"
    assert evs["deportation"]["certainty"] == "planned"


def test_structure_states_named_as_one_act_one_by_one():
    text = ("Three Central Asian governments warned their citizens on Monday against fighting abroad.\n"
            "Uzbekistan, Tajikistan and Kyrgyzstan said fighters would be prosecuted.")
    evs = _events(text)
    assert sorted(e["country"] for e in evs if e["subtype"] == "advisory") == ["KG", "TJ", "UZ"]
    assert all(e["group"] == [e["country"]] for e in evs if e["subtype"] == "advisory")
    # near miss: one state's ministry acting is one act
    one = _events("The Foreign Ministry of Kyrgyzstan warned its citizens on Monday against fighting abroad.")
    assert [e["country"] for e in one if e["subtype"] == "advisory"] == ["KG"]


def test_structure_collective_states_without_a_matching_list_take_the_whole_region():
    assert locate.collective_states("Central Asian governments urged calm.", "en", []) == ["KG", "KZ", "TJ", "TM", "UZ"]
    assert locate.collective_states("Four republics in Central Asia objected.", "en", ["KZ", "KG"]) == ["KG", "KZ", "TJ", "TM", "UZ"]
    assert locate.collective_states("The ministry urged calm.", "en", []) == []


def test_structure_investigation_demanded_in_a_note_is_no_case():
    text = "On Monday the Kyrgyz envoy received a note stating that Bishkek expects a thorough investigation of the beatings."
    assert "criminal_case" not in _subtypes(text)
    assert "criminal_case" in _subtypes("Police opened an investigation into the beating of two Kyrgyz workers on Monday.")


def test_structure_difficulties_entering_is_an_entry_ban():
    assert "entry_ban" in _subtypes("This week Uzbek nationals faced difficulties entering Russia at Moscow airports.")


def test_structure_officers_arriving_at_a_dormitory_is_a_raid():
    assert "raid" in _subtypes("On Sunday OMON officers together with police came to the dormitory in Tomsk.")
    assert "raid" not in _subtypes("On Sunday the students came to the dormitory in Tomsk.")


def test_structure_a_count_stays_in_its_own_clause():
    evs = {e["subtype"]: e for e in _events("During the raid in Tula on Monday, three people died and eleven were detained.")}
    assert evs["death_in_custody"]["fatalities"] == 3
    assert evs["detention"]["count"] == 11


def test_structure_city_hall_inside_a_proper_name_is_no_mayor():
    from diaspora_watch.extract.actors import find_actors

    assert [a.agency for a in find_actors("Guards stood outside the Vegas City Hall concert venue.", "en")] == []
    assert [a.agency for a in find_actors("Samara City Hall said the market would close.", "en")] == ["MAYOR"]
    assert [a.agency for a in find_actors("City Hall said the market would close.", "en")] == ["MAYOR"]


def test_structure_a_clause_describing_a_kind_of_people_reports_no_act():
    assert _subtypes("On Monday the Tajik consulate in Samara set up a helpline for migrants who are arrested "
                     "or forced to join the army.") == ["advisory"]
    assert _subtypes("On Friday the Kyrgyz embassy issued a warning for workers facing deportation from Russia.") == ["advisory"]
    assert _subtypes("В среду посольство Узбекистана в Казани открыло горячую линию для тех, кто задержан "
                     "или принуждается подписать контракт.", "ru") == ["advisory"]
    assert "deportation" not in _subtypes("В пятницу консульство Таджикистана подготовило памятку для мигрантов, "
                                          "столкнувшихся с депортацией.", "ru")
    # near misses: a clause about people in particular, set off by a comma or in the past, tells an act
    assert "criminal_case" in _subtypes("On Monday police handed the file to prosecutors, who opened a criminal case against two Uzbek men.")
    assert "detention" in _subtypes("On Monday police in Samara detained 12 migrants who are suspected of forging patents.")
    assert "detention" in _subtypes("В понедельник в Самаре задержали 12 мигрантов, которые работали без патентов.", "ru")


def test_structure_the_rest_of_an_advice_sentence_is_the_same_advisory():
    evs = _events("The Kazakh embassy in Moscow opened a hotline on Tuesday, the embassy said in a statement.\n"
                  "It advised Kazakh citizens in Russia to keep copies of their passports.")
    assert [(e["subtype"], e["date"], e["actors"]) for e in evs] == [("advisory", "2024-05-14", ["KZ:EMBASSY"])]


def test_structure_a_number_counts_people_only_when_it_quantifies_them():
    def count(text: str, lang: str = "en", sub: str = "raid") -> int | None:
        return next(e["count"] for e in _events(text, lang) if e["subtype"] == sub)

    assert count("On Monday police in Omsk searched four migrants' flats.") is None
    assert count("On Monday police in Omsk searched five hostels of Uzbek workers.") is None
    assert count("On Monday police in Omsk searched the flats of five Uzbek workers.") == 5
    assert count("On Monday police in Omsk detained two Tajik citizens.", sub="detention") == 2
    assert count("Four natives of Kyrgyzstan were detained in Omsk on Monday.", sub="detention") == 4
    assert count("On Monday police in Omsk detained two of the migrants.", sub="detention") == 2
    assert count("В понедельник в Омске задержали троих, против них возбуждены уголовные дела.", "ru", "detention") == 3
    assert count("В понедельник в Омске провели обыски в пяти общежитиях мигрантов.", "ru") is None
    # near miss: a collective numeral before a unit of time counts no one
    assert count("В понедельник в Омске задержали мигрантов на двое суток.", "ru", "detention") is None


def test_structure_agencies_in_a_clause_about_another_act_do_not_act():
    evs = {e["subtype"]: e for e in _events(
        "Police detained nine Uzbek men in Tula on Monday, who could escape deportation by signing a contract "
        "with the Defence Ministry, a lawyer said.")}
    assert evs["detention"]["actors"] == ["RU:MVD"]
    law = _events("The State Duma passed the law on Tuesday; it comes into force once signed by the president.")
    assert [(e["subtype"], e["actors"]) for e in law] == [("law", ["RU:DUMA"])]
    ru = _events("Госдума приняла закон о мигрантах во вторник. Закон вступит в силу после подписания президентом.", "ru")
    assert [(e["subtype"], e["actors"]) for e in ru] == [("law", ["RU:DUMA"])]
    # near miss: the president who signed is the actor
    signed = _events("On Tuesday President Putin signed the law on migrants.")
    assert [(e["subtype"], e["actors"]) for e in signed] == [("law", ["RU:PRESIDENT"])]


def test_structure_names_listed_before_a_plural_region_word_are_regions():
    from diaspora_watch.extract.places import find_places

    def regions(text: str, lang: str = "en") -> list[tuple[str, str | None]]:
        return [(p.level, p.admin1) for p in find_places(text, lang)]

    assert regions("Checks followed in the Tver and Kursk regions.") == [("admin1", "RU-TVE"), ("admin1", "RU-KRS")]
    assert regions("Проверки прошли в Курской и Смоленской областях.", "ru") == [("admin1", "RU-KRS"), ("admin1", "RU-SMO")]
    # near miss: towns named in a list without a region word stay towns
    assert regions("Checks followed in Tver and Kursk.") == [("city", "RU-TVE"), ("city", "RU-KRS")]
    evs = _events("On Monday police detained migrants in the Tver and Kursk regions.")
    assert sorted((e["admin1"], e["place"]) for e in evs) == [("RU-KRS", None), ("RU-TVE", None)]


def test_structure_a_city_named_by_its_people_locates_the_act_only_when_no_town_is_named():
    ru = _events("В понедельник гражданства лишили троих москвичей.", "ru")
    assert [(e["admin1"], e["place"]) for e in ru] == [("RU-MOW", "Moscow")]
    en = _events("On Monday two Muscovites were detained in Kazan.")
    assert [(e["admin1"], e["place"]) for e in en] == [("RU-TA", "Kazan")]


def test_structure_a_place_inside_a_quoted_or_business_name_is_no_place():
    from diaspora_watch.extract.places import find_places

    assert [p.name for p in find_places("Police searched the «Tashkent» cafe in Omsk.", "en")] == ["Omsk"]
    assert [p.name for p in find_places("Police searched the Samarkand Plaza hotel in Omsk.", "en")] == ["Omsk"]
    # near miss: a quotation that opens with a place name keeps the place
    assert "Moscow" in [p.name for p in find_places('"Moscow has detained our citizens without reason," he said.', "en")]


def test_structure_a_title_takes_the_state_of_the_body_it_belongs_to():
    from diaspora_watch.extract.actors import find_actors

    codes = [a.code(None) for a in find_actors("On Monday the chargé d'affaires of the Kyrgyz Embassy was summoned.", "en")]
    assert codes[0] == "KG:EMBASSY"
    # near miss: an agency "of" a town is still no one's until the town says whose
    assert [a.code(None) for a in find_actors("The police of the city said nothing.", "en")] == [None]


def test_structure_status_follows_what_the_measure_and_the_sentences_say():
    def status(text: str, sub: str) -> str:
        return next(e["status"] for e in _events(text) if e["subtype"] == sub)

    assert status("On Monday three men were deported from Russia to Tajikistan.", "deportation") == "foreign"
    assert status("On Monday three men were refused entry at Moscow airport.", "entry_ban") == "foreign"
    # two sentences about one detention naming citizens and foreigners: mixed
    text = ("On Monday police in Baku detained two Russian citizens.\n"
            "Several citizens of Azerbaijan were also detained, police said on Monday.")
    assert status(text, "detention") == "mixed"
    # a contrast sets other people apart: their status is not this act's
    assert status("On Monday 30 naturalized citizens were summoned to enlistment offices in Tver, "
                  "while 70 others were held over immigration violations.", "draft_notice") == "naturalized"
    # an editor on a visit is a foreigner where he is held
    assert status("On Monday an editor on a private visit to Baku was detained.", "detention") == "foreign"


def test_structure_the_sentence_that_tells_who_announced_dates_the_act():
    ru = _events("Также гражданства были лишены двое жителей Тулы. Об этом 10 мая заявила пресс-секретарь МВД Ирина Волк.", "ru")
    assert [(e["date"], e["actors"], e["certainty"]) for e in ru] == [("2024-05-10", ["RU:MVD"], "reported")]
    # near miss: a following sentence that does not tell of the act leaves the date alone
    other = _events("Также гражданства были лишены двое жителей Тулы. В мае 10 человек покинули город.", "ru")
    assert [e["date"] for e in other if e["subtype"] == "citizenship_revocation"] == ["2024-05"]


def test_structure_a_future_auxiliary_makes_a_plan_a_past_one_does_not():
    evs = {e["subtype"]: e["certainty"] for e in _events("В Туле двое мигрантов будут депортированы.", "ru")}
    assert evs["deportation"] == "planned"
    evs = {e["subtype"]: e["certainty"] for e in _events("В Туле двое мигрантов были депортированы.", "ru")}
    assert evs["deportation"] == "reported"
