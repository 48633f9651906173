"""Altered rows are detected, and a lost key leaves reports unreadable, never silently wrong."""

from __future__ import annotations

import pytest
from conftest import ADMIN, ATTACHMENT, CASEWORKER, new_keyring, sample_report
from sqlalchemy import text

from diaspora_watch.intake import Attachment, Intake, KeyUnavailable, SealBroken
from diaspora_watch.intake.audit import entries


def _sql(store, sql: str, **params) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(sql), params)


def _last(store):
    with store.transaction() as s:
        return entries(s, limit=1)[0]


def test_tamper_flipped_ciphertext_byte_is_detected_and_audited(intake, store):
    rid = intake.add(CASEWORKER, sample_report())
    with store.engine.connect() as conn:
        sealed = bytearray(conn.execute(text("select sealed from intake_reports where id = :i"), {"i": rid}).scalar())
    sealed[40] ^= 0x80
    _sql(store, "update intake_reports set sealed = :s where id = :i", s=bytes(sealed), i=rid)
    with pytest.raises(SealBroken, match="failed authentication"):
        intake.show(CASEWORKER, rid)
    assert (_last(store)["action"], _last(store)["outcome"], _last(store)["report_id"]) == ("read", "failed", rid)


def test_tamper_ciphertext_swapped_between_reports_is_detected(intake, store):
    a, b = intake.add(CASEWORKER, sample_report()), intake.add(CASEWORKER, sample_report(consent="none"))
    _sql(store, "update intake_reports set sealed = (select sealed from intake_reports where id = :a) where id = :b", a=a, b=b)
    with pytest.raises(SealBroken):
        intake.show(CASEWORKER, b)


@pytest.mark.parametrize("change", [
    "consent = 'named', place = 'Moscow'",  # widen consent behind the person's back
    "organisation = 'another-org'",  # hand the report to another organisation
    "subtype = 'raid'",  # make the aggregates lie
])
def test_tamper_clear_columns_changed_outside_are_detected(intake, store, change):
    rid = intake.add(CASEWORKER, sample_report())
    _sql(store, f"update intake_reports set {change} where id = :i", i=rid)
    with pytest.raises(SealBroken, match="clear columns"):
        intake.show(ADMIN, rid)


def test_tamper_attachment_altered_or_removed_is_detected(intake, store):
    rid = intake.add(CASEWORKER, sample_report(), [Attachment("a.jpg", ATTACHMENT), Attachment("b.jpg", ATTACHMENT)])
    assert intake.attachment(CASEWORKER, rid, 1).data == ATTACHMENT
    _sql(store, "update intake_attachments set sealed = (select sealed from intake_attachments where report_id = :i order by id limit 1) "
         "where id = (select max(id) from intake_attachments where report_id = :i)", i=rid)
    with pytest.raises(SealBroken):
        intake.attachment(CASEWORKER, rid, 1)
    _sql(store, "delete from intake_attachments where report_id = :i", i=rid)
    with pytest.raises(SealBroken, match="missing"):
        intake.export(CASEWORKER, rid)


def test_tamper_lost_key_means_unreadable(intake, store):
    rid = intake.add(CASEWORKER, sample_report())
    stranger = Intake(store, new_keyring())
    with pytest.raises(KeyUnavailable, match=f"sealed under intake key {intake.keyring.current}"):
        stranger.show(CASEWORKER, rid)
    with pytest.raises(KeyUnavailable):
        stranger.list(CASEWORKER)
    with pytest.raises(KeyUnavailable, match="needs the intake key"):
        Intake(store, None).show(CASEWORKER, rid)
    assert _last(store)["outcome"] == "failed"
    assert intake.show(CASEWORKER, rid)["report"]["narrative"] == sample_report()["narrative"]  # the right key still works
