"""``ingest`` of article URLs and feeds end to end, against the local test server on 127.0.0.1."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from diaspora_watch.cli import app

runner = CliRunner()

ARTICLE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="2026-03-1{n}T09:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>{title}</h1>
<p>Written for the diaspora-watch tests, not news. {body}</p></article>
<footer>Test footer, all rights reserved.</footer></body></html>"""


BODIES = {
    1: "Police in a test city searched 1 hostels on Tuesday and detained workers from Uzbekistan, the regional "
       "interior ministry said in a statement published on its website after the checks had ended.",
    2: "The embassy opened a telephone hotline for citizens who are held at airports, and asked relatives to send "
       "the names of those who cannot reach a lawyer, a spokesperson told reporters at a briefing.",
    3: "A court in a test region upheld the expulsion order against a market trader, rejecting his appeal, while "
       "his lawyer said the family would take the case to the constitutional court next month.",
}


def _feed(server) -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><link>{server.url(f'/story/{n}')}</link><pubDate>Tue, 1{n} Mar 2026 09:00:00 GMT</pubDate></item>"
        for n in (1, 2)
    )
    items += f"<item><title>Gone</title><link>{server.url('/gone')}</link></item>"
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title><link>{server.url("/")}</link>{items}</channel></rss>'.encode()


def _serve_articles(server) -> None:
    for n in (1, 2, 3):
        body = ARTICLE.format(title=f"Story {n}", n=n, body=BODIES[n]).encode()
        server.routes[f"/story/{n}"] = lambda h, body=body: h.send(200, body)
    server.routes["/feed"] = lambda h: h.send(200, _feed(server), "application/rss+xml")


def _ingest(*args: str) -> dict:
    result = runner.invoke(app, ["ingest", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ingest_urls_feed_items_are_fetched_and_stored(server, tmp_path):
    _serve_articles(server)
    db = f"sqlite:///{tmp_path}/u.db"
    summary = _ingest(server.url("/feed"), server.url("/story/3"), "--db", db, "--allow-private")
    assert summary["stored"] == 3
    assert [i["reason"] for i in summary["set_aside_items"]] == ["DW-S009"]  # the feed's dead link, reported
    out = tmp_path / "docs.jsonl"
    runner.invoke(app, ["export", "--format", "documents-jsonl", "--db", db, "-o", str(out)])
    docs = {d["url"]: d for d in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    story1 = docs[server.url("/story/1")]
    assert story1["title"] == "Story 1" and story1["published"] == "2026-03-11"
    assert "searched 1 hostels" in story1["text"] and "Home" not in story1["text"] and "footer" not in story1["text"]
    assert story1["language"] == "en"
    again = _ingest(server.url("/feed"), "--db", db, "--allow-private")
    assert (again["stored"], again["duplicate"]) == (0, 2)


def test_ingest_urls_loopback_is_refused_without_allow_private(server, tmp_path):
    _serve_articles(server)
    summary = _ingest(server.url("/story/1"), "--db", f"sqlite:///{tmp_path}/r.db")
    assert summary["stored"] == 0
    assert [i["reason"] for i in summary["set_aside_items"]] == ["DW-S010"]
    assert server.hits["/story/1"] == 0  # refused before any byte was sent


def test_ingest_urls_robots_disallowed_page_is_set_aside(server, tmp_path):
    server.routes["/private/story"] = lambda h: h.send(200, ARTICLE.format(title="Hidden", n=1, body=BODIES[1]).encode())
    summary = _ingest(server.url("/private/story"), "--db", f"sqlite:///{tmp_path}/b.db", "--allow-private")
    assert [i["reason"] for i in summary["set_aside_items"]] == ["DW-S011"]
    assert server.hits["/private/story"] == 0
