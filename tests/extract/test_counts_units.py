"""Counts of documents held one per person (patents, permits, passports) count the people."""

import pytest

from diaspora_watch.extract import counts
from diaspora_watch.extract.matcher import tokenize


@pytest.mark.parametrize(("text", "lang", "want"), [
    ("The ministry cancelled more than 8,000 work patents in March.", "en", (8000, "at_least")),
    ("Управление аннулировало 47 патентов иностранцев.", "ru", (47, "exact")),
    ("Officials revoked 300 residence permits last year.", "en", (300, "exact")),
])
def test_counts_documents_held_one_per_person_count_their_holders(text, lang, want):
    assert [(c.value, c.qualifier) for c in counts.find(text, tokenize(text, lang), lang)] == [want]


def test_counts_other_things_still_do_not_count():
    text = "Police searched 12 warehouses in the district."
    assert counts.find(text, tokenize(text, "en"), "en") == []
