"""Optional TOTP second factor for intake users, its secret sealed with the intake key.

Kept here, keyed by the auth user id, so the auth package stays as it is. A code is accepted
once: the time step it belongs to is remembered, and an older or equal step is refused.
"""

from __future__ import annotations

import time

import pyotp
from sqlalchemy.orm import Session

from diaspora_watch.intake.crypto import Keyring
from diaspora_watch.intake.models import TotpRow

ISSUER = "diaspora-watch"


def totp_context(user_id: int) -> str:
    return f"intake_totp:{user_id}"


def enroll(session: Session, keyring: Keyring, user_id: int, username: str) -> str:
    """Start (or restart) enrolment; returns the ``otpauth://`` URI to show once as a QR code."""
    secret = pyotp.random_base32()
    row = session.get(TotpRow, user_id) or TotpRow(user_id=user_id)
    row.key_id, row.sealed = keyring.current, keyring.seal(secret.encode("ascii"), totp_context(user_id))
    row.enabled, row.last_step = 0, 0
    session.add(row)
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=ISSUER)


def required(session: Session, user_id: int) -> bool:
    """Whether this user has a confirmed second factor."""
    row = session.get(TotpRow, user_id)
    return bool(row and row.enabled)


def verify(session: Session, keyring: Keyring, user_id: int, code: str, at: float | None = None) -> bool:
    """Check a code (one step of clock drift allowed); the first good code confirms enrolment."""
    row = session.get(TotpRow, user_id)
    if row is None or not code.isdigit():
        return False
    totp = pyotp.TOTP(keyring.open(row.sealed, totp_context(user_id)).decode("ascii"))
    now = time.time() if at is None else at
    for drift in (0, -1, 1):
        step = int(now // totp.interval) + drift
        if step > row.last_step and totp.verify(code, for_time=step * totp.interval):
            row.last_step, row.enabled = step, 1
            return True
    return False
