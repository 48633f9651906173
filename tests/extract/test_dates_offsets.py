"""Dates told relative to another act: day offsets, clauses that date another act, carry-over,
statistics told on a later day. Real dev documents where the dev set has the case; invented
sentences otherwise."""

from diaspora_watch.document import Document
from diaspora_watch.extract import dates, extract_events
from diaspora_watch.extract.matcher import tokenize


def _dates(text: str, lang: str, published: str, subtype: str) -> list[str]:
    doc = Document(doc_id="t", text=text, language=lang, published=published, collected="2026-12-01")
    return [e["date"] for e in extract_events(doc) if e["subtype"] == subtype]


def _mentions(text: str, lang: str) -> list[dates.DateMention]:
    return dates.find(text, tokenize(text, lang), lang)


DETAINED_EN = "Police detained 30 migrants at a market in Moscow on 3 March. "
DETAINED_RU = "Полиция задержала 30 мигрантов на рынке в Москве 3 марта. "


def test_offsets_counted_days_move_the_day_told_before():
    assert _dates(DETAINED_EN + "Two days later a court ordered the deportation of 12 of them.",
                  "en", "2025-03-10", "deportation") == ["2025-03-05"]
    assert _dates(DETAINED_EN + "The next day a court ordered the deportation of 12 of them.",
                  "en", "2025-03-10", "deportation") == ["2025-03-04"]
    assert _dates(DETAINED_RU + "Через два дня суд постановил выдворить 12 из них.", "ru", "2025-03-10", "deportation") == ["2025-03-05"]
    assert _dates(DETAINED_RU + "Спустя три дня суд постановил выдворить 12 из них.", "ru", "2025-03-10", "deportation") == ["2025-03-06"]
    assert _dates(DETAINED_RU + "На следующий день суд постановил выдворить 12 из них.", "ru", "2025-03-10", "deportation") == ["2025-03-04"]


def test_offsets_loose_ones_keep_the_month():
    assert _dates(DETAINED_EN + "Weeks later a court ordered the deportation of 12 of them.",
                  "en", "2025-03-20", "deportation") == ["2025-03"]
    assert _dates(DETAINED_EN + "A few days later a court ordered the deportation of 12 of them.",
                  "en", "2025-03-20", "deportation") == ["2025-03"]


def test_offsets_past_the_publication_day_keep_the_month():
    # the only day before is the dateline itself: "two days later" cannot be after publication
    text = "MOSCOW, March 3 (Agency) - Police detained 30 migrants. Two days later a court ordered their deportation."
    assert _dates(text, "en", "2025-03-03", "deportation") == ["2025-03"]


def test_offsets_backward_count_from_the_day_of_the_sentence():
    text = "В пятницу в изоляторе в Омске умер уроженец Киргизии, задержанный тремя днями ранее."
    assert _dates(text, "ru", "2024-05-20", "death_in_custody") == ["2024-05-17"]
    assert _dates(text, "ru", "2024-05-20", "detention") == ["2024-05-14"]


def test_offsets_the_day_before_counts_from_the_day_told_and_not_from_itself(dev_doc):
    # d-001 (published 2025-06): "On June 28, ... summoned ... which happened the day before" and,
    # two paragraphs on, "the day before in Yekaterinburg, law enforcement agencies detained ...":
    # both are June 27, not June 27 and then June 26
    by = {e["subtype"]: e["date"] for e in extract_events(dev_doc("d-001"))}
    assert by["detention"] == "2025-06-27"
    ms = [m for m in _mentions(dev_doc("d-001").text, "en") if m.kind == "offset"]
    assert [m.shift for m in ms] == [-1, -1]


def test_offsets_nakanune_counts_from_the_weekday_told_before():
    text = "В пятницу суд в Твери постановил выдворить пятерых иностранцев, задержанных накануне на складе."
    assert _dates(text, "ru", "2024-05-20", "deportation") == ["2024-05-17"]
    assert _dates(text, "ru", "2024-05-20", "detention") == ["2024-05-16"]


def test_offsets_with_nothing_told_before_count_from_the_anchor():
    assert _dates("Накануне полиция задержала 30 мигрантов в Москве.", "ru", "2025-03-13", "detention") == ["2025-03-12"]
    assert _dates("Police detained 30 migrants in Moscow three days ago.", "en", "2025-03-13", "detention") == ["2025-03-10"]


def test_offsets_from_a_named_act_date_that_act_back_from_the_day_given():
    text = "On 14 May, a court in Omsk ordered the deportation of a Kyrgyz worker three days after his arrest on suspicion of fraud."
    assert _dates(text, "en", "2024-05-20", "criminal_case") == ["2024-05-11"]
    assert _dates(text, "en", "2024-05-20", "deportation") == ["2024-05-14"]
    obj = [m for m in _mentions(text, "en") if m.kind == "offset"]
    assert [(m.shift, m.object) for m in obj] == [(3, True)]


def test_offsets_on_the_eve_of_something_is_no_day_offset():
    (m,) = [m for m in _mentions("Накануне визита полиция задержала 30 мигрантов.", "ru") if m.kind == "offset"]
    assert m.object
    (m,) = [m for m in _mentions("Накануне полиция задержала 30 мигрантов.", "ru") if m.kind == "offset"]
    assert not m.object


def test_offsets_a_named_day_beside_the_offset_wins_but_not_a_year_elsewhere():
    text = (DETAINED_EN + "The same day, a court in Bishkek jailed a Kyrgyz man for six years "
            "for fighting for Russian forces in Ukraine in 2023.")
    assert _dates(text, "en", "2025-03-10", "prosecution_for_service") == ["2025-03-03"]


def test_clauses_a_year_in_a_clause_on_another_word_dates_that_clause():
    text = ("Police in Omsk detained Aliyev on 2 May. On Friday, the regional police annulled the "
            "Russian passport that he had been issued in 2016.")
    assert _dates(text, "en", "2024-05-20", "citizenship_revocation") == ["2024-05-17"]
    text = "В пятницу полиция аннулировала паспорт Алиева, выданный ему в 2016 году."
    assert _dates(text, "ru", "2024-05-20", "citizenship_revocation") == ["2024-05-17"]
    text = "Алиев, который приехал в Россию в 2016 году, был задержан в Омске."
    assert _dates(text, "ru", "2024-05-20", "detention") == ["2024-05"]


def test_clauses_a_day_in_a_clause_is_the_same_episode(dev_doc):
    # seed-003: "investigate the deaths and injuries of Azerbaijanis who suffered on June 27"
    by = {e["subtype"]: e["date"] for e in extract_events(dev_doc("seed-003"))}
    assert by["death_in_custody"] == "2025-06-27"


def test_agentive_by_does_not_make_a_date_a_deadline():
    assert [m.ignored for m in _mentions("He was detained by police on Monday.", "en")] == [False]
    assert [m.ignored for m in _mentions("They must leave by May 22.", "en")] == [True]
    assert [m.ignored for m in _mentions("They may stay until the end of May.", "en")] == [True]
    assert [m.ignored for m in _mentions("Они могут оставаться до конца мая.", "ru")] == [True]


def test_carry_keeps_the_day_within_one_episode(dev_doc):
    # d-088: "28 июня в следственном управлении СК ... сообщили ... Под стражу заключены восемь обвиняемых."
    by = {e["subtype"]: e["date"] for e in extract_events(dev_doc("d-088"))}
    assert by["detention"] == "2025-06-28"
    # d-013: "Утром 27 июня ... ФСБ провела обыск ... В ходе обыска ... задержаны еще несколько человек."
    by = {e["subtype"]: e["date"] for e in extract_events(dev_doc("d-013"))}
    assert by["detention"] == "2025-06-27"


def test_carry_gives_only_the_month_to_an_act_that_followed(dev_doc):
    # d-092: "инцидент произошел 11 апреля ... В связи с этим событием ... посол ... был вызван в МИД"
    by = {e["subtype"]: e["date"] for e in extract_events(dev_doc("d-092"))}
    assert by["protest"] == "2025-04"
    text = "Police raided a warehouse in Tver on Friday. Then a court ordered the deportation of five migrants."
    assert _dates(text, "en", "2024-05-20", "deportation") == ["2024-05"]
    text = "Police raided a warehouse in Tver on Friday. A court ordered the deportation of five migrants."
    assert _dates(text, "en", "2024-05-20", "deportation") == ["2024-05-17"]


def test_topic_of_another_act_does_not_take_its_day():
    text = "On Friday Kyrgyzstan's Foreign Ministry sent a note of protest to Moscow over the detention of its citizens in Omsk."
    assert _dates(text, "en", "2024-05-20", "protest") == ["2024-05-17"]
    assert _dates(text, "en", "2024-05-20", "detention") in ([], ["2024-05"])


def test_statistics_take_the_announcement_day_single_acts_their_own():
    text = "Officials said on Friday that in April the courts had stripped 312 people of citizenship."
    assert _dates(text, "en", "2024-05-20", "citizenship_revocation") == ["2024-05-17"]
    text = "Officials said on Friday that police had detained Rustam Aliyev in April."
    assert _dates(text, "en", "2024-05-20", "detention") == ["2024-04"]


def test_in_the_same_statement_is_the_statement_day():
    text = ("The Kyrgyz embassy on Friday urged citizens to carry their documents at all times. In the same "
            "statement, it said that 75 Kyrgyz citizens had been refused entry at Russian airports this month.")
    assert _dates(text, "en", "2024-05-20", "entry_ban") == ["2024-05-17"]


def test_today_is_the_publication_day_when_it_has_one():
    text = "Суд в Оше сегодня приговорил местного жителя к пяти годам за участие в боевых действиях на Украине."
    assert _dates(text, "ru", "2024-05-20", "prosecution_for_service") == ["2024-05-20"]
    assert _dates(text, "ru", "2024-05", "prosecution_for_service") == ["2024-05"]


def test_a_carried_date_is_the_day_before_a_weekday_the_month_cannot_place():
    """A bulletin dated only by its month: the next sentence's act took the day told before it,
    not the weekday that month cannot place."""
    from dwtest import events

    text = ("On 8 November, police checked the documents of about 300 worshippers as they left Friday "
            "prayers at a mosque in Kazan. At least 40 men were taken to police stations.")
    assert {e["subtype"]: e["date"] for e in events(text, "en", "2024-11")}.get("detention") == "2024-11-08"
