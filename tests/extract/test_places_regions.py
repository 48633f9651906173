"""Russian regions in every case a sentence puts them in, and places below the town (airports, districts)."""

from __future__ import annotations

import pytest

from diaspora_watch.extract import morph
from diaspora_watch.extract.gazetteer import read_tsv, split_list
from diaspora_watch.extract.places import find_places

REGION_COLUMNS = ["code", "geonames", "kind", "en_stems", "en_names", "ru_names"]
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def _reading(word: str, last: bool):
    """pymorphy3's nominative reading of one word of a name: an adjective before the noun
    ("Тверская область"), else a noun; None for words it cannot inflect (Марий Эл)."""
    if not morph.analyzer().word_is_known(word.lower()):
        return None
    reads = [r for r in morph.analyzer().parse(word.lower()) if r.tag.case == "nomn" and r.tag.POS in ("NOUN", "ADJF")]
    if not last:
        reads.sort(key=lambda r: r.tag.POS != "ADJF")
    return reads[0] if reads else None


def _capitalized(form: str, model: str) -> str:
    parts = [p[:1].upper() + p[1:] if m[:1].isupper() else p for p, m in zip(form.split("-"), model.split("-"), strict=False)]
    return "-".join(parts)


def inflect(name: str, case: str) -> str | None:
    """``name`` in ``case`` as a writer would put it: the words up to the head noun agree, the
    rest stays as it is ("в Республике Татарстан"). None when a word of it cannot be inflected."""
    words, out = name.split(" "), []
    for n, word in enumerate(words):
        if not word[:1].isalpha() or word.isupper():
            out.append(word)
            continue
        reading = _reading(word, n == len(words) - 1)
        if reading is None:
            return None if case != "nomn" else name
        form = reading.inflect({case})
        if form is None or form.word.count("-") != word.count("-"):
            return None
        out.append(_capitalized(form.word, word))
        if reading.tag.POS == "NOUN":
            return " ".join(out + words[n + 1 :])
    return " ".join(out)


def russian_regions() -> list[tuple[str, str]]:
    rows = read_tsv("regions.tsv", REGION_COLUMNS)
    return [(r["code"], name) for r in rows if r["code"].startswith("RU-") for name in split_list(r["ru_names"])]


def test_every_russian_region_name_is_found_in_every_case() -> None:
    missed, tried = [], 0
    for code, name in russian_regions():
        for case in CASES:
            form = inflect(name, case)
            if form is None:
                continue
            tried += 1
            found = [p.admin1 for p in find_places(f"Это произошло, как сообщает ведомство, {form} на прошлой неделе.", "ru")]
            if found != [code]:
                missed.append((code, case, form, found))
    assert tried > 600
    assert missed == []


@pytest.mark.parametrize(("text", "code"), [
    ("Задержания прошли в Тверской области.", "RU-TVE"),
    ("Об этом сообщили в ГУ МВД по Самарской области.", "RU-SAM"),
    ("Управление по Ханты-Мансийскому автономному округу", "RU-KHM"),
    ("Рейды прошли на Брянщине.", "RU-BRY"),
])
def test_forms_pymorphy_lemmatizes_apart_from_the_name(text: str, code: str) -> None:
    assert [p.admin1 for p in find_places(text, "ru")] == [code]


def test_inflection_keys_do_not_turn_surnames_or_districts_into_towns() -> None:
    assert find_places("Следователь Шарипова сообщила об этом.", "ru") == []
    assert [p.name for p in find_places("Он уехал в Астану.", "ru")] == ["Astana"]


def test_an_airport_is_the_place_in_its_towns_region(dev_sentence) -> None:
    s = dev_sentence("d-056", "Vnukovo International Airport")
    airport = [p for p in find_places(s, "en") if "Airport" in p.name]
    assert [(p.name, p.admin1) for p in airport] == [("Vnukovo International Airport", "RU-MOW")]
    s = dev_sentence("d-058", "Moscow's Vnukovo airport")
    assert [(p.name, p.admin1) for p in find_places(s, "en") if p.country == "RU"] == [("Vnukovo airport", "RU-MOW")]
    assert [p.name for p in find_places("Их задержали в аэропорту «Внуково» в среду.", "ru")] == ["Vnukovo airport"]
    assert [p.name for p in find_places("Рейс вылетел из аэропорта Внуково.", "ru")] == ["Vnukovo airport"]


def test_a_quoted_business_name_is_still_no_place() -> None:
    assert find_places("Проверка прошла в кинотеатре «Москва».", "ru") == []


def test_inflection_table_is_what_the_build_makes_now() -> None:
    from diaspora_watch.extract.gazetteer import build

    table: dict[str, list[str]] = {}
    for r in read_tsv("inflections.tsv", ["word", "key"]):
        table.setdefault(r["word"], []).append(r["key"])
    assert table["тверская"] == build.inflection_keys("тверская", False) == ["тверской"]
    assert table["округ"] == ["округа"]
    sample = sorted(table)[:: max(1, len(table) // 150)]
    # a one-word name may have dropped some keys (common nouns), never gained any
    assert all(set(table[w]) <= set(build.inflection_keys(w, False)) for w in sample)
