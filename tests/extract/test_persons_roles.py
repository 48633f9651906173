"""Who counts as a person of an event: sentence-bounded roles, outlets, ages, pronouns, diplomats."""

from diaspora_watch.extract import counts, extract_events, persons
from diaspora_watch.extract.matcher import tokenize
from dwtest import events


def _events(text: str, lang: str = "en", published: str = "2025-09-18") -> list[dict]:
    return events(text, lang, published)


def test_persons_a_role_word_in_the_sentence_before_does_not_exclude_a_name(dev_doc):
    # d-025: "... according to migrants and rights activists.\n\nMansur Hojiev, a 30-year-old ..."
    by = {p.surface: p for p in persons.find(dev_doc("d-025").text, "en")}
    assert not by["Mansur Hojiev"].excluded


def test_persons_a_speech_verb_ending_the_sentence_before_does_not_make_a_speaker():
    text = "The verdict was read out on Monday, the court said.\nKarimov was detained at the airport in May."
    lone = [p for p in persons.find(text + " Officers met Bahrom Karimov there.", "en") if p.surface == "Karimov"]
    assert lone and not lone[0].speaker


def test_persons_an_outlet_in_a_dateline_is_no_person():
    text = "SAMARA, Sept 18 (Kama Courier) - Police detained Ilham Guliyev at his home on Monday."
    assert [p.name for p in persons.find(text, "en")] == ["Ilham Guliyev"]


def test_counts_an_age_after_a_name_is_no_count():
    for text, want in (("Guliyev, 52, was detained by officers on Monday.", []),
                       ("In Samara, 40 migrants were detained.", [40])):
        assert [c.value for c in counts.find(text, tokenize(text, "en"), "en")] == want


def test_persons_a_pronoun_next_to_the_act_stands_for_the_person_named_before(dev_doc):
    events = extract_events(dev_doc("d-026"))
    taken = next(e for e in events if any("taken to the police station" in s for s in e["evidence"]))
    assert "Dilshod Rakhimov" in taken["persons"]
    assert taken["count"] == 1


def test_persons_a_diplomatic_act_names_officials_not_the_people_it_is_about():
    text = ("Ilham Guliyev, the head of an Azerbaijani community group in Samara, was detained on Monday.\n"
            "Azerbaijan's Foreign Ministry summoned the Russian ambassador on Wednesday and handed him a note of "
            "protest over the arrest of Ilham Guliyev.")
    protest = next(e for e in _events(text) if e["subtype"] == "protest")
    assert protest["persons"] == []
    detention = next(e for e in _events(text) if e["subtype"] == "detention")
    assert detention["persons"] == ["Ilham Guliyev"]


def test_persons_a_witness_telling_of_himself_is_hit():
    text = ("Bahrom Karimov, a builder from Khujand, spent six years in Russia.\n"
            "Karimov told reporters that he had been detained by police in Kazan in March and held for two days.")
    detention = next(e for e in _events(text, published="2025-05-02") if e["subtype"] == "detention")
    assert detention["persons"] == ["Bahrom Karimov"]


def test_status_of_a_person_comes_from_the_words_that_introduced_him():
    text = ("BISHKEK, May 20 - A court in Bishkek on Monday fined Bolot Usenov, a 41-year-old Kyrgyz citizen, for "
            "hooliganism.\nUsenov was detained by police at the central market in Bishkek on Saturday.")
    detention = next(e for e in _events(text, published="2024-05-20") if e["subtype"] == "detention")
    assert detention["status"] == "citizen"
    assert "Usenov" in detention["explain"]["status"]["text"]


def test_certainty_an_act_told_in_the_first_person_in_quotes_is_alleged(dev_doc):
    events = extract_events(dev_doc("d-025"))
    violence = next(e for e in events if e["subtype"] == "violence")
    assert any(s.startswith("“Four masked men") for s in violence["evidence"]) and violence["certainty"] == "alleged"


def test_certainty_an_official_statement_in_quotes_without_first_person_stays_reported():
    text = "“Police detained 14 foreigners at the market in Kazan on Monday,” the ministry said in a statement."
    detention = next(e for e in _events(text, published="2025-03-12") if e["subtype"] == "detention")
    assert detention["certainty"] == "reported"
