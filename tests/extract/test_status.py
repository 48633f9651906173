from diaspora_watch.extract import status
from diaspora_watch.extract.matcher import tokenize



def test_status_naturalized_and_migrants_are_mixed(dev_sentence):
    s = dev_sentence("d-035", "targeted naturalized citizens") + " " + dev_sentence("d-035", "detained over 500 migrants")
    assert status.decide(status.cues(tokenize(s, "en"), "en"), [], "RU", "raid")[0] == "mixed"


def test_status_citizens_of_another_state_are_foreign():
    assert status.decide([], ["KG"], "RU", "detention")[0] == "foreign"
    assert status.decide([], ["RU"], "RU", "detention")[0] == "citizen"


def test_status_revocation_defaults_to_naturalized():
    assert status.decide([], [], "RU", "citizenship_revocation")[0] == "naturalized"
    assert status.decide([], [], "RU", "raid")[0] == "unknown"


def test_status_a_state_speaking_for_its_citizens_speaks_of_people_abroad():
    assert status.decide([], ["KG"], "KG", "protest")[0] == "foreign"
    assert status.decide([], [], "KG", "protest")[0] == "unknown"
    assert status.decide([], [], "KG", "advisory")[0] == "foreign"


def test_status_main_status_of_a_document_needs_most_of_its_cues():
    toks = tokenize("Tajik migrants and more migrants and foreigners, citizens too.", "en")
    assert status.main_status(status.cues(toks, "en")) == "foreign"
    mixed = tokenize("migrants and naturalized citizens", "en")
    assert status.main_status(status.cues(mixed, "en")) is None
