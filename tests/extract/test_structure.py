"""Sentence- and document-level structure rules, on invented texts (none is from the dev set).

Each rule has sentences it must handle and near misses it must leave alone.
"""

from diaspora_watch.document import Document
from diaspora_watch.extract import extract_events, locate


def _events(text: str, lang: str = "en", published: str = "2024-05-15", title: str = "") -> list[dict]:
    return extract_events(Document("t-1", text, title=title, published=published, language=lang, collected="2026-12-01"))


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
