"""The token-pattern matcher: items, prefixes, gaps, and its per-word candidate cache."""

from diaspora_watch.extract.matcher import Matcher, tokenize


def _labels(m: Matcher, text: str, lang: str = "en") -> list[str]:
    return [h.label for h in m.find(tokenize(text, lang))]


def test_matcher_exact_prefix_alternatives_and_gaps():
    m = Matcher([("dep", "deport*"), ("search", "search ... home*|flat"), ("revoke", "strip|stripped of")])
    assert _labels(m, "They were deported.") == ["dep"]
    assert _labels(m, "Police searched nothing; a search of his flat followed.") == ["search"]
    assert _labels(m, "He was stripped of citizenship.") == ["revoke"]
    assert _labels(m, "A search was made. Nothing else.") == []


def test_matcher_russian_patterns_match_lemmas():
    m = Matcher([("det", "задержать")])
    assert _labels(m, "Полиция задержала семерых, задержанных увезли.", "ru") == ["det", "det"]


def test_matcher_cache_gives_the_same_hits_on_repeat_and_no_duplicates():
    m = Matcher([("x", "raid|raid*")])  # an exact and a prefix alternative accept the same word
    toks = tokenize("raid raids", "en")
    first = [(h.first, h.label) for h in m.find(toks)]
    assert first == [(0, "x"), (1, "x")]
    assert [(h.first, h.label) for h in m.find(toks)] == first


def test_matcher_any_stops_at_a_hit():
    m = Matcher([("x", "note of protest")])
    assert m.any(tokenize("a note of protest was handed", "en"))
    assert not m.any(tokenize("a note was handed", "en"))


def test_matcher_surface_items_tell_forms_a_lemma_merges():
    m = Matcher([("future", "=будет депортировать")])
    assert m.any(tokenize("он будет депортирован", "ru"))
    assert not m.any(tokenize("он был депортирован", "ru"))
