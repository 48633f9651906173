import pytest

from diaspora_watch.extract import hedges
from diaspora_watch.extract.matcher import tokenize



def _certainty(text: str, lang: str, subtype: str = "detention") -> str:
    return hedges.certainty(hedges.cues(tokenize(text, lang), lang), subtype)[0]


def test_hedges_planned_deportation(dev_sentence):
    assert _certainty(dev_sentence("seed-002", "preparing to deport"), "en", "deportation") == "planned"
    assert _certainty(dev_sentence("d-105", "в ближайшее время"), "ru", "deportation") == "planned"


def test_hedges_allegations(dev_sentence):
    assert _certainty(dev_sentence("d-025", "officials allegedly demanded"), "en") == "alleged"


def test_hedges_plain_report_and_proposals_are_reported(dev_sentence):
    assert _certainty(dev_sentence("d-035", "detained over 500 migrants"), "en") == "reported"
    assert _certainty("The ministry is preparing to submit a bill.", "en", "proposal") == "reported"


def test_hedges_generic_statements_block_every_trigger(dev_sentence):
    from diaspora_watch.extract import triggers

    s = dev_sentence("d-071", "carries a prison sentence")
    assert triggers.detect([tokenize(s, "en")], "en") == []
    assert triggers.detect([tokenize("Такое деяние наказывается лишением свободы, задержанных нет информации.", "ru")], "ru") == []


@pytest.mark.parametrize("lang,text", [
    ("en", "A Tajik migrant died in police custody in Tula, his relatives said, accusing officers of beating him."),
    ("ru", "Мигрант из Таджикистана умер в отделе полиции в Туле, родственники обвиняют полицейских в избиении."),
])
def test_a_charge_against_the_states_agents_is_alleged(lang, text):
    from dwtest import events

    assert {e["subtype"]: e["certainty"] for e in events(text, lang)}.get("violence") == "alleged"
