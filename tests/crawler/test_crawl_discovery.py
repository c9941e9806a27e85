"""Discovery from feeds and sitemaps: dates, indexes, gzip, and the errors reported per source."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime

import pytest

from crawler.discovery import DiscoveryError
from crawler.discovery.feeds import parse_feed
from crawler.discovery.sitemaps import parse_sitemap
from crawler.mirror import feeds
from crawler.mirror.data import load_articles
from crawler.spiders.sources import in_window

ARTS = list(load_articles()[:5])


def test_news_sitemap_with_publication_dates() -> None:
    body = feeds.news_sitemap("X", [(f"http://x.test{a.path}", a) for a in ARTS]).encode()
    for raw in (body, gzip.compress(body)):
        sitemap = parse_sitemap(raw)
        assert [d.url for d in sitemap.articles] == [f"http://x.test{a.path}" for a in ARTS]
        assert [d.published for d in sitemap.articles] == [a.published for a in ARTS]
        assert sitemap.articles[0].title == ARTS[0].title


def test_sitemap_index() -> None:
    body = feeds.sitemap_index([("http://x.test/s1.xml", "2026-01-01"), ("http://x.test/s2.xml", "2026-02-01T00:00:00Z")])
    sitemap = parse_sitemap(body.encode())
    assert [c[0] for c in sitemap.children] == ["http://x.test/s1.xml", "http://x.test/s2.xml"]
    assert sitemap.children[1][1] == datetime(2026, 2, 1, tzinfo=UTC)


@pytest.mark.parametrize(("body", "message"), [
    (b"\x1f\x8b\x08\x00garbage", "not valid gzip"),
    (b"<urlset><url><loc>x</loc>", "malformed sitemap"),
    (b"<html><body>hello</body></html>", "not a sitemap"),
])
def test_bad_sitemaps(body: bytes, message: str) -> None:
    with pytest.raises(DiscoveryError, match=message):
        parse_sitemap(body)


def test_feed_with_full_text_items() -> None:
    body = feeds.rss("X", "http://x.test", [(f"http://x.test{a.path}", a) for a in ARTS], full_text=True).encode()
    found, warning = parse_feed(body, "http://x.test/rss.xml", "application/rss+xml")
    assert warning is None and len(found) == len(ARTS)
    assert found[0].full_text.split("\n")[0] == ARTS[0].paragraphs[0]
    assert found[0].published == ARTS[0].published


def test_atom_feed() -> None:
    body = feeds.atom("X", "http://x.test", [(f"http://x.test{a.path}", a) for a in ARTS]).encode()
    found, _ = parse_feed(body, "http://x.test/atom.xml", "application/atom+xml")
    assert [f.url for f in found] == [f"http://x.test{a.path}" for a in ARTS]


def test_html_instead_of_feed_is_an_error() -> None:
    with pytest.raises(DiscoveryError, match="not an RSS/Atom feed"):
        parse_feed(b"<html><body><h1>Ini bukan feed</h1></body></html>", "http://x.test/rss", "text/html")


def test_backfill_window() -> None:
    since, until = datetime(2026, 2, 1, tzinfo=UTC), datetime(2026, 3, 1, tzinfo=UTC)
    assert in_window(datetime(2026, 2, 10, tzinfo=UTC), since, until)
    assert not in_window(datetime(2026, 1, 10, tzinfo=UTC), since, until)
    assert not in_window(datetime(2026, 3, 10, tzinfo=UTC), since, until)
    assert not in_window(None, since, until) and in_window(None, None, None)
