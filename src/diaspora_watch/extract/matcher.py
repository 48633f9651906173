"""A small token-pattern matcher over words (English) or lemmas (Russian).

Lexicon patterns are strings of space-separated items, matched against a sentence's tokens:

- ``word``: the token's key equals ``word`` (key = lowercase word in English, lemma in Russian,
  so ``задержать`` matches задержали, задержанных, ...);
- ``word*``: the key starts with ``word`` (``deport*`` matches deported, deportation);
- ``=word``: the lowercase word as written, not its lemma (``=будет`` is future, while the
  lemma ``быть`` also matches the past "был");
- ``==word``: the word exactly as written, case included (``==may`` is the modal, "May" the month);
- ``a|b``: either item; ``?``: any one token; ``...``: a gap of up to four tokens.

Patterns are compiled once per lexicon and indexed by their first item, so a sentence costs
one dictionary look-up per token rather than one test per pattern.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from diaspora_watch.extract import morph

GAP = 4


class Token(NamedTuple):
    """A word with its offsets and its match key (a tuple: built for every word of every text)."""

    start: int
    end: int
    text: str
    key: str


@dataclass(frozen=True)
class Hit:
    start: int  # char offsets into the text the tokens came from
    end: int
    first: int  # token indexes, end exclusive
    last: int
    label: str
    pattern: str


_Item = tuple[frozenset[str], tuple[str, ...], bool, frozenset[str]]  # exact keys, prefixes, wildcard, surfaces
#: label, pattern, items, how to walk them (below), and the word sets a gapped walk needs in the sentence
_Entry = tuple[str, str, list["_Item | None"], int, tuple[frozenset[str], ...]]
#: An entry's walk: its one item is the key that indexed it / a straight walk from its second item /
#: a walk from its first (a surface or wildcard item: any key indexes it) / a walk over gaps.
SETTLED, FROM_SECOND, FROM_FIRST, GAPPED = range(4)
#: Words whose candidate patterns a matcher remembers (bounded: a stream has a long tail).
CACHE_WORDS = 100_000


def tokenize(text: str, lang: str) -> list[Token]:
    """Tokens of ``text`` keyed for matching: lemmas for Russian, lowercase words otherwise."""
    key = morph.lemma if lang == "ru" else str.lower
    return [Token(s, e, w, key(w)) for s, e, w in morph.text_tokens(text)]


def _item(raw: str) -> _Item:
    exact, prefix, surface = [], [], []
    for alt in raw.split("|"):
        if alt == "?":
            return (frozenset(), (), True, frozenset())
        if alt.startswith("=="):
            surface.append(alt[1:])  # kept with one "=": no lowercased word starts with it
        elif alt.startswith("="):
            surface.append(alt[1:].lower())
        else:
            (prefix if alt.endswith("*") else exact).append(alt.rstrip("*").lower())
    return (frozenset(exact), tuple(prefix), False, frozenset(surface))


def _accepts(item: _Item, tok: Token) -> bool:
    exact, prefix, any_, surface = item
    key = tok.key
    return (any_ or key in exact or bool(prefix) and key.startswith(prefix)
            or bool(surface) and (tok.text.lower() in surface or "=" + tok.text in surface))


class Matcher:
    """Compiled patterns with labels; :meth:`find` returns every hit in a token list."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        self._exact: dict[str, list[_Entry]] = defaultdict(list)
        self._prefix: dict[str, list[_Entry]] = defaultdict(list)
        self._wild: list[_Entry] = []
        self._surface: dict[str, list[_Entry]] = defaultdict(list)  # lowercase word as written -> entries
        self._cache = _Candidates(self._lookup)
        for label, pattern in entries:
            items: list[_Item | None] = [None if p == "..." else _item(p) for p in pattern.split()]
            first = items[0]
            if first is None:
                raise ValueError(f"pattern {pattern!r} may not start with '...'")
            walk = (GAPPED if None in items else FROM_FIRST if first[2] or first[3]
                    else SETTLED if len(items) == 1 else FROM_SECOND)
            # the later items that accept only listed words: a sentence holding none of one of them
            # cannot match, which saves the gapped walk (most candidates of a gapped pattern end so)
            needs = tuple(it[0] for it in items[1:] if it is not None and it[0] and not (it[1] or it[2] or it[3]))
            entry = (label, pattern, items, walk, needs if walk == GAPPED else ())
            if first[2]:
                self._wild.append(entry)  # "?": tested on every token
            for w in first[3]:
                self._surface[w.lstrip("=").lower()].append(entry)  # "==May" is indexed as "may" and checked as written
            for k in first[0]:
                self._exact[k].append(entry)
            for p in first[1]:
                self._prefix[p[:2]].append(entry)

    def _lookup(self, key: str) -> tuple[_Entry, ...]:
        """Patterns whose first item accepts ``key``."""
        pool = self._exact.get(key, []) + self._prefix.get(key[:2], []) + self._wild
        probe = Token(0, 0, "", key)
        return tuple({id(e): e for e in pool if _accepts(e[2][0], probe)}.values())  # type: ignore[arg-type]

    def _candidates_at(self, tokens: Sequence[Token]) -> list[tuple[_Entry, ...]]:
        """Each token's candidate patterns: by its key, then by the word as written."""
        cache = self._cache
        found_at = [cache[t.key] for t in tokens]
        if self._surface:
            for i, t in enumerate(tokens):
                if more := self._surface.get(t.text.lower()):
                    found_at[i] += tuple(e for e in more if e not in found_at[i])
        return found_at

    def find(self, tokens: Sequence[Token]) -> list[Hit]:
        hits: list[Hit] = []
        n = len(tokens)
        found_at = self._candidates_at(tokens)
        present: set[str] | None = None  # the sentence's keys, built when a gapped pattern needs them
        for i in [i for i, found in enumerate(found_at) if found]:
            tok = tokens[i]
            for label, pattern, items, walk, needs in found_at[i]:
                if walk == GAPPED:
                    if needs:
                        if present is None:
                            present = {t.key for t in tokens}
                        if any(words.isdisjoint(present) for words in needs):
                            continue
                    end: int | None = _match(items, tokens, i)
                else:
                    size = len(items)
                    if i + size > n:
                        continue
                    k = 1 if walk == FROM_SECOND else 0 if walk == FROM_FIRST else size
                    while k < size:
                        exact, prefix, any_, surface = items[k]  # type: ignore[misc]
                        tk = tokens[i + k]
                        # _accepts, written out: the hot path of every sentence
                        if not (any_ or tk.key in exact or prefix and tk.key.startswith(prefix)
                                or surface and (tk.text.lower() in surface or "=" + tk.text in surface)):
                            break
                        k += 1
                    if k < size:
                        continue  # most misses are decided at the second word
                    end = i + size
                if end is not None:
                    hits.append(Hit(tok.start, tokens[end - 1].end, i, end, label, pattern))
        return hits

    def any(self, tokens: Sequence[Token]) -> bool:
        """True when some pattern matches somewhere in ``tokens`` (stops at the first hit)."""
        for i, found in enumerate(self._candidates_at(tokens)):
            if any(_match(items, tokens, i) is not None for _, _, items, _, _ in found):
                return True
        return False


class _Candidates(dict[str, tuple[_Entry, ...]]):
    """The candidate patterns of each word, computed on first sight: running text repeats its
    vocabulary, so most tokens cost one dictionary look-up. Bounded: a stream has a long tail."""

    def __init__(self, lookup: Callable[[str], tuple[_Entry, ...]]) -> None:
        super().__init__()
        self._lookup = lookup

    def __missing__(self, key: str) -> tuple[_Entry, ...]:
        found = self._lookup(key)
        if len(self) < CACHE_WORDS:
            self[key] = found
        return found


def _match(items: list[_Item | None], tokens: Sequence[Token], i: int) -> int | None:
    """Index after the last token matched from ``i``, or None (gaps are matched lazily)."""
    if None not in items:  # no gap: a straight walk, the common case
        if i + len(items) > len(tokens):
            return None
        for k, item in enumerate(items):
            if not _accepts(item, tokens[i + k]):  # type: ignore[arg-type]
                return None
        return i + len(items)

    def go(k: int, j: int) -> int | None:
        if k == len(items):
            return j
        item = items[k]
        if item is None:
            for skip in range(GAP + 1):
                r = go(k + 1, j + skip)
                if r is not None:
                    return r
            return None
        if j < len(tokens) and _accepts(item, tokens[j]):
            return go(k + 1, j + 1)
        return None

    return go(0, i)


@lru_cache(maxsize=64)
def compiled(name: str, lang: str, field: str = "patterns") -> Matcher:
    """A matcher over a lexicon whose entries have a ``label`` and a list under ``field``."""
    from diaspora_watch.extract.lexicon import load

    data = load(name, lang)
    return Matcher((e["label"], p) for e in data for p in e.get(field, []))
