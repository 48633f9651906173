"""Counts: documents held one per person count their holders; number words, halves, dozens, qualifiers."""

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


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("ru", "Задержали полторы тысячи иностранцев.", (1500, "exact")),
    ("ru", "Порядка 300 мигрантов проверили полицейские.", (300, "about")),
    ("ru", "Задержаны двадцать пять граждан Киргизии.", (25, "exact")),
    ("ru", "Задержаны 143 нарушителя миграционного законодательства.", (143, "exact")),
    ("en", "More than a thousand foreigners were checked.", (1000, "at_least")),
    ("en", "Police detained two dozen Uzbek workers.", (24, "exact")),
    ("en", "Officers detained a dozen Tajik migrants.", (12, "exact")),
    ("en", "Up to 50 migrants were detained.", (50, "about")),
    ("en", "Twenty-five migrants were deported.", (25, "exact")),
    ("en", "Fourteen naturalized men were handed summonses.", (14, "exact")),
])
def test_counts_number_words_halves_dozens_and_qualifiers(lang, text, want):
    assert [(c.value, c.qualifier) for c in counts.find(text, tokenize(text, lang), lang)][:1] == [want]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Dozens of migrants were detained."),
    ("en", "Hundreds of migrants were detained."),
    ("ru", "Задержаны десятки мигрантов."),
    ("ru", "Он провёл под стражей полтора года."),
])
def test_counts_vague_amounts_and_bare_halves_count_nothing(lang, text):
    assert counts.find(text, tokenize(text, lang), lang) == []


@pytest.mark.parametrize("lang,text,subtype,count", [
    ("en", "The number of migrants detained in Moscow reached 5,200 this year, police said.", "detention", 5200),
    ("en", "The total number of people stripped of citizenship stood at 1,840 by October.", "citizenship_revocation", 1840),
    ("ru", "Количество лишённых гражданства мигрантов с начала года составило 1200 человек.", "citizenship_revocation", 1200),
])
def test_a_total_of_people_counts_them(lang, text, subtype, count):
    from dwtest import event_of

    assert event_of(text, subtype, lang)["count"] == count
