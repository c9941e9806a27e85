"""Exact and near-duplicate detection.

- the same canonical URL twice in one crawl: dropped;
- the same text (content hash) under another URL of the same outlet: dropped;
- the same or nearly the same text on another outlet (syndication, MinHash LSH): stored, and linked
  to the earlier copy by ``near_duplicate_of`` (the store pipeline turns that into a shared
  ``syndication_group``).

The index starts with the newest ``DEDUP_LSH_PRELOAD`` stored articles, so copies of stories stored
by earlier crawls are recognised too; it keeps the newest ``DEDUP_WINDOW`` articles (syndicated copies
appear within days) in fixed-size arrays (:mod:`crawler.pipelines.recent`), so its memory does not
grow with the length of the crawl.
"""

from __future__ import annotations

from typing import Any

from scrapy import signals

from crawler.extract.fingerprint import minhash_bytes
from crawler.items import ArticleItem

from .recent import RecentArticles
from .validate import drop


class DedupPipeline:
    def __init__(self, crawler: Any, threshold: float, preload: int, database_url: str | None,
                 window: int = 50_000) -> None:
        self.crawler = crawler
        self.preload = preload
        self.database_url = database_url
        self.recent = RecentArticles(window, threshold)
        crawler.signals.connect(self.open, signal=signals.spider_opened)

    @classmethod
    def from_crawler(cls, crawler: Any) -> DedupPipeline:
        s = crawler.settings
        return cls(crawler, s.getfloat("DEDUP_NEAR_THRESHOLD", 0.8), s.getint("DEDUP_LSH_PRELOAD", 50_000),
                   s.get("PANTAU_DATABASE_URL") or None, s.getint("DEDUP_WINDOW", 50_000))

    def open(self) -> None:
        if not self.database_url or not self.preload:
            return
        from sqlalchemy import select

        from models import Article, Outlet, open_database

        db = open_database(self.database_url)
        try:
            with db.session() as session:
                rows = session.execute(
                    select(Article.canonical_url, Article.content_hash, Article.minhash, Outlet.name)
                    .join(Outlet, Article.outlet_id == Outlet.id, isouter=True)
                    .order_by(Article.id.desc()).limit(min(self.preload, self.recent.capacity))
                ).all()
        finally:
            db.dispose()
        for url, chash, mh, outlet in reversed(rows):  # oldest first: the first stored copy stays the original
            self.recent.add(url, outlet or "", chash, mh, in_crawl=False)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        url = item.canonical_url
        if self.recent.seen_in_crawl(url):  # stored URLs may be refreshed; only in-crawl repeats are dropped
            raise drop(self.crawler, "duplicate_url", url)
        if item.text and item.minhash is None:
            item.minhash = minhash_bytes(item.text)
        earlier = self.recent.same_text(item.content_hash)
        if earlier and earlier[1] != url:
            if earlier[0] == item.outlet:
                raise drop(self.crawler, "duplicate_content", f"{url} repeats {earlier[1]}")
            item.near_duplicate_of = earlier[1]
        elif item.minhash:
            matches = [m for m in self.recent.similar(item.minhash) if m != url]
            if matches:
                item.near_duplicate_of = min(matches)
        if item.near_duplicate_of:
            self.crawler.stats.inc_value("dedup/syndicated")
        self.recent.add(url, item.outlet, item.content_hash, item.minhash, in_crawl=True)
        return item
