"""An act named as the topic of a protest or a law keeps its own date and is not told twice."""

from diaspora_watch.extract import extract_events
from dwtest import events


def _events(text: str, published: str) -> list[dict]:
    return events(text, "en", published)


def test_topics_the_arrest_a_protest_is_about_is_the_arrest_told_before():
    text = ("Ilham Guliyev, the head of an Azerbaijani community group in Samara, was detained by police on Monday.\n"
            "Azerbaijan's Foreign Ministry summoned the Russian ambassador on Wednesday over the arrest of Guliyev.")
    events = _events(text, "2025-09-18")
    detentions = [e for e in events if e["subtype"] == "detention"]
    assert [e["date"] for e in detentions] == ["2025-09-15"]
    assert len(detentions[0]["evidence"]) == 2
    assert [e["date"] for e in events if e["subtype"] == "protest"] == ["2025-09-17"]


def test_topics_a_date_after_the_act_noun_is_the_acts_own(dev_doc):
    # d-001: "The Russian side has expressed strong protest in connection with the raids on June 27, ..."
    raids = [e for e in extract_events(dev_doc("d-001")) if e["subtype"] == "raid"]
    assert [e["date"] for e in raids] == ["2025-06-27"]


def test_a_mention_referring_back_tells_no_new_day_for_a_dated_act():
    text = ("MOSCOW, Nov 19 (Wire) - Russian police detained 14 Uzbek migrants in a raid on a hostel in Kazan, "
            "the Interior Ministry said on Thursday.\n\nThe raid was the latest in a series of checks since "
            "the attack on a concert hall in March 2024.")
    raids = [e for e in _events(text, "2026-11-19") if e["subtype"] == "raid"]
    assert [e["date"] for e in raids] == ["2026-11-19"]


def test_background_killings_and_brawls_are_no_state_violence():
    text = ("Police detained more than 200 migrants in raids across Moscow on Monday after a mass brawl at a hostel "
            "in which two people were injured. The raids are the latest in a series of crackdowns since the attack "
            "on a concert hall, which killed 145 people.")
    events = _events(text, "2026-11-19")
    assert {e["subtype"] for e in events} == {"detention", "raid"}
    assert [e["count"] for e in events if e["subtype"] == "detention"] == [200]


def test_a_dateline_day_yields_to_the_day_the_sequel_tells():
    text = ("ALMATY, Nov 18 (Wire) - Kazakhstan has deported 42 Russian citizens who fled mobilisation, the "
            "migration service said on Wednesday.\n\nThe men were flown to Moscow on Tuesday after courts in "
            "Almaty and Astana found they had violated residence rules, the service said.")
    events = _events(text, "2026-11-19")
    assert [(e["subtype"], e["date"], e["country"], e["count"]) for e in events] == [("deportation", "2026-11-17", "KZ", 42)]
