"""Fixtures for the web: one dev-corpus database per session, and a client for it (or a copy, for writes)."""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus import load

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette suggests httpx2 on import; httpx is what the project pins
    from fastapi.testclient import TestClient

from diaspora_watch.serve import Settings, create_app
from diaspora_watch.store import Store


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding the dev corpus with gold events, linked into incidents (built once)."""
    folder = tmp_path_factory.mktemp("corpus")
    path = folder / "dw.db"
    with Store.open(f"sqlite:///{path}") as store:
        load(store, folder)
    return path


@pytest.fixture(scope="session")
def client(corpus_db: Path) -> Iterator[TestClient]:
    """A client of the app over the shared corpus database: for tests that only read."""
    with TestClient(create_app(f"sqlite:///{corpus_db}")) as c:
        yield c


@pytest.fixture
def rw_url(corpus_db: Path, tmp_path: Path) -> str:
    shutil.copy(corpus_db, tmp_path / "dw.db")
    return f"sqlite:///{tmp_path / 'dw.db'}"


@pytest.fixture
def rw_client(rw_url: str) -> Iterator[TestClient]:
    """A client over this test's own copy of the corpus: for tests that log in or write."""
    with TestClient(create_app(rw_url, settings=Settings(login_limit=3))) as c:
        yield c
