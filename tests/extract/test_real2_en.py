"""Classes of error found by running the extractor on real English reports about naturalized
migrants, recruitment into the army, citizenship laws, entry bans and diplomatic acts (never
stored here): a writer's frame ("It is to be noted that ...") read as a plan or a modal, a law
that "went into effect", the war a recruit is sent to taken for where he was recruited, an envoy
"invited" to hear concerns, and an "uptick" in an act read as one act.

Every sentence is invented in those shapes; each class has hits that must still be found and
near misses that must stay non-events or keep their certainty."""

import pytest
from dwtest import events, trigger_subtypes


def _events(text: str, published: str = "2025-03-12") -> list[dict]:
    return events(text, "en", published)


def _of(text: str, subtype: str) -> list[dict]:
    return [e for e in _events(text) if e["subtype"] == subtype]


# --- a writer's frame is neither a modal nor a plan --------------------------------------------


@pytest.mark.parametrize("text", [
    "It is to be noted that police detained 25 Uzbek migrants at a market in Kazan on Monday.",
    "It should be noted that riot police detained 40 Kyrgyz workers at a warehouse in Moscow on Monday.",
    "It must be stressed that officers detained 12 Tajik nationals in Novosibirsk on Monday.",
    "It should be recalled that police detained 30 migrants at a hostel in Yekaterinburg on Monday.",
])
def test_real2_a_writers_frame_reports_the_act(text: str) -> None:
    found = _of(text, "detention")
    assert found and found[0]["certainty"] == "reported"


@pytest.mark.parametrize("text", [
    "Police should detain migrants who break the rules, the deputy said.",
    "The deputy said police could detain anyone without a patent.",
])
def test_real2_a_real_modal_still_blocks(text: str) -> None:
    assert "detention" not in trigger_subtypes(text, "en")


def test_real2_a_real_plan_stays_planned() -> None:
    found = _of("The 30 Tajik migrants held in Omsk are to be deported next week.", "deportation")
    assert found and found[0]["certainty"] == "planned"


# --- a law that "went into effect" ---------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The new citizenship law went into effect on October 26, 2024.",
    "Russia's amended law on foreigners goes into effect on Friday.",
    "The law on the expulsion regime takes effect on Friday.",
])
def test_real2_a_law_going_into_effect_is_a_law(text: str) -> None:
    assert "law" in trigger_subtypes(text, "en")


@pytest.mark.parametrize("text", [
    "The bill would go into effect in January if senators approve it.",
    "The draft could go into effect next year, the deputy said.",
])
def test_real2_a_bill_that_would_go_into_effect_is_no_law(text: str) -> None:
    assert "law" not in trigger_subtypes(text, "en")


# --- the war a recruit is sent to is not where he was recruited -------------------------------


@pytest.mark.parametrize("text", [
    "Detained migrants were taken to an enlistment office where they were forced to sign contracts for deployment in Ukraine.",
    "Police brought the detained Uzbek workers to a recruitment centre and pressured them into contracts for deployment to Ukraine.",
    "Naturalized migrants held in the raids were sent to the frontlines in Ukraine after signing contracts.",
])
def test_real2_deployment_abroad_leaves_the_act_in_russia(text: str) -> None:
    found = [e for e in _events(text) if e["type"] in ("recruitment", "enforcement")]
    assert found and all(e["country"] == "RU" for e in found)


# --- an envoy invited to hear concerns, and an uptick in an act --------------------------------


@pytest.mark.parametrize("text", [
    "Tajikistan's Foreign Ministry invited Russia's ambassador on Monday to express concerns over the treatment of its citizens.",
    "The Kyrgyz Foreign Ministry called in the Russian envoy on Monday and expressed concern over the detentions.",
])
def test_real2_an_envoy_called_in_to_hear_concern_is_a_protest(text: str) -> None:
    assert "protest" in trigger_subtypes(text, "en")


def test_real2_concern_voiced_alone_is_no_protest() -> None:
    text = "The Tajik Foreign Ministry expressed concern over the treatment of its citizens on Monday."
    assert "protest" not in trigger_subtypes(text, "en")


@pytest.mark.parametrize("text", [
    "The ministry voiced concern about an uptick in denials of entry to its citizens.",
    "Activists reported an upswing in deportations of Central Asian workers.",
])
def test_real2_an_uptick_in_an_act_is_a_trend(text: str) -> None:
    assert not [e for e in _events(text) if e["subtype"] in ("entry_ban", "deportation")]


def test_real2_a_counted_denial_of_entry_is_still_an_act() -> None:
    assert _of("At least 40 Kyrgyz citizens were denied entry into Russia at Sheremetyevo on Monday.", "entry_ban")


# --- service offered in place of a sanction: a threat, not the sanction ------------------------


@pytest.mark.parametrize("text", [
    "At a building site near Moscow, undocumented migrants were offered an alternative to deportation: a contract with the Defence Ministry.",
    "Officers offered the men service instead of expulsion, a lawyer said on Monday.",
])
def test_real2_service_offered_in_place_of_a_sanction_is_coercion(text: str) -> None:
    found = trigger_subtypes(text, "en")
    assert "coercion" in found and not found & {"deportation", "contract_recruitment"}


@pytest.mark.parametrize("text", [
    "Migrants at the site were told to sign a contract or face deportation, activists said.",
    "Rights groups called for alternatives to detention for migrant families.",
])
def test_real2_the_sanction_offered_against_is_no_act(text: str) -> None:
    assert not trigger_subtypes(text, "en") & {"deportation", "detention"}


def test_real2_the_ministry_offering_courses_is_no_coercion() -> None:
    text = "The ministry offered migrants free language courses instead of deportation."
    assert "coercion" not in trigger_subtypes(text, "en")


@pytest.mark.parametrize("text", [
    "Police deported 20 Uzbek workers instead of fining them on Monday.",
    "A court in Omsk ordered the deportation of 12 Tajik migrants on Monday.",
])
def test_real2_a_deportation_is_still_found(text: str) -> None:
    assert "deportation" in trigger_subtypes(text, "en")


# --- a capital's account is the state's word, not a place ------------------------------------------


def test_real2_a_capitals_account_is_no_place_of_the_deaths() -> None:
    text = ("Baku said tests done in Azerbaijan contradict Moscow's account of the deaths of two detainees "
            "in Yekaterinburg on Friday.")
    found = [e for e in _events(text) if e["subtype"] == "death_in_custody"]
    assert found and found[0]["admin1"] == "RU-SVE"


def test_real2_a_capitals_district_is_still_a_place() -> None:
    found = _of("Police detained 60 Tajik migrants in Moscow's Lyublino district on Monday.", "detention")
    assert found and found[0]["admin1"] == "RU-MOW"


# --- an organisation's name is no person -------------------------------------------------------------


def test_real2_a_movement_against_illegal_immigration_is_no_person() -> None:
    found = _of("Russia's Supreme Court on Tuesday upheld a ban on the Movement Against Illegal Immigration.", "court_ruling")
    assert found and found[0]["persons"] == []


# --- a bill passed in its last readings is a law; an expulsion regime expels no one ---------------


@pytest.mark.parametrize("text", [
    "The State Duma on Tuesday approved in the second and third readings a bill introducing an expulsion regime for migrants.",
    "Lawmakers on Wednesday passed in all three readings a bill obliging naturalized citizens to register for military service.",
])
def test_real2_a_bill_passed_in_its_last_readings_is_a_law(text: str) -> None:
    found = trigger_subtypes(text, "en")
    assert "law" in found and "proposal" not in found


def test_real2_a_bill_passed_in_the_first_reading_is_still_a_proposal() -> None:
    found = trigger_subtypes("The State Duma on Tuesday passed in the first reading a bill on migrants.", "en")
    assert "proposal" in found and "law" not in found


@pytest.mark.parametrize("text", [
    "The law lists the restrictions for foreigners subject to the new expulsion regime.",
    "Some 770,000 migrants now live under the deportation regime, the ministry said.",
])
def test_real2_an_expulsion_regime_expels_no_one(text: str) -> None:
    assert "deportation" not in trigger_subtypes(text, "en")


# --- a town in a gathering's name is not where the acts told there happened ------------------------


def test_real2_a_forum_named_for_a_town_is_no_place_of_the_detentions() -> None:
    text = ("The head of the Investigative Committee told the St. Petersburg International Legal Forum on Monday "
            "that 9,000 migrants had been detained in raids across the country.")
    found = _of(text, "detention")
    assert found and found[0]["admin1"] is None and found[0]["place"] is None
    assert not any("Forum" in x or "Legal" in x for x in found[0]["persons"])


def test_real2_a_town_where_a_forum_met_is_still_a_place() -> None:
    found = _of("Police detained 30 Uzbek migrants in St. Petersburg on Monday.", "detention")
    assert found and found[0]["admin1"] == "RU-SPE"
