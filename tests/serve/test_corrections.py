"""Merge and split from the web: only with 'incidents:edit', CSRF-checked forms, recorded who/when/why, shown on the page."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from diaspora_watch.auth import service
from diaspora_watch.store import Store

PASSWORD = "correct horse battery"
HTML = {"accept": "text/html"}


def _tokens(url: str) -> dict[str, str]:
    with Store.open(url) as store:
        for name, role in (("ana", "analyst"), ("root", "admin"), ("pub", "public"), ("cas", "caseworker")):
            service.add_user(store, name, PASSWORD, role)
        return {name: service.new_token(store, name) for name in ("ana", "root", "pub", "cas")}


def _bearer(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


def _mergeable(client) -> tuple[str, str]:
    """Two incidents of one subtype whose sources come from different documents (a merge is allowed)."""
    by_subtype: dict[str, list[dict]] = defaultdict(list)
    for item in client.get("/api/v1/incidents", params={"limit": 500}).json()["items"]:
        by_subtype[item["subtype"]].append(client.get(f"/api/v1/incidents/{item['id']}").json()["incident"])
    for group in by_subtype.values():
        for a in group:
            for b in group:
                if a["id"] < b["id"] and not {s["doc_id"] for s in a["sources"]} & {s["doc_id"] for s in b["sources"]}:
                    return a["id"], b["id"]
    raise AssertionError("the dev corpus has two incidents of one subtype from different documents")


def _splittable(client) -> dict:
    items = client.get("/api/v1/incidents", params={"limit": 500}).json()["items"]
    top = max(items, key=lambda i: i["n_sources"])
    assert top["n_sources"] >= 2
    return client.get(f"/api/v1/incidents/{top['id']}").json()["incident"]


@pytest.mark.parametrize("who,status", [(None, 401), ("pub", 403), ("cas", 403)])
def test_corrections_refused_without_the_permission(rw_client, rw_url, who, status):
    tokens = _tokens(rw_url)
    a, b = _mergeable(rw_client)
    headers = _bearer(tokens[who]) if who else {}
    merge = rw_client.post(f"/api/v1/incidents/{a}/merge", json={"other": b, "why": "same raid"}, headers=headers)
    split = rw_client.post(f"/api/v1/incidents/{a}/split", json={"events": ["d-001:0"], "why": "two cities"}, headers=headers)
    for r in (merge, split):
        assert r.status_code == status and set(r.json()) == {"ok", "error", "errors", "status"}
    assert rw_client.get(f"/api/v1/incidents/{b}").json()["incident"]["id"] == b  # nothing changed
    form = rw_client.post(f"/incidents/{a}/merge", data={"other": b, "why": "same raid", "csrf": "x"}, headers={**HTML, **headers})
    assert form.status_code == status and 'id="error"' in form.text


def test_corrections_merge_by_token_is_recorded_and_the_old_id_follows(rw_client, rw_url):
    tokens = _tokens(rw_url)
    a, b = _mergeable(rw_client)
    before = rw_client.get(f"/api/v1/incidents/{a}").json()["incident"]["n_sources"]
    r = rw_client.post(f"/api/v1/incidents/{a}/merge", json={"other": b, "why": "same raid, two outlets"}, headers=_bearer(tokens["ana"]))
    assert r.status_code == 200 and r.json() == {"ok": True, "incident": a}
    merged = rw_client.get(f"/api/v1/incidents/{b}").json()["incident"]
    assert merged["id"] == a and b in merged["aliases"] and merged["n_sources"] > before
    [h] = merged["history"]
    assert (h["action"], h["incident"], h["other"], h["by"], h["why"]) == ("merge", a, b, "ana", "same raid, two outlets")
    assert re.match(r"\d{4}-\d{2}-\d{2}T", h["at"])
    page = rw_client.get(f"/incidents/{a}", headers=HTML).text
    assert f"merged {b} into {a}" in page and "same raid, two outlets" in page and "<strong>ana</strong>" in page
    again = rw_client.post(f"/api/v1/incidents/{a}/merge", json={"other": b, "why": "again"}, headers=_bearer(tokens["ana"]))
    assert again.status_code == 400 and "already one incident" in again.json()["error"]


def test_corrections_split_moves_events_into_a_new_incident(rw_client, rw_url):
    tokens = _tokens(rw_url)
    inc = _splittable(rw_client)
    key = inc["sources"][-1]["key"]
    r = rw_client.post(f"/api/v1/incidents/{inc['id']}/split", json={"events": [key], "why": "another day"}, headers=_bearer(tokens["root"]))
    assert r.status_code == 200, r.text
    new = rw_client.get(f"/api/v1/incidents/{r.json()['incident']}").json()["incident"]
    assert [s["key"] for s in new["sources"]] == [key]
    old = rw_client.get(f"/api/v1/incidents/{inc['id']}").json()["incident"]
    assert key not in [s["key"] for s in old["sources"]] and old["n_sources"] == inc["n_sources"] - 1
    assert old["history"][0]["action"] == "split" and old["history"][0]["by"] == "root" and old["history"][0]["events"] == [key]
    bad = rw_client.post(f"/api/v1/incidents/{inc['id']}/split", json={"events": ["nope:9"], "why": "x y z"}, headers=_bearer(tokens["root"]))
    assert bad.status_code == 400 and "not events of" in bad.json()["error"]
    short = rw_client.post(f"/api/v1/incidents/{inc['id']}/split", json={"events": [key], "why": ""}, headers=_bearer(tokens["root"]))
    assert short.status_code == 400 and short.json()["errors"][0].startswith("why:")


def _login(client, username: str) -> None:
    form = client.get("/login", headers=HTML).text
    csrf = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
    r = client.post("/login", data={"username": username, "password": PASSWORD, "csrf": csrf, "next": "/"}, headers=HTML,
                    follow_redirects=False)
    assert r.status_code == 303


def test_corrections_forms_on_the_page_need_login_permission_and_csrf(rw_client, rw_url):
    _tokens(rw_url)
    inc = _splittable(rw_client)
    assert 'id="split-form"' not in rw_client.get(f"/incidents/{inc['id']}", headers=HTML).text  # the public sees no forms
    _login(rw_client, "pub")
    assert 'id="merge-form"' not in rw_client.get(f"/incidents/{inc['id']}", headers=HTML).text  # nor a role without the permission
    rw_client.cookies.clear()
    _login(rw_client, "ana")
    page = rw_client.get(f"/incidents/{inc['id']}", headers=HTML).text
    assert 'id="merge-form"' in page and page.count('name="events"') == inc["n_sources"]
    csrf = re.search(r'id="split-form">\s*<input type="hidden" name="csrf" value="([^"]+)"', page).group(1)
    key = inc["sources"][0]["key"]
    forged = rw_client.post(f"/incidents/{inc['id']}/split", data={"events": [key], "why": "two places", "csrf": "forged"}, headers=HTML)
    assert forged.status_code == 403
    ok = rw_client.post(f"/incidents/{inc['id']}/split", data={"events": [key], "why": "two places", "csrf": csrf}, headers=HTML,
                        follow_redirects=False)
    assert ok.status_code == 303
    shown = rw_client.get(ok.headers["location"], headers=HTML).text
    assert f"split {key} off {inc['id']} into" in shown and "two places" in shown


def test_corrections_history_is_escaped(rw_client, rw_url):
    tokens = _tokens(rw_url)
    a, b = _mergeable(rw_client)
    rw_client.post(f"/api/v1/incidents/{a}/merge", json={"other": b, "why": "<script>alert(1)</script>"}, headers=_bearer(tokens["ana"]))
    page = rw_client.get(f"/incidents/{a}", headers=HTML).text
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
