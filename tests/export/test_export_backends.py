"""PostgreSQL and SQLite give identical exports for the same input (``pg_url``: a fresh database, tests/conftest.py)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from dw_gold_fixtures import ingest_gold

from diaspora_watch.export import formats, write_export, write_export_dir
from diaspora_watch.link import incidents
from diaspora_watch.store import Store

STREAM_FORMATS = ["events-jsonl", "documents-jsonl", "incidents-csv", "incidents-geojson", "acled-csv", "atom"]


def _exports(url: str, tmp: Path) -> dict[str, str]:
    out = {}
    with Store.open(url) as store:
        ingest_gold(store)
        for fmt in STREAM_FORMATS:
            buf = io.StringIO()
            write_export(store, fmt, buf, {})
            out[fmt] = buf.getvalue()
        write_export_dir(store, "datapackage", tmp, {"country": "RU"})
    out.update({f"datapackage/{p.name}": p.read_text(encoding="utf-8") for p in sorted(tmp.iterdir())})
    return out


@pytest.mark.postgres
def test_postgres_and_sqlite_exports_are_identical(pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(incidents, "now", lambda: "2025-12-31T00:00:00+00:00")
    lite = _exports(f"sqlite:///{tmp_path / 'dw.db'}", tmp_path / "lite")
    pg = _exports(pg_url, tmp_path / "pg")
    assert set(STREAM_FORMATS) <= set(formats())
    assert lite["events-jsonl"].count("\n") == 134
    for name in lite:
        assert pg[name] == lite[name], f"{name} differs between PostgreSQL and SQLite"
