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


def test_dates_a_numeric_date_equal_to_publication_is_a_page_stamp():
    a = dates.Anchor(2025, 12, 19)
    text = "date 2025-12-19 Minister said"
    ms = dates.find(text, tokenize(text, "en"), "en")
    assert [dates.stamp(m, a) for m in ms] == [True]
    other = "on 2025-12-01 police detained"
    assert not any(dates.stamp(m, a) for m in dates.find(other, tokenize(other, "en"), "en"))


def test_dates_numeric_dates_belong_to_their_own_sentence():
    text = "Police came. It was 12.10.2024 then."
    toks = tokenize(text, "en")
    assert dates.find(text, toks[:2], "en") == []  # the first sentence has no date of its own
    assert [m.text for m in dates.find(text, toks[2:], "en")] == ["12.10.2024"]


def test_dates_a_date_carried_from_the_sentence_before_gives_only_its_month(dev_doc):
    from diaspora_watch.extract import extract_events

    # d-106's deportation sentence has no date; the sentence before gives July 4: only the month holds.
    by = {e["subtype"]: e for e in extract_events(dev_doc("d-106"))}
    assert len(by["deportation"]["date"]) == 7
