"""``kill -9`` in the middle of an ingest leaves a consistent database; the next run finishes the job."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from dwtest import DEV_DOCS

N_COPIES = 8


def _corpus(path) -> int:
    """The dev corpus several times over under distinct ids (later copies are republications)."""
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEV_DOCS.glob("*.json"))]
    with path.open("w", encoding="utf-8") as f:
        for i in range(N_COPIES):
            for d in docs:
                f.write(json.dumps(dict(d, doc_id=f"{d['doc_id']}#{i}", url=f"{d['url']}?copy={i}")) + "\n")
    return len(docs) * N_COPIES


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from diaspora_watch.cli import main; main()", *args]


def _count(db) -> int:
    try:
        with sqlite3.connect(db) as c:
            return c.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_crash_kill9_mid_ingest_then_resume_equals_clean_run(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    n = _corpus(corpus)
    db = tmp_path / "crash.db"
    url = f"sqlite:///{db}"
    proc = subprocess.Popen(_cli("ingest", str(corpus), "--db", url, "--quiet"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _count(db) < 10 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed: " + proc.stderr.read().decode()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    killed_at = _count(db)
    assert 0 < killed_at < n

    with sqlite3.connect(db) as c:
        assert c.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert c.execute("pragma foreign_key_check").fetchall() == []
        assert c.execute("select state from runs").fetchall() == [("running",)]

    subprocess.run(_cli("ingest", str(corpus), "--db", url, "--quiet"), check=True)
    with sqlite3.connect(db) as c:
        assert c.execute("select count(*), count(distinct doc_id) from documents").fetchone() == (n, n)
        assert c.execute("select count(*) from documents where extracted_by is null").fetchone()[0] == 0
        assert [s for (s,) in c.execute("select state from runs order by id")] == ["interrupted", "finished"]
        counts = json.loads(c.execute("select counts from runs order by id desc").fetchone()[0])
        assert counts["duplicate"] == killed_at and counts["stored"] + counts["republication"] == n - killed_at

    clean = tmp_path / "clean.db"
    subprocess.run(_cli("ingest", str(corpus), "--db", f"sqlite:///{clean}", "--quiet"), check=True)
    exports = []
    for path in (db, clean):
        out = tmp_path / f"{path.stem}.jsonl"
        subprocess.run(_cli("export", "--format", "events-jsonl", "--db", f"sqlite:///{path}", "-o", str(out)), check=True, capture_output=True)
        exports.append(sorted(out.read_text(encoding="utf-8").splitlines()))
    assert exports[0] == exports[1]
