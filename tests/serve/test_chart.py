"""The dashboard's timeline: weeks for short spans, months past 150 weeks, on a time axis; drawn once per filter, language and data version."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import update

from diaspora_watch.serve import chart, create_app
from diaspora_watch.store import Store
from diaspora_watch.store.incidents import IncidentRow

HTML = {"accept": "text/html"}


def _titles(page: str) -> dict[str, str]:
    """Each drawn column's period and its tooltip text."""
    return dict(re.findall(r"<g><title>([\d-]+): ([^<]*)</title>", page))


def _week(day: str) -> dict:
    return {"week": day, "counts": {"enforcement": 1}}


def test_chart_short_span_is_weekly_with_gaps_kept():
    t = chart.timeline([_week("2025-01-06"), _week("2025-03-03")], [])
    assert t["unit"] == "week" and [c.period for c in t["columns"]] == ["2025-01-06", "2025-03-03"]
    step = t["width"] / 9  # nine weeks on the axis, seven of them empty
    assert t["columns"][1].bars[0].x == round(8 * step + step * 0.1, 2)


def test_chart_switches_to_months_past_the_weekly_limit():
    first = "2022-01-03"
    months = [{"month": "2022-01", "counts": {"enforcement": 1}}, {"month": "2024-11", "counts": {"enforcement": 1}}]
    just_in = chart.timeline([_week(first), _week("2024-11-25")], months)  # 152 weeks from Monday to Monday
    assert len(chart.periods(first, "2024-11-25", "week")) > chart.WEEKLY_MAX and just_in["unit"] == "month"
    assert len(just_in["columns"]) == 2 and just_in["labels"] == [(0.0, "2022"), (round(12 * 720 / 35, 2), "2023"), (round(24 * 720 / 35, 2), "2024")]
    inside = chart.timeline([_week(first), _week("2024-11-11")], months)
    assert len(chart.periods(first, "2024-11-11", "week")) == chart.WEEKLY_MAX and inside["unit"] == "week"


def test_chart_dashboard_draws_months_for_a_long_span(client):
    stats = client.get("/api/v1/stats").json()
    assert len(chart.periods(stats["timeline"][0]["week"], stats["timeline"][-1]["week"], "week")) > chart.WEEKLY_MAX
    page = client.get("/", params={"lang": "en"}, headers=HTML).text
    assert 'data-unit="month"' in page and "Incidents by month and type" in page and "longer than 150 weeks" in page
    drawn = _titles(page)
    assert set(drawn) == {m["month"] for m in stats["months"]}
    total = lambda series: sum(sum(p["counts"].values()) for p in series)  # noqa: E731
    assert total(stats["months"]) == total(stats["timeline"])  # the same incidents, bucketed two ways
    assert page.count("<rect ") == sum(len(m["counts"]) for m in stats["months"])
    client.cookies.clear()


def test_chart_dashboard_draws_weeks_for_a_short_span(client):
    page = client.get("/", params={"subtype": "detention", "lang": "en"}, headers=HTML).text
    weeks = client.get("/api/v1/stats", params={"subtype": "detention"}).json()["timeline"]
    assert len(chart.periods(weeks[0]["week"], weeks[-1]["week"], "week")) <= chart.WEEKLY_MAX
    assert 'data-unit="week"' in page and "Incidents by week and type" in page and "longer than" not in page
    assert set(_titles(page)) == {w["week"] for w in weeks}
    client.cookies.clear()


def test_chart_is_drawn_once_per_filter_language_and_data_version(rw_url, monkeypatch):
    drawn: list[str] = []
    real = chart.svg
    monkeypatch.setattr(chart, "svg", lambda env, stats: drawn.append("x") or real(env, stats))
    with TestClient(create_app(rw_url)) as c:
        for _ in range(3):
            c.get("/", params={"lang": "en"}, headers=HTML)
        assert len(drawn) == 1
        ru = c.get("/", params={"lang": "ru"}, headers=HTML).text
        assert len(drawn) == 2 and "Инциденты по месяцам и типам" in ru  # a language has its own drawing
        c.get("/", params={"lang": "ru", "country": "RU"}, headers=HTML)
        assert len(drawn) == 3
        old = _titles(c.get("/", params={"lang": "ru"}, headers=HTML).text)
        assert len(drawn) == 3
        with Store.open(rw_url) as store, store.transaction() as s:  # another process edits: the data version moves
            s.execute(update(IncidentRow).where(IncidentRow.state == "active").values(date="2025-12-02"))
        new = _titles(c.get("/", params={"lang": "ru"}, headers=HTML).text)
        assert len(drawn) == 4 and new != old and list(new) == ["2025-12-01"]
