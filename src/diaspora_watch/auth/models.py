"""Tables for people who may change things: users, their API tokens and their login sessions.

Secrets are never stored: passwords as argon2 hashes, tokens and session ids as SHA-256
digests (they are long random strings, so a fast hash is enough and lookups stay indexed).
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from diaspora_watch.store.schema import Base


class User(Base):
    """A person with a role; ``organisation`` scopes what a caseworker may later see of intake."""

    __tablename__ = "auth_users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(120), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))  # admin | caseworker | analyst | public
    organisation: Mapped[str] = mapped_column(String(255), default="")
    created: Mapped[str] = mapped_column(String(32))
    disabled: Mapped[int] = mapped_column(Integer, default=0)


class ApiToken(Base):
    """A bearer token for scripts; only its digest is kept, so a leaked database leaks no token."""

    __tablename__ = "auth_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("auth_users.id", ondelete="CASCADE"), index=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    created: Mapped[str] = mapped_column(String(32))
    expires: Mapped[str | None] = mapped_column(String(32))
    last_used: Mapped[str | None] = mapped_column(String(32))


class LoginSession(Base):
    """A server-side browser session: expires, and carries the CSRF token for its forms."""

    __tablename__ = "auth_sessions"
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("auth_users.id", ondelete="CASCADE"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created: Mapped[str] = mapped_column(String(32))
    expires: Mapped[str] = mapped_column(String(32), index=True)
