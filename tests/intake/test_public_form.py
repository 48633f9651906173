"""The public form: asks no identity, publishes nothing by itself, and holds under a burst on 127.0.0.1."""

from __future__ import annotations

import re
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
import uvicorn
from conftest import NAME_EN, PHONE
from test_web import app, bearer, client  # noqa: F401 - the same app fixtures


FORM = {"subtype": "coercion", "date": "2025-03", "country": "RU", "admin1": "RU-SVE", "consent": "named",
        "narrative": "they told us all to sign at the enlistment office"}


def _public_reports(app) -> int:
    with app.state.store.engine.connect() as conn:
        return conn.exec_driver_sql("select count(*) from intake_reports where source = 'public'").scalar()


def test_public_form_asks_for_no_identity(client):
    page = client.get("/report")
    assert page.status_code == 200
    names = set(re.findall(r'<(?:input|select|textarea)[^>]* name="([^"]+)"', page.text))
    assert names == {"subtype", "date", "country", "admin1", "place", "narrative", "demands", "consent", "website"}


def test_public_form_stores_unreviewed_and_publishes_nothing(client, app):
    r = client.post("/report", data={**FORM, "person_name": NAME_EN, "phone": PHONE})
    assert r.status_code == 200 and 'id="thanks"' in r.text and "r-" not in r.text
    assert client.get("/api/v1/intake/aggregates").json()["cells"] == []
    reports = client.get("/api/v1/intake/reports", headers=bearer(app, "anna")).json()["reports"]
    assert [(x["state"], x["source"]) for x in reports] == [("unreviewed", "public")]
    shown = client.get(f"/api/v1/intake/reports/{reports[0]['id']}", headers=bearer(app, "anna")).json()["report"]
    assert "person" not in shown and NAME_EN not in repr(shown)  # identity fields sent anyway are dropped
    assert client.post("/report", data={**FORM, "subtype": "nonsense"}).status_code == 422
    assert client.post("/report", data={**FORM, "website": "http://spam"}).status_code == 200  # robot: thanked, not stored
    assert _public_reports(app) == 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("burst", [300])
def test_public_form_resists_a_burst(app, burst):
    """``burst`` concurrent submissions from one address through a real server: the limit holds, nothing is published."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    try:
        started = time.monotonic()
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as http, ThreadPoolExecutor(32) as pool:
            codes = list(pool.map(lambda _: http.post("/report", data=FORM).status_code, range(burst)))
            retry_after = http.post("/report", data=FORM).headers.get("retry-after")
            aggregates = http.get("/api/v1/intake/aggregates").json()
        elapsed = time.monotonic() - started
    finally:
        server.should_exit = True
        thread.join(10)
    limit = 5  # the app fixture's per-client limit
    assert codes.count(200) == limit and codes.count(429) == burst - limit, sorted(set(codes))
    assert retry_after and int(retry_after) > 0
    assert _public_reports(app) == limit
    assert aggregates["cells"] == []  # unreviewed reports count nowhere
    assert elapsed < 60, f"{burst} requests took {elapsed:.1f} s"
