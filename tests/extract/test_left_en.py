"""Classes of error left after the rounds on real English excerpts (never stored here): a date
inside a phrase telling what the act followed ("after the ministry on Sunday cancelled ...",
"following the attack last month"), a demonym on a document the people hold ("had Russian
passports", "naturalized Russian citizens"), an entry ban counted apart beside a deportation
("65,000 deported and 120,000 not allowed to enter"), and a later act in another town or on another named person that must not
fold into an earlier one placed nowhere.

Every sentence is invented in those shapes; each class has hits and near misses."""

import pytest
from dwtest import event_of, events, trigger_subtypes

PUB = "2025-03-12"  # a Wednesday


# --- a date in what the act followed is that earlier act's ----------------------------------------


@pytest.mark.parametrize(("text", "subtype"), [
    ("Police raided a concert hall in Moscow after the culture ministry on Sunday cancelled a show by a Tajik singer.", "raid"),
    ("Tajikistan advised its citizens to postpone trips to Russia following the attack on a concert venue last month.", "advisory"),
    ("Officers searched a migrant hostel in Kazan in the wake of a brawl at a market on Monday.", "raid"),
])
def test_left_a_date_of_what_the_act_followed_is_not_its_own(text: str, subtype: str) -> None:
    assert event_of(text, subtype, published=PUB)["date"] == "2025-03"


@pytest.mark.parametrize(("text", "subtype", "date"), [
    # the act's own day before the phrase stays
    ("Police raided a market in Kazan on Monday after a brawl on Sunday.", "raid", "2025-03-10"),
    # an act of ours in the phrase is the episode told: its day dates the sentence
    ("Twelve Uzbek migrants were detained after a raid on a hostel in Kazan on Monday.", "detention", "2025-03-10"),
    # a comma ends the phrase: what comes after it may date the act
    ("Police raided a hostel in Kazan after complaints from residents, detaining 20 migrants on Monday.", "raid", "2025-03-10"),
])
def test_left_own_days_and_episodes_still_date_the_act(text: str, subtype: str, date: str) -> None:
    assert event_of(text, subtype, published=PUB)["date"] == date


# --- a passport or a citizenship held is a status, not a group ------------------------------------


@pytest.mark.parametrize("text", [
    "Police detained 14 migrants who had Russian passports at a market in Samara on Friday.",
    "Two men holding Russian passports were detained in a raid in Yekaterinburg on Friday.",
    "Police detained nine naturalized migrants with Russian citizenship in Tver on Friday.",
    # a citizenship acquired, told in the next sentence of the same act
    "Police detained 300 migrants in a raid on a hostel in Omsk on Friday. Officials said 25 newly naturalized "
    "Russian citizens were among those detained.",
    "Officers detained 60 people at a market in Tver on Friday. Most of them were naturalized Russians.",
])
def test_left_a_document_held_names_no_group(text: str) -> None:
    assert "RU" not in event_of(text, "detention", published=PUB)["group"]


@pytest.mark.parametrize(("text", "group"), [
    ("Police detained 12 Russians in Bishkek on Friday.", ["RU"]),
    ("Police detained six Russian passport holders at the border on Friday.", ["RU"]),
    ("Police detained eight Tajik migrants holding Russian passports in Samara on Friday.", ["TJ"]),
    ("Police detained five naturalized Russian citizens of Uzbek origin in Samara on Friday.", ["UZ"]),
])
def test_left_people_named_by_origin_keep_their_group(text: str, group: list[str]) -> None:
    assert event_of(text, "detention", published=PUB)["group"] == group


# --- an entry ban counted apart beside a deportation ----------------------------------------------


@pytest.mark.parametrize(("text", "count"), [
    ("About 48,000 foreigners were deported and 95,000 were not allowed to enter Russia last year, the ministry said.", 95000),
    ("Around 2,000 migrants were expelled in 2024, while another 30,000 were denied entry at the border.", 30000),
    ("Some 700 people were deported and 1,200 had been barred from entering the country, officials said.", 1200),
])
def test_left_an_entry_ban_counted_apart_is_its_own_act(text: str, count: int) -> None:
    evs = events(text, published=PUB)
    assert {e["subtype"] for e in evs} >= {"deportation", "entry_ban"}
    assert next(e for e in evs if e["subtype"] == "entry_ban")["count"] == count


@pytest.mark.parametrize("text", [
    "The court ordered him deported and banned from entering Russia for five years.",
    "Two Tajiks were deported and barred from re-entering the country.",
    "A Kyrgyz citizen was deported and refused entry for ten years.",
])
def test_left_a_ban_on_the_deported_themselves_is_the_deportation(text: str) -> None:
    assert "entry_ban" not in trigger_subtypes(text, "en")


# --- a later act elsewhere, or on someone else, is not the first told -----------------------------


def test_left_a_later_detention_in_another_town_is_another_act() -> None:
    evs = [e for e in events("Border guards detained a Kyrgyz citizen at the airport. Days later, police in Tver "
                             "detained a Kyrgyz migrant.", published=PUB) if e["subtype"] == "detention"]
    assert len(evs) == 2
    assert evs[0]["admin1"] is None and evs[1]["admin1"] == "RU-TVE"


def test_left_two_named_people_detained_are_two_acts() -> None:
    evs = [e for e in events("Rustam Karimov was detained last week. Police in Omsk detained Uzbek migrant "
                             "Bahodir Yusupov.", published=PUB) if e["subtype"] == "detention"]
    assert [e["persons"] for e in evs] == [["Rustam Karimov"], ["Bahodir Yusupov"]]
    assert evs[0]["admin1"] is None


@pytest.mark.parametrize(("text", "subtype"), [
    # the same man named again, by surname
    ("Rustam Karimov, a Tajik citizen, was detained in Omsk on Monday. Karimov was detained as he left work, his lawyer said.",
     "detention"),
    # a death told as a topic, then dated two days on: the same death
    ("Dushanbe protested on Tuesday over the death of a Tajik man in custody in Omsk. Rustam Karimov was detained "
     "in Omsk on March 3. He died in a detention centre two days later.", "death_in_custody"),
])
def test_left_one_act_retold_stays_one(text: str, subtype: str) -> None:
    assert [e["subtype"] for e in events(text, published=PUB)].count(subtype) == 1


# --- an act in a relative clause on a topic act takes that act's time and place --------------------


@pytest.mark.parametrize(("text", "subtype"), [
    ("Baku summoned the Russian envoy on Monday over a raid in Yekaterinburg last week, which resulted in the "
     "deaths of two Azerbaijani brothers.", "death_in_custody"),
    ("Tashkent protested over a police raid on a hostel in Kazan on Tuesday, which led to the detention of 40 Uzbek "
     "citizens.", "detention"),
])
def test_left_an_act_in_a_clause_on_a_topic_act_takes_its_place(text: str, subtype: str) -> None:
    ev = event_of(text, subtype, published=PUB)
    assert ev["country"] == "RU" and ev["admin1"] in ("RU-SVE", "RU-TA")


def test_left_the_summons_day_stays_the_summons() -> None:
    text = ("Baku summoned the Russian envoy on Monday over a raid in Yekaterinburg, which resulted in the deaths "
            "of two Azerbaijani brothers.")
    assert event_of(text, "death_in_custody", published=PUB)["date"] == "2025-03"
