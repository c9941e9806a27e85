"""Store articles (and their classifications) in the corpus, in small batches.

Articles are keyed by canonical URL: storing one twice updates it, never duplicates it, so a resumed
or distributed crawl stores every article exactly once. Items are written in batches of
``STORE_BATCH_SIZE`` (or every ``STORE_BATCH_SECONDS``), one transaction per batch; a batch that fails
is retried article by article so one bad article cannot lose the others, and nothing is stored
half-way. Syndicated copies share a ``syndication_group`` (the id of the first copy stored).
"""

from __future__ import annotations

import time
from typing import Any

from scrapy.exceptions import NotConfigured

from crawler.items import ArticleItem
from crawler.sources_state import outlet_attrs


class StorePipeline:
    def __init__(self, crawler: Any, database_url: str, batch_size: int, batch_seconds: float) -> None:
        self.crawler = crawler
        self.database_url = database_url
        self.batch_size = batch_size
        self.batch_seconds = batch_seconds
        self.db: Any = None
        self.outlet_ids: dict[str, int] = {}
        self.pending: list[ArticleItem] = []
        self.last_flush = time.monotonic()
        self.waiting: dict[str, list[int]] = {}  # canonical URL not stored yet -> ids of its copies

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        url = crawler.settings.get("PANTAU_DATABASE_URL")
        if not url:
            raise NotConfigured("PANTAU_DATABASE_URL is not set")
        return cls(crawler, url, crawler.settings.getint("STORE_BATCH_SIZE", 50),
                   crawler.settings.getfloat("STORE_BATCH_SECONDS", 1.0))

    def open_spider(self, spider: Any = None) -> None:
        from crawler.database import cache_setting, open_corpus

        self.db = open_corpus(self.database_url, cache_setting(self.crawler.settings))

    def close_spider(self, spider: Any = None) -> None:
        self.flush()
        if self.db is not None:
            self.db.dispose()

    def process_item(self, item: ArticleItem) -> ArticleItem:
        self.pending.append(item)
        if len(self.pending) >= self.batch_size or time.monotonic() - self.last_flush >= self.batch_seconds:
            self.flush()
        return item

    # writing ---------------------------------------------------------------------------------------
    def flush(self) -> None:
        batch, self.pending = self.pending, []
        self.last_flush = time.monotonic()
        if not batch:
            return
        try:
            with self.db.session() as session:
                self._write(session, batch)
        except Exception as exc:  # noqa: BLE001 - retry one by one to isolate the bad article
            self.crawler.spider.logger.warning("batch of %d articles failed (%s); storing one by one", len(batch), exc)
            for item in batch:
                try:
                    with self.db.session() as session:
                        self._write(session, [item])
                except Exception as one_exc:  # noqa: BLE001 - the transaction rolled back: nothing half-stored
                    self.crawler.stats.inc_value("dropped/store_error")
                    self.crawler.spider.logger.error("could not store %s: %s", item.canonical_url, one_exc)

    def _outlet_id(self, session: Any, name: str) -> int:
        from models.store import ensure_outlet

        if name not in self.outlet_ids:
            entry = getattr(self.crawler.spider, "outlets", {}).get(name)
            attrs = outlet_attrs(entry) if entry else {}
            self.outlet_ids[name] = ensure_outlet(session, name, **attrs)
        return self.outlet_ids[name]

    def _write(self, session: Any, batch: list[ArticleItem]) -> None:
        from sqlalchemy import select

        from models import Article
        from models.store import bulk_upsert_articles, known_urls, save_classification

        ids = {name: self._outlet_id(session, name) for name in {i.outlet for i in batch}}
        urls = [i.canonical_url for i in batch]
        existing = known_urls(session, urls)
        bulk_upsert_articles(session, [self._record(i) for i in batch], ids)
        stored = dict(session.execute(select(Article.canonical_url, Article.id).where(Article.canonical_url.in_(urls))).all())
        for item in batch:
            article_id = stored[item.canonical_url]
            self._group(session, article_id, item)
            if item.classification:
                save_classification(session, article_id, item.classification)
        new = len([u for u in urls if u not in existing])
        self.crawler.stats.inc_value("stored/new", new)
        self.crawler.stats.inc_value("stored/updated", len(urls) - new)
        withheld = len([i for i in batch if i.text_withheld])
        if withheld:
            self.crawler.stats.inc_value("stored/text_withheld", withheld)

    def _record(self, item: ArticleItem) -> Any:
        from models.store import ArticleRecord

        return ArticleRecord(
            canonical_url=item.canonical_url, original_url=item.original_url or item.url, outlet=item.outlet,
            title=item.title, text=item.text or None, lead=item.lead or None, authors=item.authors,
            published_at=item.published_at, language=item.language, content_hash=item.content_hash,
            minhash=item.minhash, via=item.via, robots_verdict=item.robots_verdict,
            tdm_reserved=item.tdm_reserved, tdm_policy_url=item.tdm_policy_url,
            text_withheld=item.text_withheld, permission=item.permission,
        )

    def _group(self, session: Any, article_id: int, item: ArticleItem) -> None:
        from sqlalchemy import select, update

        from models import Article

        members = [article_id, *self.waiting.pop(item.canonical_url, [])]
        group = None
        if item.near_duplicate_of:
            row = session.execute(select(Article.id, Article.syndication_group)
                                  .where(Article.canonical_url == item.near_duplicate_of)).first()
            if row is None:
                self.waiting.setdefault(item.near_duplicate_of, []).append(article_id)
            else:
                group = row.syndication_group or row.id
                members.append(row.id)
        if group is None and len(members) > 1:
            group = article_id
        if group is not None:
            session.execute(update(Article).where(Article.id.in_(members)).values(syndication_group=group))
