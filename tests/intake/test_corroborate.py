"""Reports corroborate incidents: counted only with consent and after review; aggregates hide small cells."""

from __future__ import annotations

import pytest
from conftest import ADMIN, ANALYST, CASEWORKER, sample_report

from diaspora_watch.errors import UsageError
from diaspora_watch.intake import AccessDenied, aggregates, first_hand_count, link, unlink
from diaspora_watch.store.incidents import IncidentRow


def _incident(store, incident_id="ru-coercion-sve", subtype="coercion", country="RU", date="2025-03"):
    with store.transaction() as s:
        s.add(IncidentRow(id=incident_id, type="recruitment", subtype=subtype, country=country, admin1="RU-SVE", date=date,
                          n_sources=1, founder="d-1:0", state="active", first_seen="t", updated="t"))
    return incident_id


def _count(store, incident_id):
    with store.transaction() as s:
        return first_hand_count(s, incident_id)


def test_corroborate_counts_only_consented_reviewed_links(intake, store):
    inc = _incident(store)
    ids = {c: intake.add(CASEWORKER, sample_report(consent=c)) for c in ("none", "aggregate", "named")}
    public = intake.submit_public({"type": "recruitment", "subtype": "coercion", "country": "RU", "date": "2025-03", "consent": "named"},
                                  CASEWORKER.organisation)
    for rid in [*ids.values(), public]:
        link(intake, CASEWORKER, rid, inc)
    assert _count(store, inc) == 2  # 'none' and the unreviewed public report do not count
    intake.review(CASEWORKER, public)
    assert _count(store, inc) == 3
    unlink(intake, CASEWORKER, ids["named"], inc)
    assert _count(store, inc) == 2
    intake.delete(ADMIN, ids["aggregate"], "request")
    assert _count(store, inc) == 1
    assert _count(store, "no-such-incident") == 0


def test_corroborate_refuses_an_incident_of_another_kind_place_or_time(intake, store):
    rid = intake.add(CASEWORKER, sample_report())
    for other in (_incident(store, "a", subtype="raid"), _incident(store, "b", country="KZ"), _incident(store, "c", date="2024-11")):
        with pytest.raises(UsageError, match="differ in"):
            link(intake, CASEWORKER, rid, other)
    link(intake, CASEWORKER, rid, _incident(store, "d", date="2025"))  # a year holds the report's day
    with pytest.raises(AccessDenied):
        link(intake, ANALYST, rid, "d")


def test_corroborate_aggregates_drop_small_cells_and_unconsented(intake, store):
    for _ in range(3):
        intake.add(CASEWORKER, sample_report(consent="aggregate"))
    intake.add(CASEWORKER, sample_report(consent="none"))
    intake.add(CASEWORKER, sample_report(consent="named", subtype="draft_notice"))  # a cell of one: left out
    with store.transaction() as s:
        cells = aggregates(s)
    assert cells == [{"type": "recruitment", "subtype": "coercion", "country": "RU", "admin1": "RU-SVE", "month": "2025-03", "reports": 3}]
