"""Place names in English and Russian text: countries, first-level regions and cities.

Data: ``gazetteer/countries.tsv`` and ``gazetteer/cities.tsv`` (generated from pycountry and
GeoNames), ``gazetteer/regions.tsv`` (hand-written: all Russian federal subjects and the
corridor states' regions), and ``lexicons/<lang>/places.yaml`` (extra names and a stoplist).
Russian is matched on lemmas, so "в Забайкальском крае" finds Zabaykalsky Krai (and, through
``gazetteer/inflections.tsv``, forms pymorphy3 lemmatizes apart: "в Тверской области"). A town
name must be capitalized, and a name shared by several towns goes to the most populous one,
with towns of the corridor (Russia, Azerbaijan, Central Asia) weighted ten times. A town's
airport or station ("Vnukovo airport", "аэропорт Внуково") is a place of its own in the town's
region, and so are the sites ``places.yaml`` names (Sheremetyevo, «Садовод», Sakharovo) and a
town's districts ("Bishkek's Oktyabrsky district"). Capitals ("в столице", "the Tajik capital"),
nicknames ("город на Неве"), a capital's surroundings ("near Moscow": Moscow Oblast) and Russian
region adjectives ("свердловские полицейские", weak like demonyms) name places too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from diaspora_watch.extract import lexicon, morph
from diaspora_watch.extract.gazetteer import PhraseIndex, Tok, phrase_keys, read_tsv, split_list, tokenize
from diaspora_watch.extract.sentences import OPENING_QUOTES

__all__ = ["PlaceMention", "find_places", "country_centroid", "admin1_name", "country_name"]

CORRIDOR = frozenset({"RU", "AZ", "KZ", "KG", "TJ", "UZ", "TM"})
_LEVEL_RANK = {"country": 0, "city": 1, "admin1": 2}
_KIND_NAMES = {
    "oblast": ("{} Oblast", "{} region", "{} province"),
    "krai": ("{} Krai", "{} Kray", "{} Territory", "{} region", "{} province"),
    "okrug": ("{} Autonomous Okrug", "{} Autonomous District", "{} Okrug", "{} region"),
    "republic": ("Republic of {}", "{} Republic"),
    "region": ("{} Region", "{} Oblast", "{} Province", "{} Viloyat", "{} Viloyati"),
    "velayat": ("{} Region", "{} Province", "{} Velayat", "{} Welayat"),
    "rayon": ("{} District", "{} Rayon"),
    "city": (),
    "none": (),
}
_LANGS = ("en", "ru")


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text; ``start``/``end`` are character offsets into that text."""

    start: int
    end: int
    surface: str
    level: str  # "country" | "admin1" | "city"
    country: str  # ISO 3166-1 alpha-2
    admin1: str | None  # ISO 3166-2, also for cities when known
    name: str  # English: the city, region or country
    lat: float | None
    lon: float | None
    demonym: bool = False  # named by its people ("Muscovites") or its adjective ("свердловские"), not by its name
    dateline: bool = False  # "DUSHANBE, November 6 (Agency) -": where a wire story was filed
    site: bool = False  # an airport, station, market or detention centre, or a district of a town


@dataclass(frozen=True)
class _Place:
    level: str
    country: str
    admin1: str | None
    name: str
    lat: float | None
    lon: float | None
    weight: float  # ranks homonyms: population, corridor-weighted


@dataclass(frozen=True)
class _Name:
    place: _Place
    exact: tuple[str, ...] | None  # all-capital names (USA, РФ) match only as written
    primary: bool
    loose: bool = False  # a site or nickname: one capital letter anywhere will do ("аэропорт Пулково")
    weak: bool = False  # named by an adjective ("a Russian prison"), like a demonym
    plain: str | None = None  # a one-word name in lowercase, for a word written in capitals


def _plain(word: str) -> str:
    return word.lower().replace("ё", "е")


def _ascii(name: str) -> str:
    """GeoNames names as plain ASCII for display: "Arkhangel’sk" -> "Arkhangelsk", "Orël" -> "Orel"."""
    name = name.replace("’", "").replace("'", "")
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def _float(cell: str) -> float | None:
    return float(cell) if cell else None


class _Gazetteer:
    """Every place and name, loaded once: see ``_gazetteer()``."""

    def __init__(self) -> None:
        self.index: PhraseIndex[_Name] = PhraseIndex()
        self.stop: set[tuple[str, ...]] = set()
        self.given: set[tuple[str, ...]] = set()
        self.countries: dict[str, _Place] = {}
        self.regions: dict[str, _Place] = {}
        self.cities: dict[str, _Place] = {}  # by GeoNames id
        extra = {lang: lexicon.load("places", lang) for lang in _LANGS}
        for data in extra.values():
            for word in data["stop"]:
                self.stop.update(phrase_keys(word))
            for word in data["given_names"]:
                self.given.update(phrase_keys(word))
        for lang in _LANGS:  # a people's name is no town's: "Kazakh" is also a name of Petropavl
            for group in lexicon.load("groups", lang)["groups"]:
                for word in set(group["people"]) | set(group["adjective"]):
                    self.stop.update(phrase_keys(word))
        self._load_countries(extra)
        self._load_regions()
        self._load_cities(extra)
        self.region_words = {lang: extra[lang].get("region_words", {}) for lang in _LANGS}
        self.object_after = {lang: frozenset(extra[lang].get("object_after", [])) for lang in _LANGS}
        self.object_before = {lang: frozenset(extra[lang].get("object_before", [])) for lang in _LANGS}
        self.facility_after: PhraseIndex[bool] = PhraseIndex()
        for phrase in extra["en"].get("facility_after", []):
            self.facility_after.add_phrase(phrase, True)
        self.facility_before = {phrase_keys(w)[0][-1]: name for w, name in extra["ru"].get("facility_before", {}).items()}
        self.demonyms: dict[str, PhraseIndex[_Place]] = {lang: PhraseIndex() for lang in _LANGS}
        for lang in _LANGS:
            for gid, words in extra[lang].get("demonyms", {}).items():
                for word in words:
                    self.demonyms[lang].add_phrase(word, self.cities[gid])
            self._load_sites(extra[lang])
        self._load_adjectives(extra["ru"])
        self.not_after_adjective = frozenset(k for w in extra["ru"].get("not_after_adjective", []) for k in phrase_keys(w)[0])
        self.capitals = {r["code"]: self.cities[r["geonameid"]] for r in read_tsv("capitals.tsv", ["code", "geonameid"])
                         if r["geonameid"] in self.cities}
        self.district_words = {lang: frozenset(extra[lang].get("district_words", [])) for lang in _LANGS}
        self.capital_words = {lang: frozenset(extra[lang].get("capital_words", [])) for lang in _LANGS}
        self.near_words = {lang: frozenset(k for w in extra[lang].get("near_words", []) for k in phrase_keys(w)[0])
                           for lang in _LANGS}
        self.near_after = {lang: frozenset(k for w in extra[lang].get("near_after", []) for k in phrase_keys(w)[0])
                           for lang in _LANGS}
        self.surroundings = {town: self.regions[region] for town, region in lexicon.load("locate", "common")["surroundings"].items()}
        self.adjective_states: dict[str, dict[str, str]] = {}
        for lang in _LANGS:
            states = {}
            for group in lexicon.load("groups", lang)["groups"]:
                if len(group["countries"]) == 1:
                    states.update((k, group["countries"][0]) for w in group["adjective"] for k in phrase_keys(w)[0])
            self.adjective_states[lang] = states
            self._load_state_sites(lang, extra[lang].get("state_sites", []))

    def _load_state_sites(self, lang: str, nouns: list[str]) -> None:
        """"a Russian prison", "в российском СИЗО": a state's adjective and a place of custody or
        a territory word name the state (indexed as its phrase, so matching costs nothing more),
        weakly, as a demonym does."""
        for group in lexicon.load("groups", lang)["groups"]:
            if len(group["countries"]) == 1 and group["countries"][0] in self.countries:
                for adjective in group["adjective"]:
                    for noun in nouns:
                        self._add(f"{adjective} {noun}", self.countries[group["countries"][0]], loose=True, weak=True)

    def _add(self, name: str, place: _Place, primary: bool = True, loose: bool = False, weak: bool = False) -> None:
        exact = tuple(w for _, _, w in morph.tokens(name)) if name.isupper() else None
        plain = _plain(name) if " " not in name else None
        self.index.add_phrase(name, _Name(place, exact, primary, loose, weak, plain))

    def _load_sites(self, extra: dict) -> None:
        """Named sites (airports, stations, markets, detention centres), each in its region, and a
        town's nicknames ("город на Неве"): outweighing any town they share a word with."""
        for name, site in extra.get("sites", {}).items():
            place = _Place("city", site["admin1"][:2], site["admin1"], name, None, None, float("inf"))
            for n in site["names"]:
                self._add(n, place, loose=True)
        for gid, names in extra.get("nicknames", {}).items():
            for n in names:
                self._add(n, self.cities[gid], loose=True)

    def _load_adjectives(self, extra: dict) -> None:
        """Russian region adjectives ("свердловские полицейские", "в подмосковных Котельниках"):
        the first word of each "<adjective> область/край" name, and the lexicon's own (a federal
        city's, a regional capital's), matched as a weak mention like a demonym."""
        index = self.demonyms["ru"]
        for word, code in extra.get("adjectives", {}).items():
            index.add_phrase(word, self.regions.get(code) or self.cities[code])
        for row in read_tsv("regions.tsv", ["code", "geonames", "kind", "en_stems", "en_names", "ru_names"]):
            if row["kind"] not in _ADJECTIVE_KINDS:
                continue
            for name in split_list(row["ru_names"]):
                words = name.split()
                if len(words) == 2 and words[1].lower() in _ADJECTIVE_KINDS[row["kind"]] and not index.get(phrase_keys(words[0])[0]):
                    index.add_phrase(words[0], self.regions[row["code"]])

    def _load_countries(self, extra: dict[str, dict]) -> None:
        for row in read_tsv("countries.tsv", ["code", "name", "en", "ru", "lat", "lon"]):
            cc = row["code"]
            display = (extra["en"]["countries"].get(cc) or [row["name"]])[0]
            place = _Place("country", cc, None, display, _float(row["lat"]), _float(row["lon"]), 0.0)
            self.countries[cc] = place
            names = split_list(row["en"]) + split_list(row["ru"])
            names += [n for lang in _LANGS for n in extra[lang]["countries"].get(cc, [])]
            for n in names:
                self._add(n, place)

    def _load_regions(self) -> None:
        centroids = {r["code"]: r for r in read_tsv("centroids.tsv", ["code", "lat", "lon"])}
        for row in read_tsv("regions.tsv", ["code", "geonames", "kind", "en_stems", "en_names", "ru_names"]):
            code, kind = row["code"], row["kind"]
            stems, literal = split_list(row["en_stems"]), split_list(row["en_names"])
            forms = [pattern.format(s) for s in stems for pattern in _KIND_NAMES[kind]]
            display = _region_display(kind, stems, literal)
            c = centroids.get(code, {})
            # a city that is its own region ("Tashkent City", "город Москва") is named as that city
            level = "city" if kind == "city" else "admin1"
            place = _Place(level, code[:2], code, display, _float(c.get("lat", "")), _float(c.get("lon", "")), 0.0)
            self.regions[code] = place
            for n in literal + forms + split_list(row["ru_names"]):
                self._add(n, place)

    def _load_cities(self, extra: dict[str, dict]) -> None:
        aliases: dict[str, list[str]] = {}
        for lang in _LANGS:
            for gid, names in extra[lang]["cities"].items():
                aliases.setdefault(gid, []).extend(names)
        columns = ["geonameid", "name", "country", "admin1", "lat", "lon", "population", "en", "ru"]
        for row in read_tsv("cities.tsv", columns):
            cc, pop = row["country"], int(row["population"])
            weight = pop * (10 if cc in CORRIDOR else 1)
            place = _Place("city", cc, row["admin1"] or None, _ascii(row["name"]), _float(row["lat"]), _float(row["lon"]), weight)
            self.cities[row["geonameid"]] = place
            self._add(row["name"], place)
            for n in aliases.get(row["geonameid"], []):
                self._add(n, place)
            for n in split_list(row["en"]) + split_list(row["ru"]):
                self._add(n, place, primary=False)

    def accept(self, span: Sequence[Tok], names: list[_Name], after: Tok | None) -> _Name | None:
        """Pick the place a matched span names, or ``None`` when it is not a place here."""
        keys = {tuple(t.surface for t in span), tuple(t.key for t in span)}
        if keys & self.stop:
            return None
        if keys & self.given and after is not None and after.text[:1].isupper() and after.start - span[-1].end == 1:
            return None
        fits = [n for n in names if _case_fits(span, n)]
        if not fits:
            return None
        return min(fits, key=lambda n: (_LEVEL_RANK[n.place.level], -n.place.weight * (1 if n.primary else 0.3)))


#: How long a word in capitals may be and still be an abbreviation ("АГС", "ВНЖ") rather than a
#: headline's town ("В ОРЕНБУРГЕ").
ABBREVIATION_LETTERS = 3


def _case_fits(span: Sequence[Tok], name: _Name) -> bool:
    if name.exact is not None:
        return tuple(t.text for t in span) == name.exact
    if len(span) == 1 and 1 < len(span[0].text) <= ABBREVIATION_LETTERS and span[0].text.isupper():
        # a short word in capitals is a town as written ("УФА, 5 мая") or an abbreviation, never
        # an inflected name: "АГС" (alternative civilian service) is no "Агсу"
        return name.plain == _plain(span[0].text)
    if name.loose:
        return len(span) > 1 or span[0].text[:1].isupper()
    return span[0].text[:1].isupper()


#: Region kinds whose Russian name is "<adjective> <word>", and those words.
_ADJECTIVE_KINDS = {"oblast": ("область",), "krai": ("край",), "region": ("область",)}


def _region_display(kind: str, stems: list[str], literal: list[str]) -> str:
    """English name of a region: "Zabaykalsky Krai", "Chechnya", "Moscow" (for the city RU-MOW)."""
    if kind in {"oblast", "krai", "okrug", "rayon"} and stems:
        return _KIND_NAMES[kind][0].format(stems[0])
    if kind in {"region", "velayat"} and stems:
        return f"{stems[0]} Region"
    if kind == "city" and literal:
        return literal[0].removeprefix("City of ").removesuffix(" City")
    return literal[0] if literal else f"Republic of {stems[0]}"


@cache
def _gazetteer() -> _Gazetteer:
    return _Gazetteer()


def find_places(text: str, lang: str) -> list[PlaceMention]:
    """Places named in ``text``, sorted by start, non-overlapping, the longest name winning.

    >>> [(p.name, p.admin1) for p in find_places("Raids in Yekaterinburg, Sverdlovsk region.", "en")]
    [('Yekaterinburg', 'RU-SVE'), ('Sverdlovsk Oblast', 'RU-SVE')]
    """
    return list(_places(text, lang))


@lru_cache(maxsize=32)
def _places(text: str, lang: str) -> tuple[PlaceMention, ...]:
    """Cached: groups and actors look up the places of the same text again."""
    g = _gazetteer()
    lang = lang if lang in _LANGS else "en"
    toks = tokenize(text, lang)
    matches = [m for m in g.index.scan(toks, g.accept) if not _initial_adjective(text, toks, m[0], m[1], g, lang)]
    facility = {i: f for i, j, _ in matches if (f := _facility(text, toks, i, j, g)) is not None}
    written = {i for i, _, name in matches if name.exact is not None or name.loose}
    sites = {i for i, _, name in matches if name.loose and name.place.weight == float("inf")} | set(facility)
    found = [(i, j, name.place, name.weak) for i, j, name in matches if i in sites or not _names_object(text, toks, i, j, g, lang)]
    found = _listed_regions(text, toks, found, g, lang)
    found = [(i, j, _surrounding(toks, i, j, p, g, lang), d) for i, j, p, d in found]
    found = _capitals(toks, found, g, lang)
    found, districts = _districts(text, toks, found, g, lang)
    sites |= districts
    taken = [(i, j) for i, j, _, _ in found]
    for i, j, place in g.demonyms[lang].scan(toks, lambda span, c, after: _weak(span, c, after, g, lang)):
        if all(j <= a or i >= b for a, b in taken):
            found.append((i, j, place, True))
    out = []
    for i, j, p, demonym in sorted(found, key=lambda f: f[0]):
        start, end, name = toks[i].start, toks[j - 1].end, p.name
        if i in facility and p.level == "city":
            start, end, name = min(start, facility[i][0]), max(end, facility[i][1]), f"{p.name} {facility[i][2]}"
        surface = text[start:end]
        dateline = i not in written and len(surface) > 3 and surface.isupper() or _opens_with_date(text, start, end)
        out.append(PlaceMention(start, end, surface, p.level, p.country, p.admin1, name, p.lat, p.lon, demonym, dateline,
                                i in sites))
    return tuple(m for n, m in enumerate(out) if not (n + 1 < len(out) and _owns(text, m, out[n + 1])))


#: A town and a date opening a text: "Baku, 18 September.", "Душанбе, 14 ноября.", "Moscow, Dec 20 (Agency)".
_DATELINE_DATE = re.compile(r"\s*,\s*(?:\d{1,2}\s+[^\W\d]+|[^\W\d]+\.?\s+\d{1,2})\b")


#: A town in brackets and a dash opening a text, as rights groups date their releases: "(Berlin) –".
_BRACKET_DATELINE = re.compile(r"\)\s*[-–—]")


def _opens_with_date(text: str, start: int, end: int) -> bool:
    """The place opens the text and a date follows it, or it stands in brackets before a dash
    ("(Berlin) – Russian police rounded up ..."): a dateline, written in capitals or not."""
    before = text[:start].strip()
    return (not before and bool(_DATELINE_DATE.match(text, end))) or (before == "(" and bool(_BRACKET_DATELINE.match(text, end)))


def _districts(text: str, toks: Sequence[Tok], found: list[tuple[int, int, _Place, bool]], g: _Gazetteer,
               lang: str) -> tuple[list[tuple[int, int, _Place, bool]], set[int]]:
    """A named district of a town or region is the more precise place, in its region: "Bishkek's
    Oktyabrsky district", "the Sverdlovsk district in Perm Province", "the Pastdargom district of
    Uzbekistan's Samarkand region", "в Кировском районе Екатеринбурга". The district's name may
    itself be a town's ("Sverdlovsk") or a stopword ("Oktyabrsky"): the pattern decides."""
    words = g.district_words[lang]
    starts = {f[0]: f for f in found}
    out, made = list(found), set()
    for r, t in enumerate(toks):
        if t.key not in words or r == 0 or not toks[r - 1].text[:1].isupper():
            continue
        owner = _district_owner(text, toks, r, starts)
        if owner is None:
            continue
        w = toks[r - 1]
        word = w.text if lang == "en" else _adjective_name(w.key)
        place = owner[2]
        district = _Place("city", place.country, place.admin1, f"{word} district", place.lat, place.lon, place.weight)
        first, last = min(r - 1, owner[0]), max(r + 1, owner[1])
        out = [f for f in out if f[1] <= first or f[0] >= last]
        out.append((first, last, district, False))
        made.add(first)
    return out, made


def _district_owner(text: str, toks: Sequence[Tok], r: int, starts: dict[int, tuple[int, int, _Place, bool]]
                    ) -> tuple[int, int, _Place, bool] | None:
    """The town or region whose district the word at ``r`` names: after it ("of", "in" and "the"
    may come between; "Uzbekistan's Samarkand region" gives the region), or before it with a
    possessive ("Bishkek's")."""
    k = r + 1
    k += k < len(toks) and toks[k].key in ("of", "in")
    k += k < len(toks) and toks[k].key == "the"
    owner = starts.get(k) if k > r + 1 or toks[r].key == "район" else None
    if owner is not None and owner[2].level == "country" and owner[1] + 1 < len(toks) and toks[owner[1]].key == "s":
        owner = starts.get(owner[1] + 1, owner)
    if owner is None and r >= 3 and toks[r - 2].key == "s":
        owner = next((f for f in starts.values() if f[1] == r - 2), None)
    return owner if owner is not None and owner[2].level != "country" else None


def _adjective_name(key: str) -> str:
    """English name of a Russian district adjective: "кировский" -> "Kirovsky"."""
    from diaspora_watch.extract.persons import translit

    latin = translit(key)
    return (latin[:-2] + "y" if latin.endswith("iy") else latin).capitalize()


def _initial_adjective(text: str, toks: Sequence[Tok], i: int, j: int, g: _Gazetteer, lang: str) -> bool:
    """A region adjective opening a sentence is capitalized only for that ("Московские полицейские
    задержали"): it is no town of that name (Moskovsky)."""
    if lang != "ru" or j != i + 1 or not g.demonyms["ru"].get((toks[i].key,)):
        return False
    return not text[: toks[i].start].strip() or text[: toks[i].start].rstrip()[-1] in ".!?»\"\n"


def _weak(span: Sequence[Tok], candidates: list[_Place], after: Tok | None, g: _Gazetteer, lang: str) -> _Place | None:
    """A demonym or region adjective names its place unless it is part of a name itself
    ("Свердловский район" of Perm, "Казанский вокзал" of Moscow, "Ферганская долина")."""
    if lang != "ru" and not span[0].text[:1].isupper():
        return None
    if after is not None and after.key in g.not_after_adjective:
        return None
    return candidates[0]


def _surrounding(toks: Sequence[Tok], i: int, j: int, place: _Place, g: _Gazetteer, lang: str) -> _Place:
    """A federal city's surroundings are another region: "near Moscow", "outside St Petersburg",
    "под Москвой", "в пригороде Петербурга", "the Moscow suburb of Mytishchi" are in Moscow and
    Leningrad oblasts."""
    region = g.surroundings.get(place.admin1 or "") if place.level == "city" else None
    k = i - 1 - (i > 1 and toks[i - 1].key == "of")  # "in the suburbs of Moscow"
    after = j < len(toks) and toks[j].key in g.near_after[lang]
    if region is None or not after and (k < 0 or toks[k].key not in g.near_words[lang]):
        return place
    return region


def _capitals(toks: Sequence[Tok], found: list[tuple[int, int, _Place, bool]], g: _Gazetteer,
              lang: str) -> list[tuple[int, int, _Place, bool]]:
    """"в столице", "the Tajik capital", "столица Таджикистана": the capital of the state the
    words name, or, for a bare "в столице", of the state of the place named last before it
    (Moscow in a Russian text that named none). The town named right after it ("the Kyrgyz
    capital, Bishkek") is the one mention."""
    words = g.capital_words[lang]
    if not words:
        return found
    out = list(found)
    for k, t in enumerate(toks):
        if t.key not in words or any(i <= k < j for i, j, _, _ in found):
            continue
        before = [f for f in found if f[1] <= k]
        state = g.adjective_states[lang].get(toks[k - 1].key) if k > 0 else None
        of = 2 if k + 1 < len(toks) and toks[k + 1].key == "of" else 1  # "столице Таджикистана", "capital of Tajikistan"
        owner = next((f for f in found if f[0] == k + of and f[2].level == "country"), None)
        if any(f[0] == k + of and f[2].level != "country" for f in found):
            continue  # "the capital of Tatarstan, Kazan", "в столице Татарстана": a region's capital
        if owner is None and k + of < len(toks) and toks[k + of].text[:1].isupper() and toks[k + of].start - toks[k].end == 1:
            continue  # "столица Черноземья", "столица Урала": the capital of what is no state
        if state is None and owner is not None:
            state = owner[2].country
            out.remove(owner)
        elif k > 1 and toks[k - 1].key in _POSSESSIVE_KEYS and before and before[-1][1] == k - 1 and before[-1][2].level == "country":
            state = before[-1][2].country
        elif state is None and (lang == "en" and (k == 0 or toks[k - 1].key != "the")):
            continue
        elif state is None:
            state = before[-1][2].country if before else ("RU" if lang == "ru" else None)
        capital = g.capitals.get(state or "")
        if capital is not None and not any(f[0] == k + 1 and f[2] == capital for f in found):
            out.append((k, k + 1, capital, t.key not in ("столица", "capital")))
    return out


_POSSESSIVE_KEYS = frozenset({"s"})


_POSSESSIVE_GAP = frozenset({"'s", "’s"})


def _owns(text: str, town: PlaceMention, nxt: PlaceMention) -> bool:
    """``town`` only says whose the place after it is ("Moscow's Vnukovo airport"): that place is
    the more precise one, in the same region."""
    return (town.admin1 == nxt.admin1 or nxt.site) and text[town.end : nxt.start].strip() in _POSSESSIVE_GAP


def _facility(text: str, toks: Sequence[Tok], i: int, j: int, g: _Gazetteer) -> tuple[int, int, str] | None:
    """``(start, end, English words)`` of the airport or station a town's name at tokens ``i:j``
    names: "Vnukovo International Airport", "Moscow's Vnukovo airport" (the words as written),
    "в аэропорту «Манас»", "аэропорт Внуково" ("airport"). GeoNames lists the towns, not the
    airports: the facility takes its town's region, and a quoted town after "аэропорт" is no
    business name."""
    for first, last, _ in g.facility_after.scan(toks[j : j + g.facility_after.longest], lambda *_: True):
        if first == 0:
            return toks[j].start, toks[j + last - 1].end, text[toks[j].start : toks[j + last - 1].end]
        break
    name = g.facility_before.get(toks[i - 1].key) if i > 0 else None
    if name is None or text[toks[i - 1].end : toks[i].start].strip() not in ("", *OPENING_QUOTES):
        return None
    end = toks[j - 1].end
    return toks[i - 1].start, end + (text[end : end + 1] in _CLOSING_QUOTES), name


_CLOSING_QUOTES = frozenset("\"»”“'")
#: How many words after a quoted place name its closing quote may come («Баку Плаза»).
QUOTED_NAME_WORDS = 2


def _names_object(text: str, toks: Sequence[Tok], i: int, j: int, g: _Gazetteer, lang: str) -> bool:
    """The place name is part of a building's, business's or legal code's name: a word such as
    "Plaza" or "hotel" follows it ("the Baku Plaza shopping centre"), a code's abbreviation comes
    before it ("ст. 322 УК РФ"), or it opens a short quoted name
    («Баку Плаза», "Moskva" cinema) -- not a quotation that merely starts with it."""
    if j < len(toks) and toks[j].key in g.object_after[lang] or i > 0 and toks[i - 1].key in g.object_before[lang]:
        return True
    start = toks[i].start
    if text[max(0, start - 1) : start] not in OPENING_QUOTES or start == 0:
        return False
    last = toks[min(j + QUOTED_NAME_WORDS, len(toks)) - 1]
    return any(ch in _CLOSING_QUOTES for ch in text[toks[j - 1].end : last.end + 1])


_LINKS = frozenset({"and", "or", "и", "или"})


def _listed_regions(text: str, toks: Sequence[Tok], found: list[tuple[int, int, _Place, bool]], g: _Gazetteer,
                    lang: str) -> list[tuple[int, int, _Place, bool]]:
    """Names listed before a region word are regions: "the Kaliningrad and Smolensk regions",
    "в Калининградской и Смоленской областях" -- each name with the word makes a region's name."""
    words = g.region_words[lang]
    items: list[tuple[int, int, _Place, bool]] = []
    for r, t in enumerate(toks):
        single = words.get(t.key)
        if single is None:
            continue
        listed, end = [], r
        while end > 0:
            item = _region_item(toks, end, single, g)
            if item is None:
                break
            listed.append(item)
            first = item[0]
            if first > 0 and toks[first - 1].key in _LINKS:
                end = first - 1
            elif first > 0 and "," in text[toks[first - 1].end : toks[first].start]:
                end = first
            else:
                break
        if len(listed) >= 2:
            items.extend(listed)
    if not items:
        return found
    kept = [f for f in found if all(f[1] <= a or f[0] >= b for a, b, _, _ in items)]
    return kept + items


def _region_item(toks: Sequence[Tok], end: int, word: str, g: _Gazetteer) -> tuple[int, int, _Place, bool] | None:
    """The region whose name is the one or two capitalized words ending at ``end`` and ``word``."""
    for size in (2, 1):
        first = end - size
        if first < 0 or not toks[first].text[:1].isupper():
            continue
        names = [n for n in g.index.get(tuple(t.key for t in toks[first:end]) + (word,)) if n.place.level == "admin1"]
        if names:
            return first, end, names[0].place, False
    return None


def country_centroid(cc: str) -> tuple[float, float] | None:
    """A point for a country-level incident: the mean position of its towns of 15,000+."""
    place = _gazetteer().countries.get(cc)
    if place is None or place.lat is None or place.lon is None:
        return None
    return place.lat, place.lon


def admin1_name(code: str) -> str | None:
    """English name of a first-level region in the table: "RU-ZAB" -> "Zabaykalsky Krai"."""
    place = _gazetteer().regions.get(code)
    return place.name if place else None


def country_name(cc: str) -> str | None:
    """Short English name of a country: "RU" -> "Russia"."""
    place = _gazetteer().countries.get(cc)
    return place.name if place else None
