"""The promise: the database file, its write-ahead log and its backups hold no names, phones or stories."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from conftest import ADMIN, ATTACHMENT, CASEWORKER, NAME_EN, SECRETS, sample_report

from diaspora_watch.intake import Attachment


def _db_path(store) -> Path:
    return Path(store.engine.url.database)


def _raw(path: Path) -> bytes:
    """The database file and whatever SQLite keeps beside it (WAL, shared memory)."""
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def _leaks(blob: bytes) -> list[str]:
    found = []
    for secret in SECRETS:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            if secret.encode(encoding) in blob:
                found.append(f"{secret!r} ({encoding})")
    if ATTACHMENT in blob:
        found.append("attachment bytes")
    return found


def _fill(intake) -> list[str]:
    ids = [intake.add(CASEWORKER, sample_report(consent=consent), [Attachment("summons.jpg", ATTACHMENT, "image/jpeg")])
           for consent in ("none", "aggregate", "aggregate")]
    intake.update(CASEWORKER, ids[0], {"caseworker_notes": SECRETS[6] + " (again)"})
    intake.show(CASEWORKER, ids[1])
    return ids


def test_at_rest_raw_file_and_wal_hold_no_plaintext(intake, store):
    _fill(intake)
    assert _leaks(_raw(_db_path(store))) == []
    assert intake.show(CASEWORKER, intake.list(CASEWORKER)[0]["id"])["report"]["person"]["name"].endswith(f"({NAME_EN})")


def test_at_rest_backups_hold_no_plaintext(intake, store, tmp_path):
    _fill(intake)
    src = sqlite3.connect(_db_path(store))
    api_copy, vacuum_copy = tmp_path / "backup-api.db", tmp_path / "vacuum-into.db"
    with sqlite3.connect(api_copy) as dst:
        src.backup(dst)
    src.execute("VACUUM INTO ?", (str(vacuum_copy),))
    src.close()
    copies = [api_copy, vacuum_copy]
    if shutil.which("sqlite3"):
        cli_copy = tmp_path / "backup-cli.db"
        subprocess.run(["sqlite3", str(_db_path(store)), f".backup '{cli_copy}'"], check=True, timeout=60)
        copies.append(cli_copy)
    for copy in copies:
        assert copy.stat().st_size > 0
        assert _leaks(copy.read_bytes()) == [], copy.name
        with sqlite3.connect(copy) as c:  # the copy is a real database, with the reports in it
            assert c.execute("select count(*) from intake_reports").fetchone()[0] == 3


def test_at_rest_clear_columns_are_coarse_and_consented(intake, store):
    ids = {c: intake.add(CASEWORKER, sample_report(consent=c)) for c in ("none", "aggregate", "named")}
    with sqlite3.connect(_db_path(store)) as c:
        rows = {r[0]: r[1:] for r in c.execute("select id, type, subtype, country, admin1, place, date from intake_reports")}
    assert rows[ids["none"]] == (None,) * 6
    assert rows[ids["aggregate"]] == ("recruitment", "coercion", "RU", "RU-SVE", None, "2025-03")
    assert rows[ids["named"]] == ("recruitment", "coercion", "RU", "RU-SVE", "Verkhnyaya Pyshma", "2025-03-14")


def test_at_rest_deleted_report_leaves_not_even_its_ciphertext(intake, store):
    keep, gone = _fill(intake)[:2]
    with sqlite3.connect(_db_path(store)) as c:
        sealed = c.execute("select sealed from intake_reports where id = ?", (gone,)).fetchone()[0]
        att = c.execute("select sealed from intake_attachments where report_id = ?", (gone,)).fetchone()[0]
    intake.delete(ADMIN, gone, "person's request")
    raw = _raw(_db_path(store))
    assert sealed[-32:] not in raw and att[-32:] not in raw
    assert gone.encode() in raw  # the audit entry stays
    assert intake.show(CASEWORKER, keep)["id"] == keep


@pytest.mark.postgres
def test_at_rest_postgres_rows_hold_no_plaintext(pg_url, keyring):
    import psycopg

    from diaspora_watch.intake import Intake
    from diaspora_watch.store import Store

    with Store.open(pg_url) as store:
        _fill(Intake(store, keyring))
    with psycopg.connect(pg_url.replace("postgresql+psycopg", "postgresql")) as conn:
        dump = "\n".join(str(row) for table in ("intake_reports", "intake_attachments", "intake_audit", "intake_links")
                         for row in conn.execute(f"select * from {table}"))  # noqa: S608 - fixed names
    assert [s for s in SECRETS if s in dump] == []


def test_at_rest_the_scan_finds_plaintext_when_there_is_some(intake, store):
    """The scan itself works: a name written in clear anywhere in the file is found."""
    _fill(intake)
    with sqlite3.connect(_db_path(store)) as c:
        c.execute("insert into runs (command, started, state, host, sources, counts) values ('x', 'now', 'finished', ?, '[]', '{}')",
                  (NAME_EN,))
    assert any(NAME_EN in leak for leak in _leaks(_raw(_db_path(store))))
