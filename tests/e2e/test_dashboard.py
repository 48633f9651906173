"""A monitor's day in a real browser: dashboard, filter, incident, source, Russian; hostile text stays inert."""

from __future__ import annotations

from conftest import shot
from corpus import HOSTILE_ID


def test_e2e_dashboard_filter_incident_source_and_russian(page):
    page.goto("/")
    page.wait_for_selector("#map[data-loaded]")  # the map script ran and fetched its markers
    assert int(page.get_attribute("#map", "data-loaded")) > 0
    assert page.locator(".leaflet-container").count() == 1
    assert page.locator("#map path.country").count() > 100  # offline country outlines drawn
    shot(page, "01-dashboard")

    page.select_option("select[name=subtype]", "death_in_custody")
    page.click("#apply")
    page.wait_for_url("**subtype=death_in_custody**")
    rows = page.locator("a.incident-link")
    assert 0 < rows.count() < 10
    assert all(t.strip() == "death in custody" for t in rows.all_inner_texts())
    shot(page, "02-filtered")

    rows.first.click()
    page.wait_for_selector("#incident-title")
    assert page.locator("#sources li").count() >= 1
    assert page.locator("#sources mark").count() >= 1
    shot(page, "03-incident")

    page.locator("a.source-link").first.click()
    page.wait_for_selector("#doc-title")
    assert page.locator("#text mark").count() >= 1
    shot(page, "04-document")

    page.goto("/")
    page.click("#lang-switch a[data-lang=ru]")
    page.wait_for_selector("html[lang=ru]")
    assert "Инциденты" in page.inner_text("h1")
    page.goto("/incidents/" + page.get_attribute("a.incident-link >> nth=0", "href").rsplit("/", 1)[1])
    assert "Источник" in page.inner_text("main") or "источник" in page.inner_text("main")
    shot(page, "05-russian")
    assert page.problems == []


def test_e2e_hostile_title_does_not_execute(page):
    page.goto(f"/documents/{HOSTILE_ID}")
    page.wait_for_selector("#doc-title")
    assert page.inner_text("#doc-title").startswith("<script>")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("main img").count() == 0
    page.goto("/?q=market")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    shot(page, "06-hostile")
    assert page.problems == []
