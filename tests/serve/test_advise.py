"""The advisor on the web: the JSON API, and the interview that keeps answers in the form, never on the server."""

from __future__ import annotations

import html
import logging
import re

import pytest
from sqlalchemy import func, select

from diaspora_watch.store import Store
from diaspora_watch.store.schema import load_models

HTML = {"accept": "text/html"}
NATURALIZED_AZ = {"citizenships": [{"country": "RU", "acquired": "naturalization", "year": 2019},
                                   {"country": "AZ", "acquired": "birth", "year": None}],
                  "residence_country": "RU", "residence_status": "citizen", "sex": "male", "birth_year": 1987}
#: what the person types, by question key; anything not listed is answered "no"
ANSWERS = {"residence_country": "RU", "citizenships": ["RU", "AZ"], "acquired:RU": "naturalization", "year:RU": "2019",
           "acquired:AZ": "birth", "sex": "male", "birth_year": "1987", "residence_region": "RU-SVE",
           "military_registration": "registered", "applying_for": ""}


def _form(page: str) -> dict[str, str]:
    return {name: html.unescape(value) for name, value in re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page)}


def _walk(client, answers: dict, lang: str = "en", stop_after: int | None = None) -> tuple[list[str], object]:
    """Answer every question the interview asks; returns the keys asked, in order, and the last response."""
    r = client.get(f"/advise?lang={lang}", headers=HTML)
    asked: list[str] = []
    while (m := re.search(r'<legend id="question" data-key="([^"]+)"', r.text)) and (stop_after is None or len(asked) < stop_after):
        key = m.group(1)
        assert r.text.count('<legend id="question"') == 1  # one question a page
        asked.append(key)
        r = client.post(f"/advise?lang={lang}", data={**_form(r.text), "action": "next", "value": answers.get(key, "no")}, headers=HTML)
        assert r.status_code == 200, (key, re.findall(r'id="answer-error">([^<]*)', r.text))
    return asked, r


def test_advise_api_answers_with_related_incidents_from_the_database(client):
    r = client.post("/api/v1/advise", params={"as_of": "2025-06-01"}, json=NATURALIZED_AZ)
    assert r.status_code == 200 and r.headers["cache-control"] == "no-store" and "set-cookie" not in r.headers
    answer = r.json()["answer"]
    assert answer["as_of"] == "2025-06-01" and answer["profile"] == NATURALIZED_AZ
    assert {"host_citizenship_loss", "home_citizenship_loss"} <= {x["category"] for x in answer["risks"]}
    related = answer["related_incidents"]
    assert related and [i["date"] for i in related] == sorted((i["date"] for i in related), reverse=True)
    for inc in related[:3]:
        assert client.get(f"/api/v1/incidents/{inc['incident']}").status_code == 200
    ru = client.post("/api/v1/advise", params={"lang": "ru"}, json=NATURALIZED_AZ).json()["answer"]
    assert "юридическая консультация" in ru["disclaimer"]


@pytest.mark.parametrize("params,body,where", [
    ({}, {**NATURALIZED_AZ, "birth_year": "1987"}, "profile/birth_year"),
    ({}, {**NATURALIZED_AZ, "citizenships": [{"country": "XX", "acquired": "birth"}]}, "profile/citizenships/0/country"),
    ({"lang": "de"}, NATURALIZED_AZ, "lang"),
    ({"as_of": "yesterday"}, NATURALIZED_AZ, "as_of"),
    ({}, ["not", "an", "object"], ""),
])
def test_advise_api_errors_name_the_field_in_the_one_shape(client, params, body, where):
    r = client.post("/api/v1/advise", params=params, json=body)
    assert r.status_code == 400 and set(r.json()) == {"ok", "error", "errors", "status"}
    assert r.json()["error"].startswith(where)


def test_advise_interview_walks_to_the_answer_page(client):
    asked, r = _walk(client, ANSWERS)
    assert asked[:3] == ["residence_country", "citizenships", "acquired:RU"]
    assert "residence_status" not in asked  # a citizen of the country he lives in is not asked his status there
    page = r.text
    assert 'id="advice-title"' in page and r.headers["cache-control"] == "no-store"
    api = client.post("/api/v1/advise", json={**NATURALIZED_AZ, "residence_region": "RU-SVE", "military_registration": "registered",
                                               "birth_year": 1987, "applying_for": None}).json()["answer"]
    for risk in api["risks"]:
        assert f'id="risk-{risk["id"]}"' in page and f'id="category-{risk["category"]}"' in page
        for source in risk["sources"]:
            assert f'href="{html.escape(source["url"])}"' in page
    assert page.count('class="related-incident"') == len(api["related_incidents"]) > 0
    assert page.count('href="/incidents/') >= len(api["related_incidents"])
    for item in api["not_applicable"]:
        assert f'data-category="{item["category"]}"' in page
    assert "This is not legal advice" in page and 'id="privacy"' in page


def test_advise_interview_shows_a_proposal_as_not_law(client):
    answers = {**ANSWERS}
    _, r = _walk(client, answers)
    proposals = [m for m in re.findall(r'class="status status-(\w+)">([^<]+)<', r.text) if m[0] == "proposed"]
    assert proposals and all(text == "PROPOSAL, NOT LAW" for _, text in proposals)


def test_advise_interview_asks_only_what_matters(client):
    woman = {**ANSWERS, "sex": "female"}
    asked, _ = _walk(client, woman)
    assert "military_registration" not in asked  # the Russian military register is asked of men only
    foreigner = {**ANSWERS, "citizenships": ["TJ"], "acquired:TJ": "birth", "residence_status": "work_patent", "days_in_country": "40"}
    asked, r = _walk(client, foreigner)
    assert "residence_status" in asked and "acquired:RU" not in asked
    assert 'id="advice-title"' in r.text


def test_advise_interview_back_shows_the_previous_answer_and_a_bad_answer_is_asked_again(client):
    _, r = _walk(client, ANSWERS, stop_after=3)
    assert 'data-key="year:RU"' in r.text
    back = client.post("/advise", data={**_form(r.text), "action": "back"}, headers=HTML)
    assert 'data-key="acquired:RU"' in back.text and re.search(r'value="naturalization" checked', back.text)
    forward = client.post("/advise", data={**_form(back.text), "action": "next", "value": "naturalization"}, headers=HTML)
    assert 'data-key="year:RU"' in forward.text
    bad = client.post("/advise", data={**_form(forward.text), "action": "next", "value": "soon"}, headers=HTML)
    assert bad.status_code == 400 and 'data-key="year:RU"' in bad.text and 'id="answer-error"' in bad.text
    assert _form(bad.text)["trail"] == _form(forward.text)["trail"]


def test_advise_interview_in_russian_and_switching_keeps_the_answers(client):
    _, r = _walk(client, ANSWERS, lang="ru", stop_after=2)
    assert "Как вы получили гражданство RU?" in r.text and "приём в гражданство" in r.text
    switched = client.post("/advise?lang=en", data={**_form(r.text), "action": "stay"}, headers=HTML)
    assert "How did you get your citizenship of RU?" in switched.text and _form(switched.text)["trail"] == _form(r.text)["trail"]
    client.cookies.clear()


def test_advise_interview_survives_a_tampered_trail(client):
    for trail in ("not json", '[["sex", "male"]]', '[["residence_country", "ZZZZ"]]', "[" * 30000):
        r = client.post("/advise", data={"trail": trail, "action": "stay"}, headers=HTML)
        assert r.status_code == 200 and 'data-key="residence_country"' in r.text


def test_advise_nothing_entered_is_stored_logged_or_put_in_a_cookie(rw_client, rw_url, caplog):
    def counts() -> dict[str, int]:
        with Store.open(rw_url) as store, store.transaction() as s:
            return {t.name: s.scalar(select(func.count()).select_from(t)) for t in load_models().metadata.sorted_tables}

    before = counts()
    caplog.set_level(logging.DEBUG)
    rw_client.cookies.clear()
    answers = {**ANSWERS, "birth_year": "1963", "residence_region": "RU-KHA"}
    _, r = _walk(rw_client, answers)
    assert 'id="advice-title"' in r.text
    assert counts() == before
    assert not [rec for rec in caplog.records if "1963" in rec.getMessage() or "RU-KHA" in rec.getMessage()]
    assert not rw_client.cookies.get("dw_lang") or set(rw_client.cookies.keys()) == {"dw_lang"}
    page = rw_client.get("/advise", headers=HTML)
    assert "set-cookie" not in page.headers and 'name="trail" value="[]"' in page.text
