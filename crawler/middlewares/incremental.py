"""Incremental crawls: article URLs already in the corpus are not fetched again unless ``--refresh``.

A spider middleware: the article requests a callback yields are checked against the corpus in
batches (one query per 500 URLs), before they reach the scheduler.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from scrapy import Request, signals
from scrapy.exceptions import NotConfigured

BATCH = 500


class IncrementalMiddleware:
    def __init__(self, crawler: Any, database_url: str) -> None:
        self.crawler = crawler
        self.database_url = database_url
        self.db: Any = None
        crawler.signals.connect(self.open, signal=signals.spider_opened)
        crawler.signals.connect(self.close, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Any) -> IncrementalMiddleware:
        if crawler.settings.getbool("PANTAU_REFRESH") or not crawler.settings.get("PANTAU_DATABASE_URL"):
            raise NotConfigured
        return cls(crawler, crawler.settings.get("PANTAU_DATABASE_URL"))

    def open(self) -> None:
        from crawler.database import cache_setting, open_corpus

        self.db = open_corpus(self.database_url, cache_setting(self.crawler.settings))

    def close(self) -> None:
        if self.db is not None:
            self.db.dispose()

    def _known(self, urls: list[str]) -> set[str]:
        from models.store import known_urls

        with self.db.session() as session:
            return known_urls(session, urls)

    def _filter(self, batch: list[Request]) -> list[Request]:
        known = self._known([r.meta["canonical_guess"] for r in batch])
        if known:
            self.crawler.stats.inc_value("incremental/skipped_known", len([r for r in batch if r.meta["canonical_guess"] in known]))
        return [r for r in batch if r.meta["canonical_guess"] not in known]

    async def process_spider_output_async(self, response: Any, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        batch: list[Request] = []
        async for obj in result:
            if isinstance(obj, Request) and obj.meta.get("canonical_guess") and not obj.meta.get("previous_parts"):
                batch.append(obj)
                if len(batch) >= BATCH:
                    for req in self._filter(batch):
                        yield req
                    batch = []
            else:
                yield obj
        if batch:
            for req in self._filter(batch):
                yield req

    def process_spider_output(self, response: Any, result: Any) -> Any:
        batch: list[Request] = []
        for obj in result:
            if isinstance(obj, Request) and obj.meta.get("canonical_guess") and not obj.meta.get("previous_parts"):
                batch.append(obj)
                if len(batch) >= BATCH:
                    yield from self._filter(batch)
                    batch = []
            else:
                yield obj
        if batch:
            yield from self._filter(batch)
