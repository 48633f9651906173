"""Extraction quality on the held-out set, overall and per language (run by hand).

    .venv/bin/python benchmarks/heldout.py [--set tests/heldout2] [--out events.jsonl] [--collected 2026-12-01]

``tests/heldout/``, ``tests/heldout2/`` and ``tests/heldout3/`` hold invented documents with gold
events, written apart from the extractor so that they measure generalisation. The first has
since been read for error analysis; the second and third stay unseen: never tune on them. This script ingests those
documents into a temporary SQLite store with the project's own ``ingest``, exports
``store.events()`` as JSONL and scores the export with ``shared/eval/score.py``: once
over everything (with ``--by-subtype``), then once per language on gold and documents
filtered into temporary files.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "heldout"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
#: Fixed collection date, so documents with an unknown ``published`` resolve the same way on every run.
COLLECTED = "2026-12-01"


def extract(docs: Path, db: Path, collected: str) -> list[dict]:
    """Ingest ``docs`` into a fresh store at ``db`` and return its events in the codebook's format."""
    from diaspora_watch.ingest import ingest
    from diaspora_watch.store import Store

    store = Store.open(f"sqlite:///{db}")
    try:
        report = ingest([str(docs)], store, collected=collected)
        if report.errors or report.set_aside:
            print(f"ingest problems: {report.errors + report.set_aside}", file=sys.stderr)
        return list(store.events())
    finally:
        store.close()


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def score(gold: Path, predicted: Path, docs: Path, by_subtype: bool) -> str:
    """score.py's printed report; it exits 2 on malformed input, which is an error here."""
    cmd = [sys.executable, str(SCORER), str(gold), str(predicted), "--docs", str(docs)] + (["--by-subtype"] if by_subtype else [])
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"score.py failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


def language_subset(tmp: Path, lang: str, heldout: Path, gold: list[dict], events: list[dict]) -> tuple[Path, Path, Path]:
    """Gold, predicted and docs folder restricted to one language's documents."""
    folder = tmp / f"docs-{lang}"
    folder.mkdir()
    ids = set()
    for p in sorted((heldout / "docs").glob("*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))
        if d["language"] == lang:
            ids.add(d["doc_id"])
            (folder / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    g, e = tmp / f"gold-{lang}.jsonl", tmp / f"events-{lang}.jsonl"
    write_jsonl(g, [x for x in gold if x["doc_id"] in ids])
    write_jsonl(e, [x for x in events if x["doc_id"] in ids])
    return g, e, folder


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", type=Path, default=HELDOUT, help="a held-out folder (docs/ and gold.jsonl)")
    ap.add_argument("--out", type=Path, help="also keep the exported events here")
    ap.add_argument("--collected", default=COLLECTED, help="collection date given to ingest")
    a = ap.parse_args(argv)
    heldout = a.set.resolve()
    gold_path = heldout / "gold.jsonl"
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        events = [{k: v for k, v in e.items() if k != "explain"} for e in extract(heldout / "docs", tmp / "heldout.db", a.collected)]
        out = a.out or tmp / "events.jsonl"
        write_jsonl(out, events)
        print(f"== all languages ({len(events)} events exported)")
        print(score(gold_path, out, heldout / "docs", by_subtype=True))
        for lang in ("en", "ru"):
            g, e, folder = language_subset(tmp, lang, heldout, gold, events)
            print(f"== {lang}")
            print(score(g, e, folder, by_subtype=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
