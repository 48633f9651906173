"""Intake is mounted by create_app, and an incident page says how many first-hand reports back it (only when some do)."""

from __future__ import annotations

from diaspora_watch.auth import service
from diaspora_watch.export import records
from diaspora_watch.intake import Actor, Intake, link
from diaspora_watch.intake.crypto import Keyring, generate_key, parse_keys
from diaspora_watch.store import Store

HTML = {"accept": "text/html"}
CASEWORKER = Actor("anna", "caseworker", "legal-aid-ekb")


def _report(incident: dict, consent: str) -> dict:
    return {"type": incident["type"], "subtype": incident["subtype"], "date": incident["date"], "country": incident["country"],
            "admin1": incident["admin1"], "place": "a street", "person": {"citizenships": ["AZ"], "status": "foreign"},
            "actors": [], "narrative": "what happened, in the person's words", "attachments": [], "consent": consent}


def test_intake_routes_are_mounted_and_answer_503_without_a_key(rw_client, rw_url, monkeypatch):
    for name in ("DIASPORA_WATCH_INTAKE_KEY", "DIASPORA_WATCH_INTAKE_KEY_FILE"):
        monkeypatch.delenv(name, raising=False)
    assert rw_client.get("/api/v1/intake/aggregates").json()["cells"] == []
    assert rw_client.get("/report", headers=HTML).status_code == 200
    assert rw_client.post("/api/v1/intake/reports", json={"report": {}}).status_code == 401  # who asks comes first
    with Store.open(rw_url) as store:
        service.add_user(store, "anna", "correct horse battery", "caseworker", "legal-aid-ekb")
        token = service.new_token(store, "anna")
    inc = rw_client.get("/api/v1/incidents", params={"limit": 1}).json()["items"][0]
    r = rw_client.post("/api/v1/intake/reports", json={"report": _report(inc, "aggregate")}, headers={"authorization": f"Bearer {token}"})
    assert r.status_code == 503 and r.json()["ok"] is False  # nothing is sealed without a key


def test_intake_first_hand_count_on_the_incident_page(rw_client, rw_url):
    inc = rw_client.get("/api/v1/incidents", params={"limit": 1, "country": "RU"}).json()["items"][0]
    assert 'id="first-hand"' not in rw_client.get(f"/incidents/{inc['id']}", headers=HTML).text
    with Store.open(rw_url) as store:
        intake = Intake(store, Keyring.from_keys(parse_keys(generate_key(), "test key")))
        for consent in ("aggregate", "named", "none"):
            link(intake, CASEWORKER, intake.add(CASEWORKER, _report(inc, consent)), inc["id"])
    page = rw_client.get(f"/incidents/{inc['id']}", headers=HTML).text
    assert '<p id="first-hand">2 first-hand reports' in page  # the unconsented one is not counted
    assert "what happened" not in page and "a street" not in page


def test_records_incident_reads_one_and_matches_the_full_list(corpus_db):
    with Store.open(f"sqlite:///{corpus_db}") as store:
        every = {r["id"]: r for r in records.incidents(store, {"include_names": True})}
        for incident_id in list(every)[:15]:
            assert records.incident(store, incident_id, include_names=True) == every[incident_id]
        public = {r["id"]: r for r in records.incidents(store)}
        some = next(iter(public))
        assert records.incident(store, some) == public[some]
        assert records.incident(store, "no-such-incident") is None
