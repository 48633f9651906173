"""Users, API tokens and sessions on top of the store. No HTTP here: the web layer calls these.

Tokens and session ids are 256-bit random strings shown once; only their SHA-256 digests are
stored. Passwords are hashed with argon2id (argon2-cffi's defaults) and rehashed on login
when those defaults change.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from diaspora_watch.auth.errors import BadUser
from diaspora_watch.auth.models import ApiToken, LoginSession, User
from diaspora_watch.auth.roles import ROLES, allowed
from diaspora_watch.store import Store

MIN_PASSWORD = 10
TOKEN_PREFIX = "dw_"
_hasher = PasswordHasher()
#: verified against when the user does not exist, so timing does not reveal which names exist
_DUMMY_HASH = _hasher.hash("not-a-real-password")


@dataclass(frozen=True)
class Principal:
    """Who is asking: a logged-in user (with the session's CSRF token) or a token holder."""

    user_id: int
    username: str
    role: str
    organisation: str
    csrf: str | None = None  # set for browser sessions only; token requests need no CSRF

    def can(self, permission: str) -> bool:
        return allowed(self.role, permission)


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(t: datetime) -> str:
    return t.isoformat(timespec="seconds")


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _principal(user: User, csrf: str | None = None) -> Principal:
    return Principal(user.id, user.username, user.role, user.organisation, csrf)


def add_user(store: Store, username: str, password: str, role: str, organisation: str = "") -> Principal:
    """Create a user; raises :class:`BadUser` for an unknown role, a short password or a taken name."""
    if role not in ROLES:
        raise BadUser(f"unknown role {role!r}; roles: {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise BadUser(f"the password must have at least {MIN_PASSWORD} characters")
    if not username or len(username) > 120:
        raise BadUser("the username must have 1 to 120 characters, e.g. 'amina'")
    user = User(username=username, password_hash=_hasher.hash(password), role=role, organisation=organisation,
                created=_iso(_now()), disabled=0)
    try:
        with store.transaction() as s:
            s.add(user)
            s.flush()
            return _principal(user)
    except IntegrityError:
        raise BadUser(f"the username {username!r} is taken") from None


def users(store: Store) -> list[Principal]:
    with store.transaction() as s:
        return [_principal(u) for u in s.scalars(select(User).order_by(User.username))]


def authenticate(store: Store, username: str, password: str) -> Principal | None:
    """The user if the password is right and the account enabled, else None (same cost either way)."""
    with store.transaction() as s:
        user = s.scalar(select(User).where(User.username == username))
        try:
            _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
        except (VerificationError, InvalidHashError):
            return None
        if user is None or user.disabled:
            return None
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        return _principal(user)


def start_session(store: Store, user: Principal, ttl: timedelta) -> tuple[str, str]:
    """A new session for ``user``: returns (session id for the cookie, CSRF token for its forms)."""
    sid, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = _now()
    with store.transaction() as s:
        s.execute(delete(LoginSession).where(LoginSession.expires < _iso(now)))  # sweep expired ones
        s.add(LoginSession(digest=digest(sid), user_id=user.user_id, csrf=csrf, created=_iso(now), expires=_iso(now + ttl)))
    return sid, csrf


def session_user(store: Store, sid: str) -> Principal | None:
    """The user of a live session, with its CSRF token; None if unknown, expired or disabled."""
    with store.transaction() as s:
        row = s.execute(
            select(LoginSession, User).join(User, User.id == LoginSession.user_id).where(LoginSession.digest == digest(sid))
        ).first()
        if row is None or row[0].expires <= _iso(_now()) or row[1].disabled:
            return None
        return _principal(row[1], row[0].csrf)


def end_session(store: Store, sid: str) -> None:
    with store.transaction() as s:
        s.execute(delete(LoginSession).where(LoginSession.digest == digest(sid)))


def new_token(store: Store, username: str, name: str = "", ttl: timedelta | None = None) -> str:
    """Issue an API token for ``username``; the plain token is returned once and never stored."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = _now()
    with store.transaction() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise BadUser(f"no user {username!r}")
        s.add(ApiToken(user_id=user.id, digest=digest(token), name=name, created=_iso(now),
                       expires=_iso(now + ttl) if ttl else None))
    return token


def token_user(store: Store, token: str) -> Principal | None:
    """The user an API token belongs to; None if unknown, expired or the user is disabled."""
    now = _iso(_now())
    with store.transaction() as s:
        row = s.execute(select(ApiToken, User).join(User, User.id == ApiToken.user_id).where(ApiToken.digest == digest(token))).first()
        if row is None or (row[0].expires and row[0].expires <= now) or row[1].disabled:
            return None
        row[0].last_used = now
        return _principal(row[1])
