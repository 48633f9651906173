"""Extraction speed on one core (CPU time): documents/second, and the ratio to a plain tokenizer pass.

    .venv/bin/python benchmarks/extract_speed.py [--docs 2000] [--join 2]

The dev texts are repeated to about ``--docs`` documents, each with a distinct doc_id and a
distinct first line of a distinct length, so that caches keyed by text (places, groups) or
by a sentence's tokens and offsets (hedge cues) cannot answer for a repeat. The ratios compare ``extract_events`` with two plain passes over the same texts:
``razdel.tokenize`` (a real tokenizer, the reference of the speed target: at most 5x) and the
regex ``diaspora_watch.extract.morph.tokens``. Word caches (lemmas) and models are warmed on
one pass first, as in a long-running ingest.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

# One core means one BLAS thread too (the Russian NER model multiplies matrices).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT.parent / "shared" / "data" / "dev" / "docs"


def _best(run: Callable[[], object], repeat: int) -> float:
    """CPU seconds of the fastest of ``repeat`` runs: process time, so other processes on a shared
    machine do not count, and the minimum, so a stray pause does not either."""
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        run()
        times.append(time.process_time() - t0)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    from diaspora_watch.document import DOCUMENT_FIELDS, Document
    from diaspora_watch.extract import extract_events
    import razdel

    from diaspora_watch.extract.morph import tokens

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3, help="passes per measurement; the fastest counts")
    ap.add_argument("--join", type=int, default=1, help="join this many dev texts of one language per document (2: ~4 KB)")
    a = ap.parse_args(argv)
    base = []
    for p in sorted(DOCS.glob("*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))
        base.append(Document(**{k: d[k] for k in DOCUMENT_FIELDS if k in d}, collected="2026-12-01"))
    if a.join > 1:
        by_lang = {lang: [d for d in base if d.language == lang] for lang in ("en", "ru")}
        base = [replace(group[k], text="\n\n".join(d.text for d in group[k : k + a.join]))
                for group in by_lang.values() for k in range(0, len(group), a.join)]
    for d in base:
        extract_events(d)  # warm caches and models
    # Distinct text per copy (a leading marker), so per-text caches do not answer for repeats.
    docs = [replace(d, doc_id=f"{d.doc_id}-{i}", text=f"[{i}]{' ' * i}\n" + d.text) for i in range(a.docs // len(base) + 1) for d in base][: a.docs]
    tok = _best(lambda: [tokens(d.text) for d in docs], a.repeat)
    raz = _best(lambda: [list(razdel.tokenize(d.text)) for d in docs], a.repeat)
    n_events = sum(len(extract_events(d)) for d in docs)
    ext = _best(lambda: [extract_events(d) for d in docs], a.repeat)
    words = sum(len(tokens(d.text)) for d in docs)
    print(f"{len(docs)} docs, {words} words, {n_events} events")
    print(f"extract_events: {len(docs) / ext:.1f} docs/s ({words / ext:.0f} words/s)")
    size = sum(len(d.text.encode("utf-8")) for d in docs) / len(docs)
    print(f"mean document size {size / 1024:.1f} KB")
    print(f"razdel.tokenize pass: {len(docs) / raz:.1f} docs/s; extract/razdel time ratio {ext / raz:.1f}x (target <= 5x)")
    print(f"regex morph.tokens pass: {len(docs) / tok:.1f} docs/s; extract/regex-tokens time ratio {ext / tok:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
