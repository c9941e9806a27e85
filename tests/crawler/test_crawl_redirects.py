"""Redirect loops and too many redirects are reported per source (a local pytest-httpserver)."""

from __future__ import annotations

import json
from pathlib import Path

from crawl_support import crawler_env, pantau, rows
from pytest_httpserver import HTTPServer

from crawler.mirror import feeds
from crawler.mirror.data import by_outlet


def _url(server: HTTPServer, path: str) -> str:
    return f"http://127.0.0.1:{server.port}{path}"  # the outlet's domain (url_for says "localhost")


def _redirect(server: HTTPServer, path: str, target: str) -> None:
    server.expect_request(path).respond_with_data("", status=302, headers={"Location": _url(server, target)})


def test_redirect_loops_and_long_chains_are_source_errors(tmp_path: Path, corpus: str, httpserver: HTTPServer) -> None:
    article = by_outlet("blokir-media")[0]
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n", content_type="text/plain")
    # an article that loops between two URLs, and one that needs 12 hops (REDIRECT_MAX_TIMES is 10)
    _redirect(httpserver, "/artikel/putar-a", "/artikel/putar-b")
    _redirect(httpserver, "/artikel/putar-b", "/artikel/putar-a")
    for hop in range(12):
        _redirect(httpserver, f"/artikel/jauh-{hop}", f"/artikel/jauh-{hop + 1}")
    items = [(_url(httpserver, p), article) for p in ("/artikel/putar-a", "/artikel/jauh-0")]
    httpserver.expect_request("/rss.xml").respond_with_data(feeds.rss("Uji", _url(httpserver, ""), items),
                                                             content_type="application/rss+xml")
    _redirect(httpserver, "/rss-putar.xml", "/rss-putar.xml")  # a feed that redirects to itself
    host = f"127.0.0.1:{httpserver.port}"
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[[outlet]]\nname = "putar"\ndomain = "{host}"\nallow_private_network = true\n'
        f'feeds = ["{_url(httpserver, "/rss.xml")}", "{_url(httpserver, "/rss-putar.xml")}"]\n', encoding="utf-8")

    run = pantau(crawler_env(tmp_path, corpus), "crawl", "--sources", str(sources), "--only-sources-file", "--quiet")

    assert run.returncode == 0, run.stderr[-2000:]
    loop_feed = _url(httpserver, "/rss-putar.xml")
    assert f"source error: {loop_feed}: redirect loop: {loop_feed} -> {loop_feed}" in run.stdout
    (status, errors_raw, stats_raw), = rows(corpus, "SELECT status, errors, stats FROM crawl_run")
    errors = json.loads(errors_raw) if isinstance(errors_raw, str) else errors_raw
    stats = json.loads(stats_raw) if isinstance(stats_raw, str) else stats_raw
    assert status == "finished"
    feed_errors = errors[_url(httpserver, "/rss.xml")]
    a, b = _url(httpserver, "/artikel/putar-a"), _url(httpserver, "/artikel/putar-b")
    assert f"{a}: redirect loop: {a} -> {b} -> {a}" in feed_errors
    chain = [e for e in feed_errors if e.startswith(_url(httpserver, "/artikel/jauh-0"))]
    assert len(chain) == 1 and "more than 10 redirects" in chain[0]
    assert stats["article/failed/redirect_loop"] == 1 and stats["article/failed/too_many_redirects"] == 1
    assert rows(corpus, "SELECT count(*) FROM article") == [(0,)]
