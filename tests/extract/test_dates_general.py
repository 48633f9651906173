"""Date rules beyond one outlet's phrasing: invented texts through dates and the whole extractor."""

from diaspora_watch.document import Document
from diaspora_watch.extract import dates, extract_events
from diaspora_watch.extract.matcher import tokenize


def _resolved(text: str, lang: str, published: str) -> list[str | None]:
    ms = dates.find(text, tokenize(text, lang), lang)
    a = dates.Anchor.parse(published)
    return [dates.resolve(m, a) for m in ms if not m.ignored]


def _dates(text: str, lang: str, published: str, subtype: str) -> list[str]:
    doc = Document(doc_id="t", text=text, language=lang, published=published, collected="2026-12-01")
    return [e["date"] for e in extract_events(doc) if e["subtype"] == subtype]


def test_dates_month_without_year_is_the_latest_before_publication():
    assert _resolved("Police detained him in May.", "en", "2025-07-02") == ["2025-05"]
    assert _resolved("Police detained him in May.", "en", "2025-03-02") == ["2024-05"]
    assert _resolved("Его задержали в мае.", "ru", "2025-03-02") == ["2024-05"]


def test_dates_modal_may_is_no_month():
    assert _resolved("Migrants may be deported.", "en", "2025-07-02") == []


def test_dates_period_statistics_date_to_the_period_end():
    assert _resolved("In the first quarter of 2024 it cancelled 900 permits.", "en", "2024-05-10") == ["2024-03"]
    assert _resolved("За девять месяцев текущего года выдворили 500 человек.", "ru", "2024-11") == ["2024-09"]
    assert _resolved("In the third quarter, 40 were expelled.", "en", "2024-02") == ["2023-09"]


def test_dates_last_month_is_the_previous_month():
    assert _resolved("В прошлом месяце их задержали.", "ru", "2025-01") == ["2024-12"]


def test_dates_weekday_beats_a_wire_dateline():
    text = "MOSCOW, Dec 20 (Agency) - Police detained 30 migrants at a market in Moscow on Thursday."
    assert _dates(text, "en", "2024-12-20", "detention") == ["2024-12-19"]


def test_dates_same_day_takes_the_date_of_the_act_just_told():
    text = ("Police detained 30 migrants at a market in Moscow on 3 March. "
            "The same day, a court in Moscow ordered the deportation of 12 of them.")
    assert _dates(text, "en", "2025-03-10", "deportation") == ["2025-03-03"]


def test_dates_named_day_beats_a_later_offset():
    text = ("Police detained 30 migrants at a market in Moscow on 3 March. "
            "A day later, on Tuesday, a court in Moscow ordered the deportation of 12 of them.")
    assert _dates(text, "en", "2025-03-07", "deportation") == ["2025-03-04"]


def test_dates_year_in_a_relative_clause_does_not_date_the_act():
    text = "Police in Moscow on Thursday detained a man who arrived in 2019 with a passport he had received in 2011."
    assert _dates(text, "en", "2025-03-07", "detention") == ["2025-03-06"]


def test_advice_texts_in_the_second_person_yield_no_events():
    en = ("What to do if you are detained. If police detain you, ask for a lawyer. "
          "Do not sign any documents. If you are deported, contact the embassy.")
    ru = ("Что делать, если вас задержали. Если вас задержала полиция, требуйте адвоката. "
          "Не подписывайте документы. Если вас депортируют, обратитесь в посольство.")
    for lang, text in (("en", en), ("ru", ru)):
        doc = Document(doc_id="t", text=text, language=lang, published="2025-03-07", collected="2026-12-01")
        assert extract_events(doc) == []
