"""Exact and near-duplicate detection.

- the same canonical URL twice in one crawl: dropped;
- the same text (content hash) under another URL of the same outlet: dropped;
- the same or nearly the same text on another outlet (syndication, MinHash LSH with datasketch):
  stored, and linked to the earlier copy by ``near_duplicate_of`` (the store pipeline turns that into
  a shared ``syndication_group``).

The LSH index starts with the newest ``DEDUP_LSH_PRELOAD`` stored articles, so copies of stories
stored by earlier crawls are recognised too; it keeps the newest ``DEDUP_WINDOW`` articles (syndicated
copies appear within days), so memory stays bounded on long crawls.
"""

from __future__ import annotations

from typing import Any

from scrapy import signals

from crawler.extract.fingerprint import NUM_PERM, minhash_bytes, minhash_from_bytes
from crawler.items import ArticleItem

from .validate import drop


class DedupPipeline:
    def __init__(self, crawler: Any, threshold: float, preload: int, database_url: str | None,
                 window: int = 50_000) -> None:
        from collections import deque

        from datasketch import MinHashLSH

        self.crawler = crawler
        self.threshold = threshold
        self.preload = preload
        self.database_url = database_url
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.urls: set[str] = set()
        self.hashes: dict[str, tuple[str, str]] = {}  # content hash -> (outlet, canonical URL)
        self.outlet_of: dict[str, str] = {}  # canonical URL -> outlet
        self.window = window  # newest articles kept in memory: bounds memory on long crawls
        self.order: deque[tuple[str, str | None]] = deque()
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
                    .order_by(Article.id.desc()).limit(self.preload)
                )
                for url, chash, mh, outlet in rows:
                    self._remember(url, outlet or "", chash, mh)
        finally:
            db.dispose()
        self.urls.clear()  # stored URLs may be refreshed in this crawl; only in-crawl repeats are dropped

    def _remember(self, url: str, outlet: str, chash: str | None, mh: bytes | None) -> None:
        self.urls.add(url)
        self.outlet_of[url] = outlet
        if chash:
            self.hashes.setdefault(chash, (outlet, url))
        if mh and url not in self.lsh and len(mh) == NUM_PERM * 8:
            self.lsh.insert(url, minhash_from_bytes(mh))
        self.order.append((url, chash))
        while len(self.order) > self.window:
            self._forget(*self.order.popleft())

    def _forget(self, url: str, chash: str | None) -> None:
        self.urls.discard(url)
        self.outlet_of.pop(url, None)
        if chash and self.hashes.get(chash, ("", ""))[1] == url:
            del self.hashes[chash]
        if url in self.lsh:
            self.lsh.remove(url)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        url = item.canonical_url
        if url in self.urls:
            raise drop(self.crawler, "duplicate_url", url)
        if item.text and item.minhash is None:
            item.minhash = minhash_bytes(item.text)
        earlier = self.hashes.get(item.content_hash or "")
        if earlier and earlier[1] != url:
            if earlier[0] == item.outlet:
                raise drop(self.crawler, "duplicate_content", f"{url} repeats {earlier[1]}")
            item.near_duplicate_of = earlier[1]
        elif item.minhash:
            matches = [m for m in self.lsh.query(minhash_from_bytes(item.minhash)) if m != url]
            if matches:
                item.near_duplicate_of = sorted(matches)[0]
        if item.near_duplicate_of:
            self.crawler.stats.inc_value("dedup/syndicated")
        self._remember(url, item.outlet, item.content_hash, item.minhash)
        return item
