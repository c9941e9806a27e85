"""The news spider's discovery callbacks, driven with in-memory responses (no network)."""

from __future__ import annotations

from pathlib import Path

from scrapy import Request
from scrapy.http import XmlResponse
from scrapy.utils.test import get_crawler

from crawler.items import ArticleItem
from crawler.mirror import feeds
from crawler.mirror.data import by_outlet
from crawler.spiders.news import NewsSpider

SOURCES = """
[[outlet]]
name = "resmi"
kind = "official"
domain = "resmi.test"
feeds = ["http://resmi.test/rss.xml"]
full_text_feeds = true

[[outlet]]
name = "berita"
domain = "berita.test"
feeds = ["http://berita.test/rss.xml"]
sitemaps = ["http://berita.test/sitemap.xml"]
url_exclude = ["/foto/"]
[outlet.limits]
max_articles = 3
"""


def spider_for(tmp_path: Path, **kwargs: str) -> NewsSpider:
    path = tmp_path / "s.toml"
    path.write_text(SOURCES, encoding="utf-8")
    crawler = get_crawler(NewsSpider, {})
    spider = NewsSpider.from_crawler(crawler, sources=str(path), only_sources_file="1", **kwargs)
    crawler.spider = spider
    return spider


def _response(url: str, body: str, outlet: str, kind: str) -> XmlResponse:
    request = Request(url, meta={"outlet": outlet, "source_url": url, "source_kind": kind})
    return XmlResponse(url, body=body.encode(), request=request, headers={"Content-Type": "application/rss+xml"})


def test_official_full_text_feed_items_are_stored_from_the_feed(tmp_path: Path) -> None:
    spider = spider_for(tmp_path)
    arts = by_outlet("warta-timur")[:3]
    body = feeds.rss("Resmi", "http://resmi.test", [(f"http://resmi.test{a.path}", a) for a in arts], full_text=True)
    out = list(spider.parse_feed(_response("http://resmi.test/rss.xml", body, "resmi", "rss")))
    assert all(isinstance(o, ArticleItem) for o in out) and len(out) == 3
    assert out[0].via == "feed" and out[0].text.split("\n")[0] == arts[0].paragraphs[0]
    assert out[0].published_at == arts[0].published and len(out[0].lead) <= 300


def test_discovery_filters_limits_and_foreign_hosts(tmp_path: Path) -> None:
    spider = spider_for(tmp_path)
    arts = by_outlet("kabar-nusantara")[:6]
    links = [("http://berita.test/foto/1", arts[0]), ("http://evil.test/read/2", arts[1])]
    links += [(f"http://berita.test/read/{i}?utm_source=rss", a) for i, a in enumerate(arts[2:])]
    body = feeds.rss("Berita", "http://berita.test", links)
    out = list(spider.parse_feed(_response("http://berita.test/rss.xml", body, "berita", "rss")))
    assert [r.url for r in out] == ["http://berita.test/read/0", "http://berita.test/read/1", "http://berita.test/read/2"]
    assert all(r.meta["article"] and r.meta["outlet"] == "berita" for r in out)
    stats = spider.crawler.stats
    assert stats.get_value("discovery/filtered") == 2 and stats.get_value("discovery/over_limit") == 1


def test_backfill_window_applies_to_sitemaps(tmp_path: Path) -> None:
    spider = spider_for(tmp_path, since="2026-02-01", until="2026-03-31")
    arts = by_outlet("kabar-nusantara")
    body = feeds.news_sitemap("Berita", [(f"http://berita.test/read/{a.index}", a) for a in arts])
    out = list(spider.parse_sitemap(_response("http://berita.test/sitemap.xml", body, "berita", "news_sitemap")))
    inside = [a for a in arts if "2026-02-01" <= a.published.date().isoformat() <= "2026-03-31"]
    assert len(out) == min(3, len(inside)) and out
    assert spider.crawler.stats.get_value("discovery/outside_window") == len(arts) - len(inside)


def test_child_sitemaps_of_an_index_are_fetched_one_at_a_time(tmp_path: Path) -> None:
    from twisted.python.failure import Failure

    spider = spider_for(tmp_path)
    children = [(f"http://berita.test/sitemap-{n}.xml", "2026-01-05") for n in range(3)]
    index = _response("http://berita.test/sitemap.xml", feeds.sitemap_index(children), "berita", "news_sitemap")
    first, = spider.parse_sitemap(index)  # only the first child; the others ride along
    assert first.url == "http://berita.test/sitemap-0.xml" and first.priority < 0
    assert first.meta["sitemap_siblings"] == ["http://berita.test/sitemap-1.xml", "http://berita.test/sitemap-2.xml"]
    art = by_outlet("kabar-nusantara")[0]
    body = feeds.news_sitemap("Berita", [(f"http://berita.test/read/{art.index}", art)])
    child = XmlResponse(first.url, body=body.encode(), request=first, headers={"Content-Type": "application/xml"})
    articles, second = spider.parse_sitemap(child)  # its articles, then the next child
    assert articles.meta["article"] and second.url == "http://berita.test/sitemap-1.xml"
    failure = Failure(TimeoutError("timed out"))
    failure.request = second  # type: ignore[attr-defined]
    third, = spider.sitemap_failed(failure)  # a failed child is reported, the index goes on
    assert third.url == "http://berita.test/sitemap-2.xml" and third.meta["sitemap_siblings"] == []
    assert "TimeoutError" in spider.source_errors["http://berita.test/sitemap.xml"][0]


def test_bad_feed_is_reported_per_source(tmp_path: Path) -> None:
    spider = spider_for(tmp_path)
    out = list(spider.parse_feed(_response("http://berita.test/rss.xml", "<html>bukan feed</html>", "berita", "rss")))
    assert out == [] and "not an RSS/Atom feed" in spider.source_errors["http://berita.test/rss.xml"][0]


def test_disabled_outlets_are_reported_not_crawled(tmp_path: Path) -> None:
    crawler = get_crawler(NewsSpider, {})
    spider = NewsSpider.from_crawler(crawler, outlet="antara,kompas")
    assert list(spider.outlets) == ["kompas"]
    assert "disabled" in spider.source_errors["antara"][0]
