"""The timeline as SVG drawn on the server: no chart library, no script, fine under a strict CSP.

One column per week while the span is short. Past ``WEEKLY_MAX`` weeks a weekly column would
be about a pixel wide (570 weeks in 720 px) and the page would carry thousands of bars, so the
chart counts by month and its caption says so. Empty weeks or months keep their place: the x
axis is time. The drawn SVG depends only on the counts and the language, so the dashboard
caches it with them (``serve.cache``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import jinja2
from markupsafe import Markup

TYPES = ("enforcement", "status", "recruitment", "policy", "diplomatic")
#: the longest span, in weeks, drawn week by week
WEEKLY_MAX = 150
MAX_LABELS = 12


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    type: str
    n: int


@dataclass(frozen=True)
class Column:
    """One week or month: its stacked bars (one per type present), bottom to top."""

    period: str
    total: int
    bars: tuple[Bar, ...]


def periods(first: str, last: str, unit: str) -> list[str]:
    """Every week (its Monday) or month (``YYYY-MM``) from ``first`` to ``last``, both included.

    Examples:
        >>> periods("2025-06-23", "2025-07-07", "week"), periods("2024-11", "2025-02", "month")
        (['2025-06-23', '2025-06-30', '2025-07-07'], ['2024-11', '2024-12', '2025-01', '2025-02'])
    """
    if unit == "week":
        start, end = date.fromisoformat(first), date.fromisoformat(last)
        return [(start + timedelta(weeks=i)).isoformat() for i in range((end - start).days // 7 + 1)]
    (y, m), (y2, m2) = (map(int, first.split("-")), map(int, last.split("-")))
    return [f"{k // 12:04d}-{k % 12 + 1:02d}" for k in range(y * 12 + m - 1, y2 * 12 + m2)]


def timeline(weeks: list[dict[str, Any]], months: list[dict[str, Any]], width: int = 720, height: int = 160) -> dict[str, Any]:
    """Stacked columns by week, or by month past ``WEEKLY_MAX`` weeks, scaled to ``width`` x ``height``, with axis labels.

    ``weeks`` and ``months`` are the ``timeline`` and ``months`` series of ``queries.stats``.

    Examples:
        >>> t = timeline([{"week": "2025-06-23", "counts": {"enforcement": 2, "policy": 1}}],
        ...              [{"month": "2025-06", "counts": {"enforcement": 2, "policy": 1}}])
        >>> t["unit"], [(b.type, b.n) for c in t["columns"] for b in c.bars], t["max"]
        ('week', [('enforcement', 2), ('policy', 1)], 3)
        >>> long = [{"week": "2019-01-07", "counts": {"status": 1}}, {"week": "2025-06-23", "counts": {"status": 2}}]
        >>> t = timeline(long, [{"month": "2019-01", "counts": {"status": 1}}, {"month": "2025-06", "counts": {"status": 2}}])
        >>> t["unit"], [c.period for c in t["columns"]], t["columns"][1].bars[0].x, [label for _, label in t["labels"]][:3]
        ('month', ['2019-01', '2025-06'], 711.69, ['2019', '2020', '2021'])
    """
    empty = {"unit": "week", "columns": [], "max": 0, "width": width, "height": height, "labels": [], "weekly_max": WEEKLY_MAX}
    if not weeks:
        return empty
    unit, series, key = "week", weeks, "week"
    if len(periods(weeks[0]["week"], weeks[-1]["week"], "week")) > WEEKLY_MAX:
        unit, series, key = "month", months, "month"
    counts = {p[key]: p["counts"] for p in series}
    axis = periods(series[0][key], series[-1][key], unit)
    top = max(sum(c.values()) for c in counts.values()) or 1
    step = width / len(axis)
    columns = [_column(p, counts.get(p, {}), i * step, step, height, top) for i, p in enumerate(axis)]
    return {**empty, "unit": unit, "columns": [c for c in columns if c.bars], "max": top, "labels": _labels(axis, unit, step)}


def svg(env: jinja2.Environment, stats: dict[str, Any]) -> Markup:
    """The dashboard's timeline figure for ``stats``, drawn in the current interface language."""
    t = timeline(stats["timeline"], stats.get("months") or [])
    return Markup(env.get_template("_timeline.html").render(timeline=t, types=TYPES))


def _column(period: str, counts: dict[str, int], x: float, step: float, height: int, top: int) -> Column:
    bars, y = [], float(height)
    for t in TYPES + tuple(sorted(set(counts) - set(TYPES))):
        n = counts.get(t, 0)
        if n:
            h = height * n / top
            y -= h
            bars.append(Bar(round(x + step * 0.1, 2), round(y, 2), round(max(step * 0.8, 1), 2), round(h, 2), t, n))
    return Column(period, sum(counts.values()), tuple(bars))


def _labels(axis: list[str], unit: str, step: float) -> list[tuple[float, str]]:
    """Axis labels: about six dates for weeks; for months each year at its January (every k-th year when many)."""
    if unit == "week":
        every = max(1, len(axis) // 6)
        return [(round(i * step, 2), p) for i, p in enumerate(axis) if i % every == 0]
    januaries = [(round(i * step, 2), p[:4]) for i, p in enumerate(axis) if p.endswith("-01")]
    every = max(1, -(-len(januaries) // MAX_LABELS))
    return januaries[::every]
