"""How outlets date an act, resolved against a Thursday publication (2025-03-13): invented sentences."""

import pytest

from diaspora_watch.document import Document
from diaspora_watch.extract import extract_events

PUBLISHED = "2025-03-13"


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("ru", "Позавчера полицейские задержали 40 мигрантов.", "2025-03-11"),
    ("en", "Police detained 40 migrants the day before yesterday.", "2025-03-11"),
    ("ru", "Прошлой осенью полицейские задержали 40 мигрантов.", "2024"),
    ("en", "Police detained 40 migrants last summer.", "2024"),
    ("ru", "Осенью полицейские задержали 40 мигрантов.", "2024"),
    ("en", "In mid-February, police detained 40 migrants.", "2025-02"),
    ("ru", "В ночь на 12 марта полицейские задержали 40 мигрантов.", "2025-03-12"),
    ("ru", "В минувший вторник полицейские задержали 40 мигрантов.", "2025-03-11"),
    ("en", "Police detained 40 migrants last Friday.", "2025-03-07"),
    ("en", "Late last month, police detained 40 migrants.", "2025-02"),
    ("ru", "В декабре полицейские задержали 40 мигрантов.", "2024-12"),
])
def test_dates_bank_resolves_against_the_publication_day(lang, text, want):
    events = extract_events(Document(doc_id="t", text=text, published=PUBLISHED, language=lang, collected="2026-12-01"))
    assert [e["date"] for e in events if e["subtype"] == "detention"] == [want]
