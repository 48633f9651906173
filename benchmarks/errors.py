"""Where an export disagrees with gold, event by event (run by hand, to find classes of misses).

    .venv/bin/python benchmarks/quality.py --out /tmp/dev.jsonl
    .venv/bin/python benchmarks/errors.py ../shared/data/dev/gold.jsonl /tmp/dev.jsonl \\
        --docs ../shared/data/dev/docs [--lang en] [--fields date,place] [--unmatched]

Events are paired as ``shared/eval/score.py`` pairs them (strict: subtype, country, date
agreeing to the coarser precision). For each pair it prints the fields that differ; with
``--unmatched`` also the gold events no prediction matched (FN) and the predictions that
matched nothing (FP), each with its first evidence sentence. The last line counts misses per
field. Never run it on ``tests/heldout2`` or ``tests/heldout3``: those sets stay unseen.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from quality import scorer

#: Sets that measure generalisation only while nobody reads their errors.
UNSEEN = ("heldout2", "heldout3")


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("predicted", type=Path)
    ap.add_argument("--docs", type=Path, help="documents folder, for --lang")
    ap.add_argument("--lang", help="only documents in this language")
    ap.add_argument("--fields", help="comma-separated fields to compare (default: all)")
    ap.add_argument("--unmatched", action="store_true", help="also list FN and FP events")
    a = ap.parse_args(argv)
    s = scorer()
    if any(name in str(a.gold.resolve()) for name in UNSEEN):
        raise SystemExit(f"{a.gold} is an unseen set: score it with benchmarks/heldout.py --set, never list its errors")
    langs = {}
    if a.docs:
        for p in a.docs.glob("*.json"):
            d = json.loads(p.read_text(encoding="utf-8"))
            langs[d["doc_id"]] = d.get("language")
    gold, pred = defaultdict(list), defaultdict(list)
    for e in _rows(a.gold):
        gold[e["doc_id"]].append(e)
    for e in _rows(a.predicted):
        pred[e["doc_id"]].append(e)
    fields = a.fields.split(",") if a.fields else list(s.FIELDS)
    misses: Counter[str] = Counter()
    for doc_id in sorted(set(gold) | set(pred)):
        if a.lang and langs.get(doc_id) != a.lang:
            continue
        g, p = gold[doc_id], pred[doc_id]
        pairs = s.match_doc(g, p, True)
        for i, j in pairs:
            for f in fields:
                if s.field_equal(f, g[i], p[j]) < 1:
                    misses[f] += 1
                    print(f"{doc_id} {g[i]['subtype']:24} {f:15} gold={g[i].get(f)!r} pred={p[j].get(f)!r} | {g[i]['evidence'][0][:100]}")
        if a.unmatched:
            hit_g, hit_p = {i for i, _ in pairs}, {j for _, j in pairs}
            for tag, events, hit in (("FN", g, hit_g), ("FP", p, hit_p)):
                for k, e in enumerate(events):
                    if k not in hit:
                        misses[tag] += 1
                        print(f"{doc_id} {tag} {e['subtype']:24} {e['country']} {e['date']} | {e['evidence'][0][:120]}")
    print(dict(misses.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
