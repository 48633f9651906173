"""Dates as English and Russian copy writes them: wire abbreviations with a full stop ("Nov. 12",
"Sept. 30"), ordinals ("November 3rd", "3-го ноября"), "last night", spans of days. Invented sentences,
published on Thursday 19 November 2026."""

import pytest

from dwtest import events

CASES = [
    ("en", "A court in Bishkek on Nov. 12 sentenced a Kyrgyz man to five years for mercenarism.", "2026-11-12"),
    ("en", "Police detained 14 Uzbek migrants in Kazan on Oct. 15, 2026.", "2026-10-15"),
    ("en", "Police detained 14 Uzbek migrants in Kazan on Sept. 30.", "2026-09-30"),
    ("en", "Police detained 14 Uzbek migrants in Kazan on November 3rd.", "2026-11-03"),
    ("en", "Police detained 14 Uzbek migrants in Kazan on the 2nd of November.", "2026-11-02"),
    ("en", "Police detained 14 Uzbek migrants in Kazan last night.", "2026-11-18"),
    ("ru", "Полиция задержала 14 граждан Узбекистана в Казани 3-го ноября.", "2026-11-03"),
    # a span of days is dated at the finest precision holding it (codebook)
    ("en", "Police detained 14 Uzbek migrants in Kazan on Monday and Tuesday.", "2026-11"),
    ("en", "Police checked the documents of 300 migrants in Kazan on November 16 and 17.", "2026-11"),
    ("en", "Police detained 14 Uzbek migrants in Kazan on Monday and released them on Tuesday.", "2026-11-16"),
    ("ru", "Полиция проверила документы у 300 мигрантов в Казани с 16 по 18 ноября.", "2026-11"),
]


@pytest.mark.parametrize("lang,text,date", CASES)
def test_dates_as_copy_writes_them(lang, text, date):
    assert [e["date"] for e in events(text, lang)] == [date]


def test_a_month_abbreviation_ends_no_sentence():
    from diaspora_watch.extract.sentences import split

    assert len(split("Police detained him on Nov. 12 in Kazan. He was released.")) == 2
