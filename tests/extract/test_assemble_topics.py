"""An act named as the topic of a protest or a law keeps its own date and is not told twice."""

from diaspora_watch.extract import extract_events


def test_topics_a_date_after_the_act_noun_is_the_acts_own(dev_doc):
    # d-001: "The Russian side has expressed strong protest in connection with the raids on June 27, ..."
    raids = [e for e in extract_events(dev_doc("d-001")) if e["subtype"] == "raid"]
    assert [e["date"] for e in raids] == ["2025-06-27"]
