"""Fixtures for the linking tests (shared with tests/export through ``dw_gold_fixtures``)."""

from dw_gold_fixtures import gold_store  # noqa: F401 - a pytest fixture
