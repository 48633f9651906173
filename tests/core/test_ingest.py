"""Ingest end to end on the real dev corpus, on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
import shutil

from dwtest import DEV_DOCS, dev_doc

from diaspora_watch.ingest import ingest
from diaspora_watch.store import Store

N_DEV = len(list(DEV_DOCS.glob("*.json")))


def test_ingest_dev_corpus_stores_every_document_once(db_url):
    with Store.open(db_url) as store:
        first = ingest([str(DEV_DOCS)], store)
        assert first.counts["set_aside"] == 0, first.set_aside
        assert first.counts["stored"] + first.counts["republication"] == N_DEV
        again = ingest([str(DEV_DOCS)], store)
        assert again.counts["duplicate"] == N_DEV
        assert again.counts["stored"] == again.counts["republication"] == 0
        st = store.status()
        assert st["documents"] == N_DEV
        assert [r["state"] for r in st["runs"]] == ["finished", "finished"]


def test_ingest_keeps_doc_ids_and_fields_verbatim(db_url):
    with Store.open(db_url) as store:
        ingest([str(DEV_DOCS)], store)
        stored = {d.doc_id: d.to_codebook() for d in store.documents()}
    for path in DEV_DOCS.glob("*.json"):
        original = json.loads(path.read_text(encoding="utf-8"))
        assert stored[original["doc_id"]] == {k: original.get(k) or "" for k in stored[original["doc_id"]]}


def test_ingest_marks_an_excerpt_on_another_site_as_republication(sqlite_url):
    # d-103 is a shorter excerpt of seed-003 under another URL: a further source, not a new story
    with Store.open(sqlite_url) as store:
        ingest([str(DEV_DOCS / "seed-003.json"), str(DEV_DOCS / "d-103.json")], store)
        docs = {d.doc_id: d for d in store.documents()}
        assert docs["d-103"].meta["republication_of"] == docs["seed-003"].meta["row_id"]
        assert docs["seed-003"].meta["republication_of"] is None


def test_ingest_same_text_under_another_doc_id_is_a_republication(sqlite_url, tmp_path):
    doc = dev_doc("seed-002")
    copy = dict(doc, doc_id="copy-of-seed-002", url="https://mirror.example/copy")
    (tmp_path / "copy.json").write_text(json.dumps(copy), encoding="utf-8")
    with Store.open(sqlite_url) as store:
        r = ingest([str(DEV_DOCS / "seed-002.json"), str(tmp_path / "copy.json")], store)
        assert (r.counts["stored"], r.counts["republication"]) == (1, 1)


def test_ingest_stdin_json_lines(sqlite_url):
    lines = "".join(json.dumps(dev_doc(i), ensure_ascii=False) + "\n" for i in ("seed-001", "d-010"))
    with Store.open(sqlite_url) as store:
        r = ingest(["-"], store, stdin=io.BytesIO(lines.encode("utf-8") + b"{truncated\n"))
        assert r.counts["stored"] == 2
        assert [i["reason"] for i in r.set_aside] == ["DW-S001"]
        assert r.set_aside[0]["source"] == "<stdin>:3"


def test_ingest_doc_id_conflict_is_set_aside_not_overwritten(sqlite_url, tmp_path):
    doc = dev_doc("seed-001")
    other = dict(dev_doc("seed-002"), doc_id="seed-001")
    (tmp_path / "a.json").write_text(json.dumps(doc), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(other), encoding="utf-8")
    with Store.open(sqlite_url) as store:
        r = ingest([str(tmp_path / "a.json"), str(tmp_path / "b.json")], store)
        assert r.counts["stored"] == 1 and [i["reason"] for i in r.set_aside] == ["DW-S014"]
        assert next(store.documents()).text == doc["text"]


def test_ingest_missing_path_is_set_aside_and_batch_goes_on(sqlite_url, tmp_path):
    shutil.copy(DEV_DOCS / "seed-000.json", tmp_path / "ok.json")
    with Store.open(sqlite_url) as store:
        r = ingest([str(tmp_path / "nope"), str(tmp_path / "ok.json")], store)
        assert r.counts["stored"] == 1 and r.counts["set_aside"] == 1
        assert store.status()["set_aside"] == {"DW-S012": 1}
