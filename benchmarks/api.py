"""Load test of the JSON API on 127.0.0.1 against a database of synthetic events.

    .venv/bin/python benchmarks/api.py [--events 100000] [--requests 300] [--cap 120] [--db PATH | --url URL]

Builds (once, cached at --db, or in the empty database at --url, e.g. PostgreSQL) a store with --events synthetic events in incidents of
1 to 3 sources each, serves the app with uvicorn on a free loopback port, then sends a fixed
number of sequential keep-alive requests per query, stopping early at the time cap. Prints
requests per second, the first (cold) request's time, and p50/p95 latency for the main list and
filter queries; the target is p95 < 50 ms. Counts are cached until the data version moves, so
"cold" is what the first visitor after a change waits. The synthetic text is made up here; no article text is used. Run by hand.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TYPES = {"enforcement": ["raid", "detention", "criminal_case", "death_in_custody"], "status": ["citizenship_revocation", "deportation"],
         "recruitment": ["contract_recruitment", "draft_notice"], "policy": ["law", "proposal"], "diplomatic": ["protest", "statement"]}
REGIONS = [("RU", "RU-MOW", "Moscow", 55.75, 37.62), ("RU", "RU-SVE", "Yekaterinburg", 56.84, 60.61), ("RU", "RU-SPE", "Saint Petersburg", 59.94, 30.31),
           ("RU", "RU-ZAB", "Chita", 52.03, 113.5), ("AZ", "AZ-BA", "Baku", 40.41, 49.87), ("KZ", None, None, 48.0, 67.0)]
GROUPS = [["AZ"], ["TJ"], ["UZ"], ["KG"], ["RU"], ["TJ", "UZ"], []]
WORDS = "police raid market migrants detained court citizenship revoked deportation embassy protest draft recruitment".split()


def build(url: str, n_events: int, seed: int = 7) -> None:
    """Fill an empty store with ``n_events`` events, their documents and incidents, in bulk."""
    from sqlalchemy import insert

    from diaspora_watch.store import Store
    from diaspora_watch.store.incidents import IncidentRow, IncidentSource, SearchText
    from diaspora_watch.store.schema import DocumentRow, EventRow

    rnd = random.Random(seed)
    docs, events, incidents, sources, search = [], [], [], [], []
    doc_id = 0
    n_incidents = 0
    while len(events) < n_events:
        n_incidents += 1
        kind = rnd.choice(list(TYPES))
        subtype = rnd.choice(TYPES[kind])
        country, admin1, place, lat, lon = rnd.choice(REGIONS)
        day = f"{rnd.randint(2015, 2025)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        groups = rnd.choice(GROUPS)
        iid = f"syn-{n_incidents:07d}"
        count = rnd.choice([None, 1, 2, 5, 12, 50])
        n_src = rnd.choice([1, 1, 2, 3])
        incidents.append(dict(id=iid, type=kind, subtype=subtype, country=country, admin1=admin1, place=place, date=day, time_precision=1,
                              latitude=lat + rnd.uniform(-1, 1), longitude=lon + rnd.uniform(-1, 1), geo_precision=1, groups=groups,
                              actors=[f"{country}:MVD"], persons=[], status="foreign", certainty="reported", count_low=count,
                              count_best=count, count_high=count, n_sources=n_src, claims=[], contested=0, founder=f"syn-doc-{doc_id + 1}:0",
                              state="active", first_seen="2026-01-01T00:00:00", updated="2026-01-01T00:00:00"))
        for _ in range(n_src):
            doc_id += 1
            text = " ".join(rnd.choice(WORDS) for _ in range(40))
            docs.append(dict(id=doc_id, doc_id=f"syn-doc-{doc_id}", url=f"https://example.org/{doc_id}", title=f"Synthetic report {doc_id}",
                             outlet="example.org", published=day, language="en", text=text, author="", source="synthetic",
                             collected="2026-01-01", content_hash=f"{doc_id:064d}", extracted_by="synthetic"))
            events.append(dict(document_id=doc_id, seq=0, type=kind, subtype=subtype, date=day, country=country, admin1=admin1, place=place,
                               groups=groups, status="foreign", count=count, count_qualifier="exact" if count else None, actors=[f"{country}:MVD"],
                               persons=[], certainty="reported", evidence=[text[:80]], claims=[], explain={}, incident=iid))
            sources.append(dict(incident=iid, document_id=doc_id, seq=0))
            search.append(dict(document_id=doc_id, doc_id=f"syn-doc-{doc_id}", title=f"Synthetic report {doc_id}", lemmas=text))
    with Store.open(url) as store, store.transaction() as s:
        for model, rows in ((DocumentRow, docs), (IncidentRow, incidents), (EventRow, events), (IncidentSource, sources), (SearchText, search)):
            for i in range(0, len(rows), 5000):
                s.execute(insert(model), rows[i:i + 5000])
    if url.startswith("postgresql"):  # planner statistics after a bulk load, as autovacuum would gather them later
        with Store.open(url) as store, store.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    print(f"built {len(events)} events, {len(incidents)} incidents, {len(docs)} documents", file=sys.stderr)


def empty(url: str) -> bool:
    """Whether the store at ``url`` holds no events yet (opening it creates and migrates it)."""
    from sqlalchemy import func, select

    from diaspora_watch.store import Store
    from diaspora_watch.store.schema import EventRow

    with Store.open(url) as store, store.transaction() as s:
        return not s.scalar(select(func.count()).select_from(EventRow))


QUERIES = {
    "incidents (first page)": "/api/v1/incidents?limit=50",
    "incidents (page 20, cursor)": None,  # filled in after walking the cursor
    "incidents subtype+country": "/api/v1/incidents?subtype=detention&country=RU&limit=50",
    "incidents region+group+dates": "/api/v1/incidents?admin1=RU-SVE&group=TJ&date_from=2020-01-01&date_to=2023-12-31&limit=50",
    "incidents text search": "/api/v1/incidents?q=deportation+embassy&limit=50",
    "events (first page)": "/api/v1/events?limit=50",
    "events subtype": "/api/v1/events?subtype=raid&limit=50",
    "stats (filtered)": "/api/v1/stats?country=AZ",
    "stats (all)": "/api/v1/stats",
    "incident detail": None,
    "dashboard page": "/",
    "dashboard page (filtered)": "/?country=AZ&type=enforcement",
}


def serve(url: str) -> tuple[str, subprocess.Popen[bytes]]:
    """``diaspora-watch serve`` in its own process, so client and server do not share one GIL."""
    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "--host", "127.0.0.1", "--port", str(port),
                             "--log-level", "warning", "--no-access-log", "diaspora_watch.serve.app:from_env"],
                            env={**os.environ, "DIASPORA_WATCH_DB": url})
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            httpx.get(base + "/api/v1/stats?country=XX", timeout=1)
            return base, proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start within 60 s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=300, help="requests per query")
    ap.add_argument("--cap", type=float, default=120.0, help="seconds for the whole run, at most")
    ap.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "dw-bench-api.db")
    ap.add_argument("--url", help="a database URL instead of --db, e.g. postgresql+psycopg://host/db (filled when it holds no events)")
    args = ap.parse_args()
    import httpx

    url = args.url or f"sqlite:///{args.db}"
    if empty(url):
        build(url, args.events)
    base, server = serve(url)
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            worst = measure(client, args.requests, time.monotonic() + args.cap)
    finally:  # a failed request must not leave the server running
        server.terminate()
        server.wait(10)
    print(f"worst p95 {worst:.1f} ms (target < 50 ms): {'met' if worst < 50 else 'NOT met'}")


def measure(client: Any, requests: int, deadline: float) -> float:
    """Print one row per query (requests/s, cold, p50, p95 in ms) and return the worst p95."""
    page = client.get("/api/v1/incidents?limit=50").json()
    QUERIES["incident detail"] = f"/api/v1/incidents/{page['items'][0]['id']}"
    for _ in range(19):
        page = client.get(f"/api/v1/incidents?limit=50&cursor={page['next']}").json()
    QUERIES["incidents (page 20, cursor)"] = f"/api/v1/incidents?limit=50&cursor={page['next']}"
    print(f"{'query':32} {'n':>5} {'req/s':>8} {'cold ms':>8} {'p50 ms':>8} {'p95 ms':>8}")
    worst = 0.0
    for name, path in QUERIES.items():
        t = time.perf_counter()
        client.get(path)  # warms the caches; its time is the "cold" column (counts are cached until the data changes)
        cold = (time.perf_counter() - t) * 1000
        times = []
        start = time.perf_counter()
        for _ in range(requests):
            if time.monotonic() > deadline:
                break
            t = time.perf_counter()
            r = client.get(path)
            times.append((time.perf_counter() - t) * 1000)
            assert r.status_code == 200, (path, r.status_code, r.text[:200])
        elapsed = time.perf_counter() - start
        if not times:
            print(f"{name:32} time cap reached")
            continue
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) >= 20 else max(times)
        worst = max(worst, p95)
        print(f"{name:32} {len(times):5d} {len(times) / elapsed:8.1f} {cold:8.1f} {statistics.median(times):8.2f} {p95:8.2f}")
    return worst

if __name__ == "__main__":
    main()
