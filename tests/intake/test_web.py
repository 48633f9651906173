"""Through HTTP: analysts and the public never reach report content; caseworkers only their own."""

from __future__ import annotations

import base64
import warnings
from datetime import timedelta

import pyotp
import pytest
from conftest import ATTACHMENT, NAME_EN, NOTES, PHONE, SECRETS, new_keyring, sample_report

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette suggests httpx2 on import; httpx is what the project pins
    from fastapi.testclient import TestClient

from diaspora_watch.auth import service
from diaspora_watch.intake import web
from diaspora_watch.serve.app import create_app
from diaspora_watch.serve.security import SESSION_COOKIE

PASSWORD = "correct horse battery"
USERS = {"root": ("admin", ""), "anna": ("caseworker", "legal-aid-ekb"), "boris": ("caseworker", "another-org"),
         "alex": ("analyst", "legal-aid-ekb"), "pat": ("public", "")}


@pytest.fixture
def app(sqlite_url):
    app = create_app(sqlite_url)
    app.include_router(web.router)
    web.configure(app, new_keyring(), public_organisation="legal-aid-ekb",
                  limiter=web.public_limiter(per_client=5, window=600, overall=50, overall_window=3600))
    for name, (role, org) in USERS.items():
        service.add_user(app.state.store, name, PASSWORD, role, org)
    yield app
    app.state.store.close()


@pytest.fixture
def client(app):
    with TestClient(app) as c:
        yield c


def bearer(app, username):
    return {"authorization": f"Bearer {service.new_token(app.state.store, username)}"}


def _leaks(text: str) -> list[str]:
    return [s for s in SECRETS if s in text] + (["attachment"] if base64.b64encode(ATTACHMENT).decode() in text else [])


def _add(client, app, user="anna", **changes) -> str:
    body = {"report": sample_report(**changes), "attachments": [{"name": "s.jpg", "media_type": "image/jpeg",
                                                                  "base64": base64.b64encode(ATTACHMENT).decode()}]}
    r = client.post("/api/v1/intake/reports", json=body, headers=bearer(app, user))
    assert r.status_code == 201, r.text
    return r.json()["id"]


def _content_requests(rid: str) -> list[tuple[str, str, dict | None]]:
    """Every intake endpoint that touches a report, as (method, path, json)."""
    return [
        ("GET", "/api/v1/intake/reports", None), ("GET", f"/api/v1/intake/reports/{rid}", None),
        ("GET", f"/api/v1/intake/reports/{rid}/export", None), ("GET", f"/api/v1/intake/reports/{rid}/attachments/0", None),
        ("PATCH", f"/api/v1/intake/reports/{rid}", {"caseworker_notes": "x"}), ("POST", f"/api/v1/intake/reports/{rid}/review", None),
        ("POST", f"/api/v1/intake/reports/{rid}/links", {"incident": "x"}),
        ("DELETE", f"/api/v1/intake/reports/{rid}?why=curious", None), ("GET", "/api/v1/intake/audit", None),
        ("POST", "/api/v1/intake/reports", {"report": sample_report()}),
    ]


def test_web_caseworker_reads_and_writes_own_reports(client, app):
    rid = _add(client, app)
    auth = bearer(app, "anna")
    listed = client.get("/api/v1/intake/reports", headers=auth).json()["reports"]
    assert [r["id"] for r in listed] == [rid] and not [s for s in SECRETS[:5] if s in repr(listed)]  # no identities
    shown = client.get(f"/api/v1/intake/reports/{rid}", headers=auth).json()
    assert shown["report"]["person"]["phone"] == PHONE
    assert client.get(f"/api/v1/intake/reports/{rid}/attachments/0", headers=auth).content == ATTACHMENT
    assert client.patch(f"/api/v1/intake/reports/{rid}", json={"consent": "named"}, headers=auth).status_code == 200
    export = client.get(f"/api/v1/intake/reports/{rid}/export", headers=auth)
    assert export.json()["report"]["consent"] == "named" and export.headers["cache-control"] == "no-store"
    assert client.delete(f"/api/v1/intake/reports/{rid}?why=request", headers=auth).json()["deleted"] is True
    assert client.get(f"/api/v1/intake/reports/{rid}", headers=auth).status_code == 404


@pytest.mark.parametrize("who", ["alex", "pat", None, "boris"])
def test_web_analyst_public_and_other_org_reach_no_content(client, app, who):
    rid = _add(client, app)
    headers = bearer(app, who) if who else {}
    for method, path, body in _content_requests(rid):
        r = client.request(method, path, json=body, headers=headers)
        if who == "boris" and path == "/api/v1/intake/reports" and method == "GET":
            assert r.json()["reports"] == []  # his organisation has none
            continue
        if who == "boris" and method == "POST" and path == "/api/v1/intake/reports":
            assert r.status_code == 201  # he may write for his own organisation
            continue
        expected = {None: {401}, "boris": {403, 404}}.get(who, {403})
        assert r.status_code in expected, (who, method, path, r.status_code, r.text)
        assert r.json()["ok"] is False and not _leaks(r.text), (method, path)
    admin = bearer(app, "root")
    assert client.get(f"/api/v1/intake/reports/{rid}", headers=admin).json()["report"]["caseworker_notes"] == NOTES
    audit = client.get(f"/api/v1/intake/audit?report={rid}", headers=admin).json()["entries"]
    if who:  # every refused attempt of a known user is in the log
        assert sum(e["outcome"] == "denied" and e["actor"] == who for e in audit) >= 6


def test_web_public_sees_aggregates_and_counts_only(client, app):
    for _ in range(3):
        _add(client, app)
    cells = client.get("/api/v1/intake/aggregates").json()["cells"]
    assert cells == [{"type": "recruitment", "subtype": "coercion", "country": "RU", "admin1": "RU-SVE", "month": "2025-03", "reports": 3}]
    body = client.get("/api/v1/intake/incidents/whatever/first-hand").json()
    assert body == {"ok": True, "incident": "whatever", "first_hand_reports": 0}


def test_web_session_writes_need_the_csrf_token_and_totp_when_enrolled(client, app):
    store = app.state.store
    anna = service.authenticate(store, "anna", PASSWORD)
    sid, csrf = service.start_session(store, anna, timedelta(hours=1))
    client.cookies.set(SESSION_COOKIE, sid)
    body = {"report": sample_report()}
    assert client.post("/api/v1/intake/reports", json=body).status_code == 403
    assert client.post("/api/v1/intake/reports", json=body, headers={"x-csrf-token": csrf}).status_code == 201
    uri = client.post("/api/v1/intake/totp/enroll", headers={"x-csrf-token": csrf}).json()["otpauth_uri"]
    code = pyotp.parse_uri(uri).now()
    assert client.post("/api/v1/intake/totp/verify", json={"code": code}, headers={"x-csrf-token": csrf}).status_code == 200
    sid2, csrf2 = service.start_session(store, anna, timedelta(hours=1))  # a new session must confirm again
    client.cookies.set(SESSION_COOKIE, sid2)
    r = client.get("/api/v1/intake/reports")
    assert r.status_code == 401 and "second factor" in r.json()["error"]
    client.cookies.set(SESSION_COOKIE, sid)
    assert len(client.get("/api/v1/intake/reports").json()["reports"]) == 1


def test_web_expired_session_reaches_nothing(client, app):
    anna = service.authenticate(app.state.store, "anna", PASSWORD)
    sid, _ = service.start_session(app.state.store, anna, timedelta(seconds=-1))
    client.cookies.set(SESSION_COOKIE, sid)
    assert client.get("/api/v1/intake/reports").status_code == 401


def test_web_caseworker_html_form_saves_with_attachment(client, app):
    anna = service.authenticate(app.state.store, "anna", PASSWORD)
    sid, csrf = service.start_session(app.state.store, anna, timedelta(hours=1))
    client.cookies.set(SESSION_COOKIE, sid)
    page = client.get("/intake/new")
    assert page.status_code == 200 and f'value="{csrf}"' in page.text
    form = {"csrf": csrf, "subtype": "draft_notice", "date": "2025-04", "country": "ru", "consent": "aggregate",
            "person_name": NAME_EN, "person_phone": PHONE, "person_citizenships": "az, ru", "narrative": "summons served"}
    r = client.post("/intake/new", data=form, files={"files": ("summons.jpg", ATTACHMENT, "image/jpeg")})
    assert r.status_code == 200 and 'id="saved"' in r.text, r.text
    rid = client.get("/api/v1/intake/reports", headers=bearer(app, "anna")).json()["reports"][0]["id"]
    report = client.get(f"/api/v1/intake/reports/{rid}", headers=bearer(app, "anna")).json()["report"]
    assert report["person"] == {"name": NAME_EN, "phone": PHONE, "citizenships": ["AZ", "RU"]}
    assert (report["type"], report["country"], report["attachments"][0]["name"]) == ("recruitment", "RU", "summons.jpg")
    assert client.post("/intake/new", data={**form, "csrf": "forged"}).status_code == 403
