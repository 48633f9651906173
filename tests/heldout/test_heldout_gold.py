"""The held-out sets are well-formed: their gold scores 1.0 against itself and cites its documents exactly.

Nothing here measures the extractor (``benchmarks/heldout.py`` does, by hand): a test with a
floor would invite tuning on a set whose only use is to stay unseen.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from dwtest import SHARED

HERE = Path(__file__).resolve().parent
SETS = [HERE, HERE.parent / "heldout2"]


@pytest.mark.parametrize("folder", SETS, ids=[p.name for p in SETS])
def test_heldout_gold_is_valid_and_evidence_is_verbatim(folder):
    docs = {d["doc_id"]: d for d in (json.loads(p.read_text(encoding="utf-8")) for p in (folder / "docs").glob("*.json"))}
    gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert gold and all(e["doc_id"] in docs for e in gold)
    for e in gold:
        for sentence in e["evidence"]:
            assert sentence in docs[e["doc_id"]]["text"], (e["doc_id"], sentence[:60])
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(folder / "gold.jsonl"), str(folder / "gold.jsonl"),
                          "--docs", str(folder / "docs"), "--json"], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    assert result["events_strict"]["f1"] == 1.0 and result["fields_mean"] == 1.0
