"""The report JSON, the schema of the intake tables, the public-form limiter and TOTP."""

from __future__ import annotations

import pyotp
import pytest
from conftest import CASEWORKER, sample_report

from diaspora_watch.intake import ReportInvalid
from diaspora_watch.intake.report import validate
from diaspora_watch.intake.web import EVERYBODY, public_limiter


@pytest.mark.parametrize(("changes", "message"), [
    ({"subtype": "raid"}, "belongs to type 'enforcement'"),
    ({"subtype": "rapid_raid"}, "not a codebook subtype"),
    ({"date": "2025-13-01"}, "date: "),
    ({"consent": "maybe"}, "consent: "),
    ({"person": {"birth_year": 1850}}, "person/birth_year: 1850 is less than the minimum"),
    ({"person": {"passport": "123"}}, "person: Additional properties"),
    ({"nickname": "x"}, "(top): Additional properties"),
])
def test_report_invalid_reports_name_the_json_path(changes, message):
    with pytest.raises(ReportInvalid, match=message.replace("(", r"\(").replace(")", r"\)")):
        validate(sample_report(**changes))


def test_report_public_form_takes_no_identity(intake):
    with pytest.raises(ReportInvalid, match="person: the public form takes no such field"):
        intake.submit_public(sample_report(), "public-intake")


def test_report_intake_tables_match_their_migration(store):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from diaspora_watch.store.schema import Base

    with store.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in diffs if "intake_" in repr(d)] == []


def test_report_limiter_per_client_and_overall():
    clock = [0.0]
    limiter = public_limiter(per_client=2, window=60, overall=3, overall_window=600, clock=lambda: clock[0])
    hit = lambda client: limiter.hit(f"client:{client}", EVERYBODY)  # noqa: E731 - what the public form does
    assert hit("a") == hit("a") == 0
    assert 1 <= hit("a") <= 61  # refused, and not counted against everybody
    assert hit("b") == 0
    assert 540 < hit("c") <= 601  # the overall window is full
    clock[0] = 601
    assert hit("a") == 0


def test_report_totp_accepts_a_code_once(store, keyring):
    from diaspora_watch.intake import totp

    with store.transaction() as s:
        uri = totp.enroll(s, keyring, 7, CASEWORKER.name)
        assert not totp.required(s, 7)
    code = pyotp.parse_uri(uri).at(1_000_000)
    with store.transaction() as s:
        assert not totp.verify(s, keyring, 7, "000000" if code != "000000" else "111111", at=1_000_000)
        assert totp.verify(s, keyring, 7, code, at=1_000_000)
        assert totp.required(s, 7)
        assert not totp.verify(s, keyring, 7, code, at=1_000_000)  # replayed
    with store.engine.connect() as conn:
        raw = conn.exec_driver_sql("select sealed from intake_totp").scalar()
    assert pyotp.parse_uri(uri).secret.encode() not in raw
