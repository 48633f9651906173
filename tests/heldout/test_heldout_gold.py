"""The held-out set is well-formed: its gold scores 1.0 against itself and cites its documents exactly.

Nothing here measures the extractor (``benchmarks/heldout.py`` does, by hand): a test with a
floor would invite tuning on a set whose only use is to stay unseen.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from dwtest import SHARED

HERE = Path(__file__).resolve().parent


def test_heldout_gold_is_valid_and_evidence_is_verbatim():
    docs = {d["doc_id"]: d for d in (json.loads(p.read_text(encoding="utf-8")) for p in (HERE / "docs").glob("*.json"))}
    gold = [json.loads(line) for line in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert gold and all(e["doc_id"] in docs for e in gold)
    for e in gold:
        for sentence in e["evidence"]:
            assert sentence in docs[e["doc_id"]]["text"], (e["doc_id"], sentence[:60])
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(HERE / "gold.jsonl"), str(HERE / "gold.jsonl"),
                          "--docs", str(HERE / "docs"), "--json"], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    assert result["events_strict"]["f1"] == 1.0 and result["fields_mean"] == 1.0
