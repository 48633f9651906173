"""Near-duplicate documents: MinHash signatures, an LSH index, and a containment check.

A republication is often an excerpt or a lightly edited copy of the original, so two texts
are near-duplicates when most of the shorter one's word 3-shingles also occur in the longer
one (containment), not when their Jaccard similarity is high. LSH at a low Jaccard threshold
finds the few candidates; the containment check on their shingles decides.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
LSH_THRESHOLD = 0.2
CONTAINMENT = 0.8
SCHEME = "affine32"  # stored signatures are only comparable under the scheme that made them
_WORD = re.compile(r"\w+", re.UNICODE)


def normalize(text: str) -> str:
    """Case- and whitespace-folded text: what "the same content" means."""
    return " ".join(_WORD.findall(text.lower()))


def content_hash(text: str) -> str:
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()


def shingles(text: str, k: int = 3) -> set[bytes]:
    words = normalize(text).split()
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def signature(text: str) -> bytes:
    """A compact MinHash signature (NUM_PERM uint64 values) to store beside the document."""
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    m.update_batch(list(shingles(text)))
    return m.hashvalues.astype("<u8").tobytes()


def _minhash(sig: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=np.frombuffer(sig, dtype="<u8"), scheme=SCHEME)


def containment(a: str, b: str) -> float:
    """The share of the shorter text's shingles found in the other text."""
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


class NearDuplicateIndex:
    """LSH over stored signatures; ``candidates`` returns the keys of possibly similar documents."""

    def __init__(self, items: Iterable[tuple[int, bytes]] = ()) -> None:
        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        for key, sig in items:
            self.add(key, sig)

    def add(self, key: int, sig: bytes) -> None:
        if len(sig) == 8 * NUM_PERM and key not in self._lsh:
            self._lsh.insert(key, _minhash(sig))

    def candidates(self, sig: bytes) -> list[int]:
        return sorted(self._lsh.query(_minhash(sig)))
