"""Users, passwords, tokens, sessions and the login limiter, against a real store."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from diaspora_watch.auth import service
from diaspora_watch.auth.errors import BadUser
from diaspora_watch.auth.models import ApiToken, LoginSession, User
from diaspora_watch.serve.ratelimit import SlidingWindow
from diaspora_watch.store import Store

PASSWORD = "correct horse battery"


@pytest.fixture
def store(db_url):
    with Store.open(db_url) as s:
        yield s


def test_auth_password_is_stored_as_argon2_and_checked(store):
    service.add_user(store, "amina", PASSWORD, "analyst", "Memorial")
    with store.transaction() as s:
        row = s.scalar(select(User).where(User.username == "amina"))
    assert row.password_hash.startswith("$argon2id$") and PASSWORD not in row.password_hash
    assert service.authenticate(store, "amina", PASSWORD).organisation == "Memorial"
    assert service.authenticate(store, "amina", PASSWORD + "x") is None
    assert service.authenticate(store, "nobody", PASSWORD) is None


@pytest.mark.parametrize("username,password,role", [("a", PASSWORD, "superuser"), ("a", "short", "analyst"), ("", PASSWORD, "analyst")])
def test_auth_add_user_refuses_bad_input(store, username, password, role):
    with pytest.raises(BadUser):
        service.add_user(store, username, password, role)


def test_auth_username_is_unique(store):
    service.add_user(store, "amina", PASSWORD, "analyst")
    with pytest.raises(BadUser, match="taken"):
        service.add_user(store, "amina", PASSWORD, "admin")


def test_auth_tokens_are_stored_hashed_and_expire(store):
    service.add_user(store, "amina", PASSWORD, "admin")
    token = service.new_token(store, "amina", "script")
    with store.transaction() as s:
        digests = list(s.scalars(select(ApiToken.digest)))
    assert token not in digests and service.digest(token) in digests
    assert service.token_user(store, token).username == "amina"
    assert service.token_user(store, token + "x") is None
    expired = service.new_token(store, "amina", ttl=timedelta(seconds=-1))
    assert service.token_user(store, expired) is None


def test_auth_sessions_expire_and_end(store):
    user = service.add_user(store, "amina", PASSWORD, "caseworker")
    sid, csrf = service.start_session(store, user, timedelta(hours=1))
    found = service.session_user(store, sid)
    assert found.username == "amina" and found.csrf == csrf and found.role == "caseworker"
    with store.transaction() as s:
        assert sid not in set(s.scalars(select(LoginSession.digest)))
    service.end_session(store, sid)
    assert service.session_user(store, sid) is None
    old, _ = service.start_session(store, user, timedelta(seconds=-1))
    assert service.session_user(store, old) is None


def test_auth_limiter_blocks_after_limit_and_forgets_after_window():
    now = [0.0]
    limiter = SlidingWindow(limit=3, window=60, clock=lambda: now[0])
    for _ in range(3):  # the login route: wait() before, hit() only on a failure
        assert limiter.wait("ip:1", "user:amina") == 0
        limiter.hit("ip:1", "user:amina")
    assert 0 < limiter.wait("ip:1") <= 61
    assert 0 < limiter.wait("ip:9", "user:amina") <= 61  # the user is blocked from any address
    assert limiter.wait("ip:2") == 0  # other keys are not affected
    now[0] = 61
    assert limiter.wait("ip:1", "user:amina") == 0
    limiter.hit("ip:1")
    limiter.reset("ip:1")  # a login that succeeds clears its failures
    assert limiter.wait("ip:1") == 0 and len(limiter._hits.get("ip:1", ())) == 0
