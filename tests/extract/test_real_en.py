"""Classes of error found by running the extractor on real English wire and regional reports
about Russia and migrants from Central Asia and Azerbaijan (never stored here): a list a person
is taken off, a breach of migration rules, a moratorium or a regime of expulsion, a rights
group's own investigation, a body named "against torture", the police's ministry telling of its
own acts, a state named as the subject of an advisory, and a headline quoting its source.

Every sentence is invented in those shapes; each class has hits that must still be found and
near misses that must stay non-events."""

import pytest
from dwtest import events, trigger_subtypes



def _events(text: str, published: str = "2025-03-12") -> list[dict]:
    return events(text, "en", published)


# --- deportation: a list, a moratorium, a regime are no one expelled ------------------------------


@pytest.mark.parametrize("text", [
    "About 40,000 Kyrgyz nationals have been removed from Russia's registry of controlled persons, the embassy said.",
    "Some 2,000 Tajik migrants were deleted from the list of foreigners subject to expulsion after settling their papers.",
    "The moratorium on the deportation of foreign nationals from Russia expires on March 31.",
    "A new law sets up a regime of expulsion for foreigners who stay in Russia without documents.",
    "The bill widens the grounds for expulsion of migrants convicted of petty offences.",
])
def test_real_lists_moratoriums_and_regimes_deport_nobody(text: str) -> None:
    assert "deportation" not in trigger_subtypes(text, "en")


@pytest.mark.parametrize("text", [
    "Russia deported 90 Uzbek citizens from Sheremetyevo airport on Sunday.",
    "Police removed 15 Tajik migrants from the country after a court order.",
    "A court in Omsk ordered the expulsion of a Kyrgyz citizen on Monday.",
])
def test_real_deportations_are_still_found(text: str) -> None:
    assert "deportation" in trigger_subtypes(text, "en")


# --- a breach of migration rules is an administrative offence, not a criminal case ----------------


@pytest.mark.parametrize("text", [
    "Riot police detained 120 people on suspicion of violating migration legislation during the raid.",
    "Officers held 45 foreigners for suspected migration law violations at a construction site.",
    "Some 30 migrants were detained over breaches of migration rules, the police said.",
])
def test_real_migration_violations_open_no_criminal_case(text: str) -> None:
    assert "criminal_case" not in trigger_subtypes(text, "en")


@pytest.mark.parametrize("text", [
    "Two men were detained on suspicion of organizing illegal migration, the police said.",
    "A criminal case was opened against a Tajik citizen on charges of forging a work permit.",
])
def test_real_criminal_migration_offences_are_still_cases(text: str) -> None:
    assert "criminal_case" in trigger_subtypes(text, "en")


# --- a rights group's or a police force's own inquiry, a body named against torture --------------


@pytest.mark.parametrize("text", [
    "Lawyers of the Committee against Torture have launched a public investigation into the death of a Kyrgyz man.",
    "The NGO launched an investigation into the incident after his brother asked for help.",
    "A police spokesman said an internal investigation had been launched into the man's death.",
])
def test_real_ngo_and_internal_inquiries_open_no_case(text: str) -> None:
    assert not {"criminal_case", "violence"} & trigger_subtypes(text, "en")


def test_real_an_investigation_opened_by_investigators_is_still_a_case() -> None:
    text = "Investigators opened an investigation into the death of an Uzbek migrant in a police cell in Kazan."
    assert "criminal_case" in trigger_subtypes(text, "en")


def test_real_torture_by_police_is_still_violence() -> None:
    text = "The detainees said police officers tortured them with electric shocks at the station."
    assert "violence" in trigger_subtypes(text, "en")


# --- the police's own ministry telling of its acts makes no diplomatic statement ------------------


@pytest.mark.parametrize("text", [
    "Two naturalized men were stripped of their citizenship, the Interior Ministry said in a statement.",
    "The Defence Ministry said in a statement that the recruits had signed contracts voluntarily.",
])
def test_real_interior_ministry_statements_are_no_diplomatic_statement(text: str) -> None:
    assert "statement" not in trigger_subtypes(text, "en")


def test_real_foreign_ministry_statements_are_still_statements() -> None:
    text = "The Kyrgyz Foreign Ministry said in a statement that it was in contact with the detainees' families."
    assert "statement" in trigger_subtypes(text, "en")


# --- a state named as the subject of a diplomatic act is the acting state -------------------------


@pytest.mark.parametrize(("text", "state"), [
    ("Tajikistan has advised its citizens to refrain from travel to Russia amid pressure on Central Asians there.", "TJ"),
    ("Uzbekistan urged its nationals in Russia to carry their documents at all times, as Kyrgyz migrants "
     "reported checks.", "UZ"),
])
def test_real_a_state_that_advises_is_the_acting_state(text: str, state: str) -> None:
    advisories = [e for e in _events(text) if e["subtype"] == "advisory"]
    assert [e["country"] for e in advisories] == [state]


# --- a headline quoting its source: "Surname: claim" -----------------------------------------------


def test_real_a_headline_quoting_a_source_names_no_person_hit() -> None:
    text = ("Petrova: Uzbek citizens are not allowed to enter Russia\n"
            "Rights activist Marina Petrova told a Russian outlet that border guards have been turning away "
            "citizens of Uzbekistan at airports in recent days.")
    bans = [e for e in _events(text, "2024-05-03") if e["subtype"] == "entry_ban"]
    assert bans and all("Marina Petrova" not in e["persons"] for e in bans)


def test_real_a_named_detainee_is_still_a_person_hit() -> None:
    text = "Police in Kazan detained Uzbek citizen Akmal Rasulov on Monday, his lawyer said."
    detentions = [e for e in _events(text) if e["subtype"] == "detention"]
    assert detentions and "Akmal Rasulov" in detentions[0]["persons"]


def test_real_a_forensic_examiner_is_a_source() -> None:
    text = ("Medical examiner Rustam Aliyev issued a statement saying the two men had been beaten to death "
            "while detained in Yekaterinburg on 27 June.")
    deaths = [e for e in _events(text, "2025-07-01") if e["subtype"] == "death_in_custody"]
    assert deaths and "Rustam Aliyev" not in deaths[0]["persons"]


def test_real_a_speaker_past_an_apposition_is_a_source() -> None:
    text = ("A court in Osh found a 29-year-old man guilty of mercenarism on Tuesday for fighting in Ukraine. "
            "Aigul Toktosunova, head of the rights group Adilet, told reporters it was the second such conviction.")
    cases = [e for e in _events(text, "2024-04-10") if e["subtype"] == "prosecution_for_service"]
    assert cases and "Aigul Toktosunova" not in cases[0]["persons"]


def test_real_an_apposition_that_ends_in_no_speech_keeps_the_person() -> None:
    text = "Police detained Farrukh Nazarov, a 41-year-old Tajik citizen, at a market in Kazan on Monday."
    detentions = [e for e in _events(text) if e["subtype"] == "detention"]
    assert detentions and "Farrukh Nazarov" in detentions[0]["persons"]


# --- a rights group's release dated "(City) –" was filed there ---------------------------------------


def test_real_a_bracketed_dateline_is_no_place_of_the_act() -> None:
    text = ("(Geneva) – Russian police detained dozens of Uzbek migrant workers in raids on markets in "
            "Novosibirsk last week, Amnesty International said today.")
    detentions = [e for e in _events(text, "2024-11-20") if e["subtype"] == "detention"]
    assert [(e["country"], e["place"]) for e in detentions] == [("RU", "Novosibirsk")]


def test_real_a_bracketed_town_inside_a_sentence_is_still_a_place() -> None:
    text = "Police detained 12 Kyrgyz citizens at a hostel (Kazan) on Monday, the ministry said."
    detentions = [e for e in _events(text) if e["subtype"] == "detention"]
    assert detentions and detentions[0]["place"] == "Kazan"


def test_real_a_breach_of_migration_and_labour_rules_opens_no_case() -> None:
    text = "Police have detained hundreds of migrants for alleged violation of migration and employment regulations."
    assert "criminal_case" not in trigger_subtypes(text, "en")


# --- a rule that takes effect ahead: "starting from November 1" is this year's ----------------------


def test_real_a_rule_starting_from_a_later_month_takes_effect_this_year() -> None:
    text = "Omsk Governor Pavel Ivanov signed a decree barring migrants from working as couriers, starting from November 1."
    laws = [e for e in _events(text, "2024-07-19") if e["subtype"] == "law"]
    assert [e["date"] for e in laws] == ["2024-11-01"]


def test_real_a_later_month_with_no_such_cue_is_still_last_year() -> None:
    text = "Police detained 14 Uzbek migrants at a market in Omsk on November 12, the ministry said."
    detentions = [e for e in _events(text, "2024-07-19") if e["subtype"] == "detention"]
    assert [e["date"] for e in detentions] == ["2023-11-12"]


def test_real_a_statistic_since_a_season_is_dated_at_its_announcement() -> None:
    text = ("Since the spring of 2023, police have stripped 1,400 naturalized citizens of their Russian citizenship, "
            "the Interior Ministry said on Wednesday.")
    revocations = [e for e in _events(text, "2025-10-08") if e["subtype"] == "citizenship_revocation"]
    assert [e["date"] for e in revocations] == ["2025-10-08"]


# --- a title inside a run of capitals, a newspaper named after a town -------------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("Kaluga Governor Sergei Petrov signed a decree banning migrants from working in taxis on Monday.", "Sergei Petrov"),
    ("Governor Oleg Smirnov signed a decree banning foreigners from working in retail on Monday.", "Oleg Smirnov"),
])
def test_real_a_title_before_a_name_is_no_part_of_it(text: str, name: str) -> None:
    laws = [e for e in _events(text) if e["subtype"] == "law"]
    assert laws and laws[0]["persons"] == [name]


def test_real_a_newspaper_named_after_a_town_is_no_place() -> None:
    text = ("The Moscow Times reports that police raided hostels in Barnaul to find naturalized men who had not "
            "registered for military service.")
    raids = [e for e in _events(text, "2024-09-13") if e["subtype"] == "raid"]
    assert [e["place"] for e in raids] == ["Barnaul"]


# --- what someone is punished for is no notice served; what a rule says strips no one -------------


@pytest.mark.parametrize("text", [
    "Some 2,000 people lost their citizenship over their refusal to register for military service, the ministry said.",
    "Officers detained 30 naturalized men who had not registered for military service.",
])
def test_real_not_registering_serves_no_draft_notice(text: str) -> None:
    assert "draft_notice" not in trigger_subtypes(text, "en")


def test_real_a_notice_served_after_a_raid_is_still_a_draft_notice() -> None:
    text = "After the raid, 40 naturalized citizens were handed summonses to the military enlistment office."
    assert "draft_notice" in trigger_subtypes(text, "en")


def test_real_crimes_that_entail_the_loss_of_citizenship_strip_no_one() -> None:
    text = "The list of crimes that entail the termination of acquired citizenship was expanded this year."
    assert "citizenship_revocation" not in trigger_subtypes(text, "en")


def test_real_a_termination_of_citizenship_is_still_found() -> None:
    text = "Police terminated the Russian citizenship of three natives of Tajikistan in Khabarovsk Krai."
    assert "citizenship_revocation" in trigger_subtypes(text, "en")


# --- ranks before names, a confirming source, kicks and slaps that eyewitnesses claim --------------


def test_real_a_rank_before_a_name_is_no_part_of_it() -> None:
    text = "Major Andrei Sokolov, 41, was detained in Almaty after his asylum request was rejected, his wife said."
    detentions = [e for e in _events(text, "2023-01-04") if e["subtype"] == "detention"]
    assert detentions and detentions[0]["persons"] == ["Andrei Sokolov"]


def test_real_a_source_who_confirms_is_no_person_hit() -> None:
    text = "A court in Almaty ordered the deportation of a Russian citizen on Monday, lawyer Aida Nurova confirmed."
    deportations = [e for e in _events(text, "2023-01-04") if e["subtype"] == "deportation"]
    assert deportations and "Aida Nurova" not in deportations[0]["persons"]


def test_real_kicks_and_slaps_that_eyewitnesses_claim_are_alleged_violence() -> None:
    text = "Eyewitnesses claim that riot police forced migrants out of a hostel in Moscow, using kicks and slaps."
    violence = [e for e in _events(text) if e["subtype"] == "violence"]
    assert [e["certainty"] for e in violence] == ["alleged"]


def test_real_kicks_in_a_football_report_are_no_violence() -> None:
    text = "The striker scored two free kicks as the Tajik team beat Kyrgyzstan in Dushanbe."
    assert "violence" not in trigger_subtypes(text, "en")


def test_real_a_title_run_before_a_name_leaves_the_name() -> None:
    text = "On July 31, the State Duma approved a bill drafted by State Duma Speaker Ivan Belov on migrant families."
    proposals = [e for e in _events(text, "2024-08-01") if e["subtype"] == "proposal"]
    assert proposals and "Ivan Belov" in proposals[0]["persons"]


def test_real_a_relative_clause_before_a_speech_verb_is_no_apposition_of_the_speaker() -> None:
    text = ("The father of Rustam Saidov, who died at a police station in Moscow on May 3, told reporters "
            "that he had been beaten.")
    deaths = [e for e in _events(text, "2024-05-10") if e["subtype"] == "death_in_custody"]
    assert deaths and "Rustam Saidov" in deaths[0]["persons"]


# --- "internal affairs bodies" are agencies; "Law No. 260-FZ" is no person --------------------------


@pytest.mark.parametrize("text", [
    "Until their expulsion, foreigners are held in special facilities of the internal affairs bodies.",
    "The detainees were handed over to law enforcement bodies in Novosibirsk.",
])
def test_real_state_bodies_are_no_dead(text: str) -> None:
    assert "death_in_custody" not in trigger_subtypes(text, "en")


def test_real_bodies_of_the_dead_are_still_a_death_in_custody() -> None:
    text = "The bodies of two Uzbek men who died in police custody in Omsk were returned to Tashkent."
    assert "death_in_custody" in trigger_subtypes(text, "en")


def test_real_a_law_number_is_no_person() -> None:
    text = "Police deported 40 Tajik citizens under Federal Law No. 115-FZ on Monday, the ministry said."
    deportations = [e for e in _events(text) if e["subtype"] == "deportation"]
    assert deportations and deportations[0]["persons"] == []


# --- an outlet that reports is a source stated as fact; "reports of" is hearsay ------------------


@pytest.mark.parametrize(("text", "certainty"), [
    ("RIA Novosti reports that police detained 25 Kyrgyz citizens at a market in Kazan on Monday.", "reported"),
    ("There have been reports that police detained 25 Kyrgyz citizens at a market in Kazan on Monday.", "alleged"),
    ("Reports that police detained 25 Kyrgyz citizens at a market in Kazan on Monday have spread online.", "alleged"),
    ("Media reports that police detained 25 Kyrgyz citizens at a market in Kazan have not been confirmed.", "alleged"),
])
def test_real_an_outlet_reporting_is_no_hearsay(text: str, certainty: str) -> None:
    detentions = [e for e in _events(text) if e["subtype"] == "detention"]
    assert [e["certainty"] for e in detentions] == [certainty]


def test_real_a_capitalized_exact_word_can_open_a_pattern() -> None:
    from diaspora_watch.extract.matcher import Matcher, tokenize

    m = Matcher([("x", "==Reports that")])
    assert m.find(tokenize("Reports that police came", "en"))
    assert not m.find(tokenize("The outlet reports that police came", "en"))


# --- a foreign ministry's seat is no place of the act it protests ---------------------------------


def test_real_the_seat_of_a_protesting_ministry_is_no_place_of_the_raid() -> None:
    text = ("Police raided homes of Azerbaijanis in Yekaterinburg on Friday.\n"
            "The Foreign Ministry in Baku summoned Russia's chargé d'affaires on Saturday to protest the "
            "killing of two Azerbaijanis during Friday's raids.")
    raids = [e for e in _events(text, "2025-06-30") if e["subtype"] == "raid"]
    assert raids and all(e["country"] == "RU" and e["place"] != "Baku" for e in raids)


def test_real_an_embassy_seat_may_still_be_the_place_of_the_act() -> None:
    text = "The Kyrgyz embassy in Moscow said 30 citizens of Kyrgyzstan were detained on Monday."
    detentions = [e for e in _events(text) if e["subtype"] == "detention"]
    assert detentions and detentions[0]["place"] == "Moscow"
