"""Authenticated encryption of report content (AES-256-GCM), under keys kept outside the database.

A sealed value is ``b"DW1" | key id (8 bytes) | nonce (12 bytes) | ciphertext+tag``. The
header and a *context* string (which row and column the value belongs to) are bound in as
associated data, so a ciphertext that is altered, truncated or copied into another row fails
authentication instead of decrypting to something else.

Keys are 32 random bytes written as base64, one per line, in a key file
(``DIASPORA_WATCH_INTAKE_KEY_FILE`` or ``--key-file``) or in ``DIASPORA_WATCH_INTAKE_KEY``
(several separated by commas). The first key seals; the others only open, which is what a
rotation in stages needs. A key's id is a hash of it, so a wrong key is told apart from an
altered ciphertext: a lost key means "unreadable", never "silently corrupted".
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import secrets
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from diaspora_watch.intake.errors import KeyUnavailable, SealBroken

KEY_ENV = "DIASPORA_WATCH_INTAKE_KEY"
KEY_FILE_ENV = "DIASPORA_WATCH_INTAKE_KEY_FILE"
MAGIC = b"DW1"
_ID_LEN = 8
_NONCE_LEN = 12
_HEADER_LEN = len(MAGIC) + _ID_LEN


def key_id(key: bytes) -> str:
    """The public name of a key: a hash prefix, safe to store beside the data it seals.

    Examples:
        >>> key_id(bytes(32))
        '01bf557964c9fd6b'
    """
    return hashlib.sha256(b"diaspora-watch intake key id\0" + key).hexdigest()[: 2 * _ID_LEN]


def generate_key() -> str:
    """A new random key in the file format (base64 of 32 bytes)."""
    return base64.b64encode(secrets.token_bytes(32)).decode("ascii")


@dataclass(frozen=True)
class Keyring:
    """The keys this process holds: ``current`` seals, every key in ``keys`` may open."""

    current: str
    keys: Mapping[str, bytes]

    @classmethod
    def from_keys(cls, keys: list[bytes]) -> Keyring:
        if not keys:
            raise KeyUnavailable("no intake key given")
        return cls(current=key_id(keys[0]), keys={key_id(k): k for k in keys})

    def seal(self, plaintext: bytes, context: str) -> bytes:
        """Encrypt ``plaintext`` under the current key, bound to ``context`` (e.g. ``report:ID:payload``)."""
        header = MAGIC + bytes.fromhex(self.current)
        nonce = secrets.token_bytes(_NONCE_LEN)
        return header + nonce + AESGCM(self.keys[self.current]).encrypt(nonce, plaintext, header + context.encode())

    def open(self, sealed: bytes, context: str) -> bytes:
        """Decrypt a value sealed for ``context``.

        Raises:
            KeyUnavailable: it was sealed under a key this keyring does not hold.
            SealBroken: it was altered, truncated, or sealed for another context.
        """
        sealed = bytes(sealed)
        if len(sealed) < _HEADER_LEN + _NONCE_LEN + 16 or not sealed.startswith(MAGIC):
            raise SealBroken(f"{context}: not a sealed value (bad header or too short)")
        kid = sealed[len(MAGIC) : _HEADER_LEN].hex()
        key = self.keys.get(kid)
        if key is None:
            raise KeyUnavailable(
                f"{context}: sealed under intake key {kid}, but the loaded key is {self.current}; "
                "it cannot be read without that key"
            )
        nonce = sealed[_HEADER_LEN : _HEADER_LEN + _NONCE_LEN]
        try:
            return AESGCM(key).decrypt(nonce, sealed[_HEADER_LEN + _NONCE_LEN :], sealed[:_HEADER_LEN] + context.encode())
        except InvalidTag:
            raise SealBroken(f"{context}: ciphertext failed authentication (altered or moved from another row)") from None


def sealed_key_id(sealed: bytes) -> str:
    """The id of the key a value was sealed under (read from its header, no key needed)."""
    return bytes(sealed)[len(MAGIC) : _HEADER_LEN].hex()


def parse_keys(text: str, where: str) -> list[bytes]:
    """Keys from a key file's text or the environment variable: base64, one per line or comma."""
    keys = []
    for n, item in enumerate(text.replace(",", "\n").splitlines(), 1):
        item = item.strip()
        if not item or item.startswith("#"):
            continue
        try:
            key = base64.b64decode(item, validate=True)
        except (binascii.Error, ValueError):
            raise KeyUnavailable(f"{where}, key {n}: not base64 (make one with `diaspora-watch intake keygen FILE`)") from None
        if len(key) != 32:
            raise KeyUnavailable(f"{where}, key {n}: {len(key)} bytes, an intake key is 32 (make one with `intake keygen FILE`)")
        keys.append(key)
    if not keys:
        raise KeyUnavailable(f"{where}: holds no key")
    return keys


def read_key_file(path: Path) -> list[bytes]:
    """Keys from a file that only its owner may read (like an SSH private key)."""
    try:
        mode = path.stat().st_mode
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as e:
        raise KeyUnavailable(f"cannot read the intake key file {path}: {e}") from None
    if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise KeyUnavailable(f"{path}: the intake key file is readable by others; run `chmod 600 {path}`")
    return parse_keys(text, str(path))


def load_keyring(key_file: Path | None = None, environ: Mapping[str, str] | None = None) -> Keyring:
    """The keyring from ``key_file``, else ``$DIASPORA_WATCH_INTAKE_KEY_FILE``, else ``$DIASPORA_WATCH_INTAKE_KEY``."""
    env = os.environ if environ is None else environ
    if key_file is None and env.get(KEY_FILE_ENV):
        key_file = Path(env[KEY_FILE_ENV])
    if key_file is not None:
        return Keyring.from_keys(read_key_file(key_file))
    if env.get(KEY_ENV):
        return Keyring.from_keys(parse_keys(env[KEY_ENV], f"${KEY_ENV}"))
    raise KeyUnavailable(
        f"no intake key: pass --key-file, or set ${KEY_FILE_ENV} or ${KEY_ENV} "
        "(make a key with `diaspora-watch intake keygen FILE`)"
    )


def write_key_file(path: Path) -> str:
    """Create ``path`` holding a new key, readable by its owner only; refuses to overwrite. Returns the key id."""
    key = generate_key()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise KeyUnavailable(f"{path} exists; an intake key file is never overwritten") from None
    except OSError as e:
        raise KeyUnavailable(f"cannot create {path}: {e}") from None
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(f"# diaspora-watch intake key {key_id(base64.b64decode(key))}; keep it out of the database and its backups\n{key}\n")
    return key_id(base64.b64decode(key))
