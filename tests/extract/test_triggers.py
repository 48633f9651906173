from diaspora_watch.extract import triggers
from diaspora_watch.extract.matcher import tokenize
from diaspora_watch.extract.sentences import split



def _subtypes(text: str, lang: str) -> set[str]:
    return {t.subtype for t in triggers.detect([tokenize(text, lang)], lang)}


def test_triggers_russian_matches_inflected_forms_by_lemma(dev_sentence):
    s = dev_sentence("d-013", "ФСБ провела обыск")
    assert "raid" in _subtypes(s, "ru")
    assert {"death_in_custody", "detention"} <= _subtypes(dev_sentence("d-013", "В ходе обыска были убиты"), "ru")


def test_triggers_hypothetical_deportation_is_no_event(dev_sentence):
    s = dev_sentence("d-026", "they would be deported")
    assert "deportation" not in _subtypes(s, "en")
    assert "coercion" in _subtypes(s, "en")


def test_triggers_proposal_to_revoke_is_not_a_revocation(dev_sentence):
    s = dev_sentence("d-020", "поддержало проект закона")
    assert _subtypes(s, "ru") == {"proposal"}


def test_triggers_deaths_need_an_enforcement_context(dev_sentence):
    assert "death_in_custody" not in _subtypes(dev_sentence("d-028", "have been killed in Ukraine"), "en")


def test_triggers_unrelated_documents_have_none(dev_doc):
    for doc_id in ("n-01", "n-02"):
        d = dev_doc(doc_id)
        sents = [tokenize(s.text, d.language) for s in split(d.text)]
        assert triggers.detect(sents, d.language) == []


def test_triggers_every_subtype_has_a_type():
    assert len(triggers.subtypes()) == 21
