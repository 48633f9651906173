"""Every read and write of a report is in the audit log, which nothing can change or shorten."""

from __future__ import annotations

import pytest
from conftest import ADMIN, ANALYST, ATTACHMENT, CASEWORKER, OTHER_CASEWORKER, SECRETS, sample_report
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from diaspora_watch.intake import AccessDenied, Attachment, Intake, ReportNotFound
from diaspora_watch.intake.audit import entries
from diaspora_watch.store import Store


def _log(store):
    with store.transaction() as s:
        return list(reversed(entries(s)))


def test_audit_records_every_access_in_order(intake, store):
    rid = intake.add(CASEWORKER, sample_report(), [Attachment("a.jpg", ATTACHMENT)])
    intake.list(CASEWORKER)
    intake.show(CASEWORKER, rid)
    intake.attachment(CASEWORKER, rid, 0)
    intake.update(CASEWORKER, rid, {"caseworker_notes": "second call"})
    intake.export(ADMIN, rid)
    with pytest.raises(AccessDenied):
        intake.show(ANALYST, rid)
    with pytest.raises(ReportNotFound):
        intake.show(OTHER_CASEWORKER, rid)
    intake.delete(CASEWORKER, rid, "asked by phone")
    log = _log(store)
    assert [(e["actor"], e["action"], e["outcome"]) for e in log] == [
        ("anna", "create", "ok"), ("anna", "list", "ok"), ("anna", "read", "ok"), ("anna", "read_attachment", "ok"),
        ("anna", "update", "ok"), ("cli:test", "export", "ok"), ("alex", "read", "denied"), ("boris", "read", "denied"),
        ("anna", "delete", "ok"),
    ]
    assert all(e["report_id"] == rid for e in log if e["action"] != "list")
    assert log[1]["detail"] == {"reports": [rid]}
    assert log[-1]["detail"] == {"why": "asked by phone"}
    dump = repr(log)
    assert [s for s in SECRETS if s in dump] == []


def test_audit_keeps_entries_of_a_deleted_report(intake, store):
    rid = intake.add(CASEWORKER, sample_report())
    intake.delete(ADMIN, rid, "request")
    with store.transaction() as s:
        assert [e["action"] for e in entries(s, rid)] == ["delete", "create"]
    with pytest.raises(ReportNotFound):
        intake.show(ADMIN, rid)


def test_audit_log_rejects_update_and_delete_in_the_database(db_url, keyring):
    with Store.open(db_url) as store:
        Intake(store, keyring).add(CASEWORKER, sample_report())
        for sql in ("update intake_audit set actor = 'nobody'", "delete from intake_audit"):
            with pytest.raises(DatabaseError, match="append-only"), store.engine.begin() as conn:
                conn.execute(text(sql))
        if store.engine.dialect.name == "postgresql":
            with pytest.raises(DatabaseError, match="append-only"), store.engine.begin() as conn:
                conn.execute(text("truncate intake_audit"))
        assert [e["actor"] for e in _log(store)] == ["anna"]


def test_audit_code_has_no_path_that_changes_an_entry():
    from pathlib import Path

    import diaspora_watch.intake as pkg

    for path in Path(pkg.__file__).parent.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "update(AuditRow" not in source and "delete(AuditRow" not in source, path.name
