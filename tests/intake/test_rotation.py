"""Key rotation re-seals everything at once, or nothing if any value cannot be opened."""

from __future__ import annotations

import pytest
from conftest import ADMIN, ATTACHMENT, CASEWORKER, new_keyring, sample_report
from sqlalchemy import text

from diaspora_watch.errors import UsageError
from diaspora_watch.intake import Attachment, Intake, KeyUnavailable, SealBroken, rotate


def _key_ids(store):
    with store.engine.connect() as conn:
        return {r[0] for t in ("intake_reports", "intake_attachments") for r in conn.execute(text(f"select key_id from {t}"))}


def test_rotation_moves_every_value_to_the_new_key(intake, store):
    ids = [intake.add(CASEWORKER, sample_report(), [Attachment("a.jpg", ATTACHMENT)]) for _ in range(3)]
    new = new_keyring()
    assert rotate(store, ADMIN, intake.keyring, new) == {"reports": 3, "attachments": 3, "totp": 0}
    assert _key_ids(store) == {new.current}
    rotated = Intake(store, new)
    assert rotated.attachment(CASEWORKER, ids[0], 0).data == ATTACHMENT
    with pytest.raises(KeyUnavailable):
        intake.show(CASEWORKER, ids[0])


def test_rotation_is_all_or_nothing(intake, store):
    ids = [intake.add(CASEWORKER, sample_report()) for _ in range(3)]
    with store.engine.begin() as conn:
        conn.execute(text("update intake_reports set sealed = substr(sealed, 1, 30) where id = :i"), {"i": ids[2]})
    with pytest.raises(SealBroken):
        rotate(store, ADMIN, intake.keyring, new_keyring())
    assert _key_ids(store) == {intake.keyring.current}
    assert intake.show(CASEWORKER, ids[0])["id"] == ids[0]


def test_rotation_only_by_an_admin_to_a_different_key(intake, store):
    with pytest.raises(UsageError):
        rotate(store, CASEWORKER, intake.keyring, new_keyring())
    with pytest.raises(UsageError, match="is the current key"):
        rotate(store, ADMIN, intake.keyring, intake.keyring)
