from diaspora_watch.extract import dates
from diaspora_watch.extract.matcher import tokenize



def _resolved(text: str, lang: str, published: str) -> list[str | None]:
    ms = dates.find(text, tokenize(text, lang), lang)
    a = dates.Anchor.parse(published)
    return [dates.resolve(m, a) for m in ms if not m.ignored]


def test_dates_weekday_resolves_to_the_latest_such_day_before_publication(dev_sentence):
    s = dev_sentence("d-016", "On Monday, the Azerbaijani Interior Ministry")
    assert _resolved(s, "en", "2025-07-01") == ["2025-06-30"]


def test_dates_weekday_only_gives_the_month_when_published_has_no_day(dev_sentence):
    s = dev_sentence("d-016", "On Monday, the Azerbaijani Interior Ministry")
    assert _resolved(s, "en", "2025-07") == ["2025-07"]


def test_dates_russian_genitive_and_locative_months_by_lemma(dev_sentence):
    s = dev_sentence("d-098", "в мае 2024 года")
    assert "2024-05" in _resolved(s, "ru", "2024-10")
    s = dev_sentence("d-013", "Утром 27 июня")
    assert _resolved(s, "ru", "2025-06") == ["2025-06-27"]


def test_dates_last_december_is_the_previous_year(dev_sentence):
    s = dev_sentence("seed-001", "last December")
    assert "2024-12" in _resolved(s, "en", "2025-07-02")


def test_dates_until_is_not_when_it_happened(dev_sentence):
    s = dev_sentence("d-091", "until at least May 22")
    assert _resolved(s, "en", "2024-03") == ["2024-03-24"]


def test_dates_anchor_falls_back_to_latest_text_date_then_collected():
    ms = [dates.DateMention(0, 1, "x", "absolute", 2025, 10, 12), dates.DateMention(0, 1, "y", "absolute", 2018)]
    assert dates.anchor_for("", ms, "2026-12-01") == dates.Anchor(2025, 10, 12)
    assert dates.anchor_for("", [], "2026-12-01") == dates.Anchor(2026, 12, 1, weak=True)
