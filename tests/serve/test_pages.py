"""Server-rendered pages: filters, incident and document pages, escaping, headers, language, downloads."""

from __future__ import annotations

import io
import re
import zipfile

from corpus import HOSTILE_ID

HTML = {"accept": "text/html"}


def test_pages_dashboard_lists_filters_and_charts(client):
    page = client.get("/", headers=HTML).text
    assert page.count('class="incident-link"') == 50  # one page
    assert '<rect class="t-enforcement"' in page and 'id="map"' in page
    filtered = client.get("/", params={"subtype": "death_in_custody"}, headers=HTML).text
    assert 0 < filtered.count('class="incident-link"') < 10
    assert 'href="/export/incidents-csv?subtype=death_in_custody"' in filtered
    assert 'href="/feed.atom?subtype=death_in_custody"' in filtered


def test_pages_next_page_link_continues_the_list(client):
    first = client.get("/", headers=HTML).text
    nxt = re.search(r'id="next-page" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    second = client.get(nxt, headers=HTML).text
    ids = lambda t: set(re.findall(r'href="/incidents/([^"]+)"', t))  # noqa: E731
    assert ids(second) and not ids(first) & ids(second)


def test_pages_incident_shows_sources_with_marked_evidence(client):
    items = client.get("/api/v1/incidents", params={"subtype": "death_in_custody", "admin1": "RU-SVE"}).json()["items"]
    top = max(items, key=lambda i: i["n_sources"])
    page = client.get(f"/incidents/{top['id']}", headers=HTML).text
    assert page.count('class="source-link"') == top["n_sources"]
    assert page.count("<mark>") >= top["n_sources"]
    assert 'id="claims"' in page and "Merge history" in page
    assert re.search(r"low \d+ · best \d+ · high \d+", page)


def test_pages_document_highlights_its_evidence(client):
    doc = client.get("/api/v1/documents/d-001").json()["document"]
    page = client.get("/documents/d-001", headers=HTML).text
    marked = re.findall(r"<mark[^>]*>(.*?)</mark>", page, re.S)
    assert marked and len(marked) >= len(doc["events"]) - 1
    assert page.count('href="/incidents/') == len(doc["events"])


def test_pages_hostile_title_is_text_not_markup(client):
    for path in (f"/documents/{HOSTILE_ID}", "/"):
        page = client.get(path, headers=HTML).text
        assert "<script>window" not in page and "<img src=x" not in page
    page = client.get(f"/documents/{HOSTILE_ID}", headers=HTML).text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "&lt;i&gt;outlet&lt;/i&gt;" in page


def test_pages_security_headers_on_every_response(client):
    for path in ("/", "/api/v1/incidents", "/static/app.css", "/nope"):
        h = client.get(path, headers=HTML).headers
        csp = h["content-security-policy"]
        assert "script-src 'self';" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert h["x-frame-options"] == "DENY" and h["x-content-type-options"] == "nosniff"
    page = client.get("/", headers=HTML).text
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)  # no inline script anywhere
    assert " style=" not in page and "<style" not in page


def test_pages_russian_interface_by_browser_switch_and_cookie(client):
    client.cookies.clear()
    ru = client.get("/", headers={**HTML, "accept-language": "ru-RU,ru;q=0.9"}).text
    assert '<html lang="ru">' in ru and "Инциденты" in ru
    switched = client.get("/?lang=ru", headers=HTML)
    assert "dw_lang=ru" in switched.headers["set-cookie"] and "инцидент" in switched.text
    assert "задержание" in client.get("/", params={"lang": "ru", "subtype": "detention"}, headers=HTML).text
    en = client.get("/?lang=en", headers=HTML).text
    assert '<html lang="en">' in en and "Incidents by month and type" in en  # the corpus spans decades
    assert "Инциденты по месяцам и типам" in ru and "по месяцам: период длиннее 150 недель" in ru
    client.cookies.clear()


def test_pages_downloads_every_format_for_the_current_filter(client):
    from diaspora_watch.export import formats

    for name, fmt in formats().items():
        r = client.get(f"/export/{name}", params={"country": "AZ"})
        assert r.status_code == 200, (name, r.text[:200])
        assert "attachment" in r.headers["content-disposition"]
        if fmt.directory:
            assert zipfile.ZipFile(io.BytesIO(r.content)).namelist()
        else:
            assert r.content
    csv_all = client.get("/export/incidents-csv").text.count("\n")
    csv_az = client.get("/export/incidents-csv", params={"country": "AZ"}).text.count("\n")
    assert 1 < csv_az < csv_all


def test_pages_atom_feed_is_linked_and_served(client):
    page = client.get("/", headers=HTML).text
    assert 'type="application/atom+xml"' in page
    r = client.get("/feed.atom")
    assert r.status_code == 200 and "<feed" in r.text


def test_pages_unknown_incident_is_a_404_page(client):
    r = client.get("/incidents/nope", headers=HTML)
    assert r.status_code == 404 and 'id="error"' in r.text
