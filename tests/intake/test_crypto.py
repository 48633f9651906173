"""Sealing: authenticated, bound to its row, and a wrong key is told apart from an altered ciphertext."""

from __future__ import annotations

import base64
import os

import pytest
from conftest import new_keyring

from diaspora_watch.intake.crypto import KEY_ENV, KEY_FILE_ENV, Keyring, load_keyring, parse_keys, sealed_key_id, write_key_file
from diaspora_watch.intake.errors import KeyUnavailable, SealBroken


def test_crypto_round_trip_and_fresh_nonce_each_time():
    ring = new_keyring()
    a, b = ring.seal(b"secret", "ctx"), ring.seal(b"secret", "ctx")
    assert a != b and b"secret" not in a
    assert ring.open(a, "ctx") == ring.open(b, "ctx") == b"secret"
    assert sealed_key_id(a) == ring.current


@pytest.mark.parametrize("where", [3, 11, 12, 20, -17, -1])  # key id, nonce, ciphertext, tag
def test_crypto_any_flipped_byte_is_detected(where):
    ring = new_keyring()
    sealed = bytearray(ring.seal(b"Elchin Hasanov +7 912", "intake_reports:r-1:sealed"))
    sealed[where] ^= 0x01
    with pytest.raises((SealBroken, KeyUnavailable)):
        ring.open(bytes(sealed), "intake_reports:r-1:sealed")


def test_crypto_value_moved_to_another_row_is_detected():
    ring = new_keyring()
    sealed = ring.seal(b"x", "intake_reports:r-1:sealed")
    with pytest.raises(SealBroken, match="authentication"):
        ring.open(sealed, "intake_reports:r-2:sealed")
    with pytest.raises(SealBroken):
        ring.open(sealed[:20], "intake_reports:r-1:sealed")


def test_crypto_wrong_key_is_unreadable_not_garbage():
    sealed = new_keyring().seal(b"x", "c")
    other = new_keyring()
    with pytest.raises(KeyUnavailable, match=f"sealed under intake key {sealed_key_id(sealed)}"):
        other.open(sealed, "c")


def test_crypto_older_keys_open_but_only_the_first_seals():
    old, new = new_keyring(), new_keyring()
    both = Keyring.from_keys([new.keys[new.current], old.keys[old.current]])
    assert both.open(old.seal(b"a", "c"), "c") == b"a"
    assert sealed_key_id(both.seal(b"b", "c")) == new.current


def test_crypto_key_sources_in_order(tmp_path):
    path = tmp_path / "k.key"
    kid = write_key_file(path)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    env_key = base64.b64encode(os.urandom(32)).decode()
    assert load_keyring(path, {KEY_ENV: env_key}).current == kid
    assert load_keyring(None, {KEY_FILE_ENV: str(path), KEY_ENV: env_key}).current == kid
    assert load_keyring(None, {KEY_ENV: env_key}).current != kid
    with pytest.raises(KeyUnavailable, match="no intake key"):
        load_keyring(None, {})
    with pytest.raises(KeyUnavailable, match="never overwritten"):
        write_key_file(path)


def test_crypto_refuses_bad_keys_and_open_key_files(tmp_path):
    with pytest.raises(KeyUnavailable, match="not base64"):
        parse_keys("not a key!", "env")
    with pytest.raises(KeyUnavailable, match="16 bytes"):
        parse_keys(base64.b64encode(bytes(16)).decode(), "env")
    with pytest.raises(KeyUnavailable, match="holds no key"):
        parse_keys("# only a comment\n", "file")
    path = tmp_path / "open.key"
    path.write_text(base64.b64encode(os.urandom(32)).decode())
    path.chmod(0o644)
    with pytest.raises(KeyUnavailable, match="chmod 600"):
        load_keyring(path, {})
