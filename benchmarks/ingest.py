"""Ingest throughput on the dev corpus replicated to a few thousand HTML pages.

    .venv/bin/python benchmarks/ingest.py [--copies 50] [--docs ../shared/data/dev/docs]

Prints documents per second for the full ``ingest`` (HTML extraction, language, dedup,
event extraction, linking, SQLite writes), the time trafilatura alone takes on the same
pages, their ratio, and peak memory. Run by hand; never a timed test.
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):  # as the CLI does
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import html  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="{outlet}"><meta property="article:published_time" content="{published}">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<aside><h3>Related</h3><ul><li><a href="/a">Another story</a></li><li><a href="/b">More news</a></li></ul></aside>
<footer>© Example outlet. All rights reserved. <a href="/privacy">Privacy</a></footer></body></html>"""


def pages(docs_dir: Path, copies: int) -> list[bytes]:
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(docs_dir.glob("*.json"))]
    out = []
    for i in range(copies):
        for d in docs:
            paras = "".join(f"<p>{html.escape(p)}</p>" for p in d["text"].split("\n") if p.strip())
            out.append(PAGE.format(lang=d["language"], title=html.escape(f"{d['title']} ({i})"), outlet=html.escape(d["outlet"]),
                                   published=d["published"] if len(d["published"]) == 10 else "", paragraphs=paras).encode("utf-8"))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=50)
    ap.add_argument("--docs", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data" / "dev" / "docs")
    a = ap.parse_args()

    import trafilatura

    from diaspora_watch.ingest import ingest
    from diaspora_watch.store import Store

    corpus = pages(a.docs, a.copies)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for i, page in enumerate(corpus):
            (folder / f"{i:06d}.html").write_bytes(page)

        t0 = time.perf_counter()
        for page in corpus:
            trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True)
        t_ref = time.perf_counter() - t0

        with Store.open(f"sqlite:///{tmp}/bench.db") as store:
            ingest([str(a.docs / "seed-000.json")], store)  # warm up lazy models outside the timing
            t0 = time.perf_counter()
            report = ingest([str(folder)], store)
            t_ingest = time.perf_counter() - t0

    n = len(corpus)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    c = report.counts
    print(f"documents          {n} HTML pages ({a.copies} copies of {n // a.copies} dev articles)")
    print(f"outcomes           stored {c['stored']}, republications {c['republication']}, duplicates {c['duplicate']}, set aside {c['set_aside']}; events {c['events']}")
    print(f"trafilatura alone  {n / t_ref:8.1f} docs/s  ({t_ref:.2f} s)")
    print(f"full ingest        {n / t_ingest:8.1f} docs/s  ({t_ingest:.2f} s)")
    print(f"ratio              {t_ingest / t_ref:8.2f} x trafilatura's time")
    print(f"peak memory        {peak_mb:8.0f} MiB (max RSS)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
