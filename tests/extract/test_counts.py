from diaspora_watch.extract import counts
from diaspora_watch.extract.matcher import tokenize



def _counts(text: str, lang: str) -> list[tuple[int, str]]:
    return [(c.value, c.qualifier) for c in counts.find(text, tokenize(text, lang), lang)]


def test_counts_over_gives_at_least(dev_sentence):
    assert (500, "at_least") in _counts(dev_sentence("d-035", "detained over 500 migrants"), "en")


def test_counts_russian_bare_thousand_with_about(dev_sentence):
    assert _counts(dev_sentence("d-063", "около тысячи"), "ru") == [(1000, "about")]


def test_counts_russian_decimal_thousands(dev_sentence):
    assert (39500, "exact") in _counts(dev_sentence("d-063", "39,5 тыс."), "ru")


def test_counts_ignore_ages_money_and_durations(dev_sentence):
    assert _counts(dev_sentence("d-025", "30-year-old"), "en") == []
    assert _counts(dev_sentence("d-028", "180,000 rubles"), "en") == []


def test_counts_best_prefers_the_fullest_firm_figure():
    c = [counts.Count(0, 0, "", 9, "exact"), counts.Count(0, 0, "", 50, "at_least"), counts.Count(0, 0, "", 3000, "about")]
    assert counts.best(c).value == 50
