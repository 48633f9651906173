"""The stage registry, the error catalogue and the schema: the seams later work plugs into."""

from __future__ import annotations

import pytest
from dwtest import REPO

from diaspora_watch.document import Document
from diaspora_watch.errors import SkipReason, UsageError
from diaspora_watch.pipeline import Context, build, registered, stage


def test_pipeline_default_stages_are_registered_and_ordered():
    pipeline = build()
    assert pipeline.names[0] == "dw.sources.language.v1"
    for name in pipeline.names:
        assert name in registered()
        assert name.startswith("dw.") and name.rsplit(".", 1)[-1].startswith("v")


def test_pipeline_refuses_a_stage_whose_requirement_no_earlier_stage_assigns():
    @stage("dw.test.needs_events.v1", requires=["doc.events"], assigns=["doc.meta.flag"])
    def needs_events(doc: Document, ctx: Context) -> Document:
        """A stage for this test."""
        return doc

    with pytest.raises(UsageError, match="requires doc.events"):
        build(["dw.sources.language.v1", "dw.test.needs_events.v1"])
    with pytest.raises(UsageError, match="unknown stage"):
        build(["dw.no.such.v1"])


def test_pipeline_language_stage_detects_only_when_missing():
    pipeline = build(["dw.sources.language.v1"])
    ru = pipeline(Document(doc_id="a", text="Сотрудники полиции задержали более 50 мигрантов на рынке."), Context())
    kept = pipeline(Document(doc_id="b", text="Сотрудники полиции задержали мигрантов.", language="en"), Context())
    assert (ru.language, kept.language) == ("ru", "en")


def test_errors_skip_reason_codes_are_unique_and_documented():
    codes = [r.value for r in SkipReason]
    assert len(codes) == len(set(codes))
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for reason in SkipReason:
        assert f"| {reason.value} |" in readme, f"{reason.value} missing from the README's table"
        assert reason.label


def test_schema_models_match_migrations(tmp_path):
    """The models and the Alembic migrations describe the same schema (nothing left to autogenerate)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from diaspora_watch.store import Store
    from diaspora_watch.store.schema import load_models

    with Store.open(f"sqlite:///{tmp_path}/m.db") as store, store.engine.connect() as conn:
        # FTS5 virtual tables and their shadow tables are made by raw SQL in the migrations, on SQLite only
        plain = {"include_name": lambda name, kind, parent: not (kind == "table" and "_fts" in (name or ""))}
        diffs = compare_metadata(MigrationContext.configure(conn, opts=plain), load_models().metadata)
    assert diffs == []
