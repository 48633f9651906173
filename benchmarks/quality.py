"""Extraction quality on the dev set, overall and per language (run by hand).

    .venv/bin/python benchmarks/quality.py [--out events.jsonl] [--by-subtype]

Runs ``extract_events`` on every dev document (collected = 2026-12-01), writes the events
(without ``explain``) as JSONL and scores them with ``shared/eval/score.py``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "dev"
COLLECTED = "2026-12-01"


def scorer() -> Any:
    """shared/eval/score.py as a module."""
    spec = importlib.util.spec_from_file_location("dw_score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load_docs(folder: Path = DEV / "docs") -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def extract_all(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from diaspora_watch.document import DOCUMENT_FIELDS, Document
    from diaspora_watch.extract import extract_events

    out = []
    for d in docs:
        doc = Document(**{k: d[k] for k in DOCUMENT_FIELDS if k in d}, collected=COLLECTED)
        out.extend({k: v for k, v in e.items() if k != "explain"} for e in extract_events(doc))
    return out


def evaluate(events: list[dict[str, Any]] | None = None) -> dict[str, dict[str, Any]]:
    """Scores overall and per language: {"all": ..., "en": ..., "ru": ...} (score.py's result dicts)."""
    score = scorer()
    docs = load_docs()
    events = extract_all(docs) if events is None else events
    gold = score.load(DEV / "gold.jsonl")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        f.write("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events))
    for e in score.load(Path(f.name)):  # the scorer's own format checks
        del e
    out = {}
    for lang in ("all", "en", "ru"):
        ids = {d["doc_id"] for d in docs if lang == "all" or d["language"] == lang}
        out[lang] = score.score([g for g in gold if g["doc_id"] in ids], [e for e in events if e["doc_id"] in ids], ids)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "dw-dev-events.jsonl")
    ap.add_argument("--by-subtype", action="store_true")
    a = ap.parse_args(argv)
    events = extract_all(load_docs())
    a.out.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events), encoding="utf-8")
    print(f"wrote {len(events)} events to {a.out}")
    for lang, r in evaluate(events).items():
        s, t = r["events_strict"], r["events_type_only"]
        print(f"[{lang}] docs {r['documents']} gold {r['gold_events']} predicted {r['predicted_events']}  "
              f"strict F1 {s['f1']:.3f} (P {s['precision']:.3f} R {s['recall']:.3f})  type F1 {t['f1']:.3f}  "
              f"fields mean {r['fields_mean']:.3f}")
        print("    " + "  ".join(f"{k} {v:.2f}" for k, v in r["fields"].items()))
        if a.by_subtype and lang == "all":
            for sub, v in r["by_subtype"].items():
                print(f"      {sub:24s} P {v['precision']:.2f} R {v['recall']:.2f} F1 {v['f1']:.2f} (tp {v['tp']} fp {v['fp']} fn {v['fn']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
