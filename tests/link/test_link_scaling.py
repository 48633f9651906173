"""Linking reads only candidate incidents: an indexed date window, and a fixed number of queries per document."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from dw_gold_fixtures import ingest_gold
from sqlalchemy import event, update

from diaspora_watch.document import Document
from diaspora_watch.link import members
from diaspora_watch.link.incidents import link_document
from diaspora_watch.link.similarity import Report, dates_compatible, params
from diaspora_watch.store import Store
from diaspora_watch.store.schema import EventRow

DAY = date(2025, 6, 29)
STORED_DATES = [None, "2024", "2025", "2026", "2025-05", "2025-06", "2025-07", "2025-02-30",
                *((DAY + timedelta(days=n)).isoformat() for n in range(-8, 9))]


def _event(**fields) -> dict:
    return {"type": "enforcement", "subtype": "detention", "country": "RU", "group": [], "actors": [], "persons": [],
            "evidence": [], "claims": [], **fields}


def _save(store: Store, doc_id: str, events: list[dict], published: str = "2025-07-10") -> int:
    doc = Document(doc_id=doc_id, text=f"text of {doc_id} " * 5, outlet=f"{doc_id}.example", published=published,
                   language="en", collected=published, events=events)
    with store.transaction() as s:
        return store.save(s, doc, store.classify(doc), None, "test")


@pytest.mark.parametrize("wanted", ["2025-06-29", "2025-07-01", "2025-06", "2025", "2025-02-30", None])
def test_link_candidate_window_holds_every_compatible_date_and_leaves_far_ones_out(sqlite_url: str, wanted: str | None) -> None:
    with Store.open(sqlite_url) as store:
        stored = {}
        for i, d in enumerate(STORED_DATES):
            row_id = _save(store, f"d{i}", [_event(date=d)])
            with store.transaction() as s:
                s.execute(update(EventRow).where(EventRow.document_id == row_id).values(incident=f"inc-{i}"))
            stored[f"inc-{i}"] = d
        _save(store, "other-subtype", [_event(date=wanted, subtype="deportation")])
        p = params()
        r = Report(key="new:0", document_id=10_000, original=10_000, type="enforcement", subtype="detention", date=wanted, country="RU")
        with store.transaction() as s:
            found = set(members.candidates(s, [r], p, 10_000))
    compatible = {inc for inc, d in stored.items() if dates_compatible(wanted, d, p.window("enforcement"))}
    assert compatible <= found, "a compatible incident was never looked at"
    if wanted:
        assert all(stored[inc] is None or stored[inc][:4] == wanted[:4] for inc in found), "other years are not read"
    if wanted and len(wanted) == 10 and wanted != "2025-02-30":
        assert "inc-8" not in found and "inc-24" not in found, "days far outside the window are not read"


def _statements(store: Store, fn) -> tuple[list[str], object]:
    seen: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        result = fn()
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    return seen, result


def _link_new(store: Store, doc_id: str, events: list[dict]) -> tuple[list[str], list[str | None]]:
    doc = Document(doc_id=doc_id, text=f"report {doc_id} " * 5, outlet="x.example", published="2025-07-10",
                   language="en", collected="2025-07-10", events=events)
    verdict = store.classify(doc)

    def run():
        with store.transaction() as s:
            return link_document(s, store.save(s, doc, verdict, None, "test"))

    return _statements(store, run)


def test_link_queries_per_document_do_not_grow_with_the_store(sqlite_url: str) -> None:
    events = [_event(date="2025-06-27", admin1="RU-SVE", place="Yekaterinburg", group=["AZ"]),
              _event(type="status", subtype="deportation", date="2025-06", group=["TJ"])]
    with Store.open(sqlite_url) as store:
        ingest_gold(store)
        _link_new(store, "probe-1", events)  # opens the deportation incident the next probes join
        small, first = _link_new(store, "probe-2", events)
        for i in range(150):  # incidents that are no candidates: other years
            _save(store, f"old-{i}", [_event(date=f"{2000 + i % 20}-03-{1 + i % 28:02d}")], published="2020-01-01")
            with store.transaction() as s:
                link_document(s, store.document_ids(doc_ids=[f"old-{i}"])[0])
        large, second = _link_new(store, "probe-3", events)
    assert first[0] == second[0] and first[0].startswith("ru-detention-2025-06-ru-sve"), "joined the gold detention both times"
    assert first == second
    assert len(large) == len(small) <= 14, (len(small), len(large))
    assert sum("FROM events" in q for q in large) <= 4
