"""Places: gazetteer data validity, real dev sentences, inflections, homonyms and speed."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pycountry
import pytest

from diaspora_watch.extract import lexicon, morph
from diaspora_watch.extract.gazetteer import read_tsv
from diaspora_watch.extract.places import admin1_name, country_centroid, find_places

DOCS = Path(__file__).resolve().parents[3] / "shared" / "data" / "dev" / "docs"
REGION_COLUMNS = ["code", "geonames", "kind", "en_stems", "en_names", "ru_names"]


def sentence(doc_id: str, word: str) -> tuple[str, str]:
    """The first line of a dev document that contains ``word``, and the document's language."""
    doc = json.loads((DOCS / f"{doc_id}.json").read_text(encoding="utf-8"))
    for line in doc["text"].splitlines():
        if word in line:
            return line, doc["language"]
    pytest.fail(f"{doc_id} has no line with {word!r}")


def summary(text: str, lang: str) -> list[tuple[str, str, str | None]]:
    return [(p.level, p.name, p.admin1 or p.country) for p in find_places(text, lang)]


def test_every_region_code_is_iso_and_every_russian_subject_is_covered() -> None:
    rows = read_tsv("regions.tsv", REGION_COLUMNS)
    iso = {s.code for s in pycountry.subdivisions}
    assert {r["code"] for r in rows} <= iso
    assert len({r["code"] for r in rows}) == len(rows)
    russian = {s.code for s in pycountry.subdivisions.get(country_code="RU")}
    assert russian <= {r["code"] for r in rows}
    assert all(r["ru_names"] for r in rows)


def test_generated_tables_use_only_known_codes() -> None:
    iso = {s.code for s in pycountry.subdivisions}
    cities = read_tsv("cities.tsv", ["geonameid", "name", "country", "admin1", "lat", "lon", "population", "en", "ru"])
    assert len(cities) > 3000
    assert {c["admin1"] for c in cities if c["admin1"]} <= iso
    corridor = [c for c in cities if c["country"] in {"RU", "AZ", "KZ", "KG", "TJ", "UZ", "TM"}]
    assert sum(1 for c in corridor if c["admin1"]) / len(corridor) > 0.99
    countries = read_tsv("countries.tsv", ["code", "name", "en", "ru", "lat", "lon"])
    assert {c["code"] for c in countries} == {c.alpha_2 for c in pycountry.countries}
    assert {r["code"] for r in read_tsv("centroids.tsv", ["code", "lat", "lon"])} <= iso


def test_lemma_table_agrees_with_pymorphy() -> None:
    rows = read_tsv("lemmas.tsv", ["word", "lemma"])
    sample = rows[:: max(1, len(rows) // 500)]
    assert [r["lemma"] for r in sample] == [morph.lemma(r["word"]) for r in sample]


def test_place_lexicons_validate() -> None:
    for lang in ("en", "ru"):
        data = lexicon.load("places", lang)
        assert set(data["countries"]) <= {c.alpha_2 for c in pycountry.countries}


def test_real_english_sentences() -> None:
    text, lang = sentence("seed-002", "Zabaykalsky Krai")
    assert summary(text, lang)[:2] == [("admin1", "Zabaykalsky Krai", "RU-ZAB"), ("country", "Russia", "RU")]
    text, lang = sentence("seed-001", "Yekaterinburg on Saturday")
    assert ("city", "Yekaterinburg", "RU-SVE") in summary(text, lang)
    text, lang = sentence("d-024", "Nizhny Novgorod Province")
    assert ("admin1", "Nizhny Novgorod Oblast", "RU-NIZ") in summary(text, lang)
    text, lang = sentence("d-026", "Komsomolsk-on-Amur")
    assert ("city", "Komsomolsk-on-Amur", "RU-KHA") in summary(text, lang)


def test_real_russian_sentences_in_inflected_forms() -> None:
    text, lang = sentence("d-098", "Хабаровском крае")
    assert summary(text, lang)[0] == ("admin1", "Khabarovsk Krai", "RU-KHA")
    text, lang = sentence("d-098", "Челябинске")
    assert ("city", "Chelyabinsk", "RU-CHE") in summary(text, lang)
    text, lang = sentence("d-013", "Екатеринбурге ФСБ")
    assert summary(text, lang)[0] == ("city", "Yekaterinburg", "RU-SVE")


@pytest.mark.parametrize("phrase", ["в Забайкальском крае", "по Забайкальскому краю", "Забайкальский край", "Забайкалье"])
def test_russian_case_forms(phrase: str) -> None:
    assert summary(phrase, "ru") == [("admin1", "Zabaykalsky Krai", "RU-ZAB")]


def test_longest_match_wins() -> None:
    assert summary("in the Moscow region", "en") == [("admin1", "Moscow Oblast", "RU-MOS")]
    assert summary("in Moscow", "en") == [("city", "Moscow", "RU-MOW")]
    assert summary("в Нижегородской области и в Нижнем Новгороде", "ru") == [
        ("admin1", "Nizhny Novgorod Oblast", "RU-NIZ"), ("city", "Nizhniy Novgorod", "RU-NIZ")]


@pytest.mark.parametrize(("text", "lang"), [
    ("Police said Mary was detained.", "en"), ("Nice to see Mobile apps.", "en"), ("a bar of soap in the man's van", "en"),
    ("President Vladimir Putin signed it.", "en"), ("Владимир Путин подписал указ.", "ru"),
    ("Того же дня полиция задержала мирных жителей.", "ru"), ("Шахты и Мирный", "ru"),
])
def test_common_words_and_names_are_not_places(text: str, lang: str) -> None:
    assert find_places(text, lang) == []


def test_homonyms_and_offsets() -> None:
    text = "He moved from Chita to Vladimir."
    places = find_places(text, "en")
    assert [(p.name, p.country) for p in places] == [("Chita", "RU"), ("Vladimir", "RU")]
    assert all(text[p.start : p.end] == p.surface for p in places)
    assert summary("USA and us", "en") == [("country", "United States", "US")]


def test_names_and_centroids() -> None:
    assert admin1_name("RU-ZAB") == "Zabaykalsky Krai"
    assert admin1_name("RU-MOW") == "Moscow"
    assert admin1_name("XX-YY") is None
    lat, lon = country_centroid("TJ") or (0.0, 0.0)
    assert 36 < lat < 41 and 67 < lon < 75
    assert country_centroid("ZZ") is None


def test_speed() -> None:
    texts = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DOCS.glob("*.json"))]
    find_places("warm up", "en")
    started = time.perf_counter()
    for doc in texts:
        find_places(doc["text"] + " ", doc["language"])
    assert len(texts) / (time.perf_counter() - started) > 50
