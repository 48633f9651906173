"""The weekly timeline as SVG drawn on the server: no chart library, no script, fine under a strict CSP."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

TYPES = ("enforcement", "status", "recruitment", "policy", "diplomatic")


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    type: str
    week: str
    n: int


def timeline(weeks: list[dict[str, Any]], width: int = 720, height: int = 160) -> dict[str, Any]:
    """Stacked bars (one per week, stacked by type) scaled to ``width`` x ``height``, with axis labels.

    Examples:
        >>> t = timeline([{"week": "2025-06-23", "counts": {"enforcement": 2, "policy": 1}}])
        >>> [(b.type, b.n) for b in t["bars"]], t["max"]
        ([('enforcement', 2), ('policy', 1)], 3)
    """
    if not weeks:
        return {"bars": [], "max": 0, "width": width, "height": height, "labels": []}
    top = max(sum(w["counts"].values()) for w in weeks) or 1
    step = width / len(weeks)
    bars: list[Bar] = []
    for i, w in enumerate(weeks):
        y = float(height)
        for t in TYPES + tuple(sorted(set(w["counts"]) - set(TYPES))):
            n = w["counts"].get(t, 0)
            if n:
                h = height * n / top
                y -= h
                bars.append(Bar(round(i * step + step * 0.1, 2), round(y, 2), round(max(step * 0.8, 1), 2), round(h, 2), t, w["week"], n))
    every = max(1, len(weeks) // 6)
    labels = [(round(i * step, 2), w["week"]) for i, w in enumerate(weeks) if i % every == 0]
    return {"bars": bars, "max": top, "width": width, "height": height, "labels": labels}
