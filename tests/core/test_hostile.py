"""Hostile inputs are set aside with a stable reason; nothing crashes, the rest of the batch is stored."""

from __future__ import annotations

import json

import pytest
from dwtest import DEV_DOCS, dev_doc

from diaspora_watch.ingest import ingest
from diaspora_watch.store import Store


def _write(folder, name, data: bytes) -> str:
    (folder / name).write_bytes(data)
    return name


@pytest.fixture
def hostile(tmp_path):
    """A folder of hostile files and one good document; maps each file to its expected reason."""
    f = tmp_path / "in"
    f.mkdir()
    good = dev_doc("seed-002")
    expected = {
        _write(f, "good.json", json.dumps(good).encode()): None,
        _write(f, "binary.txt", bytes(range(256)) * 40): "DW-S005",
        _write(f, "nul.json", b'{"doc_id": "x", "text": "a\x00b"}'): "DW-S005",
        _write(f, "pdf.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"): "DW-S005",
        _write(f, "latin1.txt", "Задержаны мигранты".encode("cp1251")): "DW-S004",
        _write(f, "truncated.json", json.dumps(good).encode()[:300]): "DW-S001",
        _write(f, "wrong-type.json", json.dumps(dict(good, text=["not", "a", "string"])).encode()): "DW-S008",
        _write(f, "bad-date.json", json.dumps(dict(good, doc_id="bd", published="yesterday")).encode()): "DW-S008",
        _write(f, "array.json", b"[1, 2, 3]"): "DW-S008",
        _write(f, "empty-text.json", json.dumps(dict(good, doc_id="e", text="   ")).encode()): "DW-S002",
        _write(f, "deep.json", b"[" * 100_000 + b"]" * 100_000): "DW-S001",
        _write(f, "deep.html", b"<html><body>" + b"<div>" * 100_000 + b"text" + b"</div>" * 100_000 + b"</body></html>"): "DW-S012",
        _write(f, "huge.txt", b"a" * (20 * 2**20)): "DW-S003",
        _write(f, "image.png", b"\x89PNG\r\n\x1a\n"): "DW-S007",
        _write(f, "empty.html", b"<html><head><title>t</title></head><body><script>var a = 1;</script></body></html>"): "DW-S013",
    }
    return f, expected


def test_hostile_files_are_set_aside_with_their_reason(sqlite_url, hostile):
    folder, expected = hostile
    with Store.open(sqlite_url) as store:
        report = ingest([str(folder)], store)
        got = {item["source"].rsplit("/", 1)[-1]: item["reason"] for item in report.set_aside}
        assert got == {name: code for name, code in expected.items() if code}
        assert report.counts["stored"] == 1
        assert store.status()["documents"] == 1


def test_hostile_huge_jsonl_line_is_skipped_without_losing_the_next(sqlite_url, tmp_path):
    doc = json.dumps(dev_doc("seed-001"))
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"doc_id": "big", "text": "' + b"x" * (3 * 2**20) + b'"}\n' + doc.encode() + b"\n")
    with Store.open(sqlite_url) as store:
        report = ingest([str(path)], store, max_bytes=2**20)
        assert [i["source"].rsplit(":", 1)[-1] for i in report.set_aside] == ["1"]
        assert report.counts["stored"] == 1


@pytest.mark.parametrize(
    "doc_id",
    ["'; DROP TABLE documents; --", "../../../etc/passwd", "<script>alert(1)</script>", "x" * 500, "名前 \u202e 🙂"],
)
def test_hostile_doc_ids_are_stored_verbatim_and_harmlessly(db_url, tmp_path, doc_id):
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(dict(dev_doc("seed-004"), doc_id=doc_id)), encoding="utf-8")
    with Store.open(db_url) as store:
        assert ingest([str(path)], store).counts["stored"] == 1
        assert [d.doc_id for d in store.documents()] == [doc_id]
        assert ingest([str(DEV_DOCS / "seed-001.json")], store).counts["stored"] == 1  # the table is still there
