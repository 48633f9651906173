"""End-to-end fixtures: the app under uvicorn on 127.0.0.1, and Debian's Chromium driven by Playwright.

Playwright's own browser download does not work here, so the tests launch /usr/bin/chromium
(``scripts/browser`` installs it). Without it the tests skip, except in CI (CI=true), where
they fail: a missing browser must not turn the suite green.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "serve"))
from corpus import load  # noqa: E402

CHROMIUM = os.environ.get("DW_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def _unavailable() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (run scripts/browser)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over the dev corpus, served by uvicorn on a free loopback port; yields its base URL."""
    import uvicorn

    from diaspora_watch.serve import create_app
    from diaspora_watch.store import Store

    folder = tmp_path_factory.mktemp("e2e")
    url = f"sqlite:///{folder / 'dw.db'}"
    with Store.open(url) as store:
        load(store, folder)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    why = _unavailable()
    if why:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"end-to-end tests need Chromium in CI: {why}")
        pytest.skip(why)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)  # Playwright gives it a fresh temporary profile
        yield b
        b.close()


@pytest.fixture
def page(browser, server) -> Iterator[object]:
    """A fresh browser context and page; console errors and page errors are collected on ``page.problems``."""
    context = browser.new_context(base_url=server, locale="en-GB", viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.problems = problems
    yield pg
    context.close()


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
