"""Writes need a login or a token: login form with CSRF, rate limit, session CSRF, token auth, roles."""

from __future__ import annotations

import re

from diaspora_watch.auth import service
from diaspora_watch.store import Store

PASSWORD = "correct horse battery"
HTML = {"accept": "text/html"}


def _users(url: str) -> str:
    with Store.open(url) as store:
        service.add_user(store, "ana", PASSWORD, "analyst")
        service.add_user(store, "pub", PASSWORD, "public")
        return service.new_token(store, "ana", "test")


def _login(client, username: str, password: str):
    form = client.get("/login", headers=HTML).text
    csrf = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
    return client.post("/login", data={"username": username, "password": password, "csrf": csrf, "next": "/admin"},
                       headers=HTML, follow_redirects=False)


def test_writes_refused_without_login_or_token(rw_client):
    r = rw_client.post("/api/v1/ingest", json={"url": "https://example.org/article"})
    assert r.status_code == 401 and r.json()["ok"] is False


def test_writes_token_allows_ingest_and_the_url_guard_still_applies(rw_client, rw_url):
    token = _users(rw_url)
    r = rw_client.post("/api/v1/ingest", json={"url": "http://127.0.0.1:9/private"}, headers={"authorization": f"Bearer {token}"})
    assert r.status_code == 200, r.text
    report = r.json()["report"]
    assert report["set_aside"] == 1 and report["set_aside_items"][0]["reason"] == "DW-S010"  # loopback refused
    bad = rw_client.post("/api/v1/ingest", json={"url": "https://example.org/a"}, headers={"authorization": "Bearer dw_nope"})
    assert bad.status_code == 401


def test_writes_login_sets_session_and_form_needs_its_csrf(rw_client, rw_url):
    _users(rw_url)
    r = _login(rw_client, "ana", PASSWORD)
    assert r.status_code == 303 and r.headers["location"] == "/admin"
    cookie = r.headers["set-cookie"]
    assert "dw_session=" in cookie and "HttpOnly" in cookie and "samesite=lax" in cookie.lower()
    admin = rw_client.get("/admin", headers=HTML).text
    csrf = re.search(r'action="/admin/ingest">\s*<input type="hidden" name="csrf" value="([^"]+)"', admin).group(1)
    forged = rw_client.post("/admin/ingest", data={"url": "http://127.0.0.1:9/x", "csrf": "forged"}, headers=HTML)
    assert forged.status_code == 403
    ok = rw_client.post("/admin/ingest", data={"url": "http://127.0.0.1:9/x", "csrf": csrf}, headers=HTML)
    assert ok.status_code == 200 and 'id="report"' in ok.text
    no_header = rw_client.post("/api/v1/ingest", json={"url": "http://127.0.0.1:9/x"})
    assert no_header.status_code == 403  # a cookie alone is not enough: the CSRF header is needed too


def test_writes_role_without_permission_is_forbidden(rw_client, rw_url):
    _users(rw_url)
    with Store.open(rw_url) as store:
        token = service.new_token(store, "pub")
    r = rw_client.post("/api/v1/ingest", json={"url": "https://example.org/a"}, headers={"authorization": f"Bearer {token}"})
    assert r.status_code == 403 and set(r.json()) == {"ok", "error", "errors", "status"}


def test_writes_login_is_rate_limited(rw_client, rw_url):
    _users(rw_url)
    for _ in range(3):  # the fixture's limit
        assert _login(rw_client, "ana", "wrong password!").status_code == 401
    blocked = _login(rw_client, "ana", PASSWORD)
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 0


def test_writes_login_form_needs_its_csrf_token(rw_client, rw_url):
    _users(rw_url)
    r = rw_client.post("/login", data={"username": "ana", "password": PASSWORD, "csrf": "x"}, headers=HTML)
    assert r.status_code == 403


def test_writes_logout_ends_the_session(rw_client, rw_url):
    _users(rw_url)
    _login(rw_client, "ana", PASSWORD)
    page = rw_client.get("/", headers=HTML).text
    csrf = re.search(r'action="/logout" class="inline"><input type="hidden" name="csrf" value="([^"]+)"', page).group(1)
    rw_client.post("/logout", data={"csrf": csrf}, headers=HTML, follow_redirects=False)
    assert "Log in" in rw_client.get("/", headers=HTML).text
    assert rw_client.get("/admin", headers=HTML, follow_redirects=False).status_code == 303


def test_writes_login_redirect_stays_on_site(rw_client, rw_url):
    _users(rw_url)
    form = rw_client.get("/login?next=//evil.example/", headers=HTML).text
    assert 'name="next" value="/"' in form
