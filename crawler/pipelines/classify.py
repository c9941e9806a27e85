"""Classify each article with the ``nlp`` room's classifier, in the worker pool.

When ``nlp`` is missing or fails, items go on unclassified and the reason is counted
(``classify/unavailable``, ``classify/error``): storing never depends on the classifier.
"""

from __future__ import annotations

from typing import Any

from crawler.extract.pool import get_pool
from crawler.items import ArticleItem
from crawler import nlp_adapter


class ClassifyPipeline:
    def __init__(self, crawler: Any, enabled: bool) -> None:
        self.crawler = crawler
        self.enabled = enabled and nlp_adapter.available()
        self.failures = 0
        self.max_failures = crawler.settings.getint("CLASSIFY_MAX_FAILURES", 20)

    @classmethod
    def from_crawler(cls, crawler: Any) -> ClassifyPipeline:
        return cls(crawler, crawler.settings.getbool("CLASSIFY_ENABLED", True))

    def open_spider(self, spider: Any = None) -> None:
        if self.enabled:
            get_pool(self.crawler).start()  # workers load the classifier while the first feeds download

    async def process_item(self, item: ArticleItem) -> ArticleItem:
        if not self.enabled or self.failures >= self.max_failures:
            self.crawler.stats.inc_value("classify/unavailable")
            return item
        record = {"id": item.canonical_url, "title": item.title, "text": item.text, "url": item.canonical_url,
                  "published": item.published_at.isoformat() if item.published_at else None}
        result = await get_pool(self.crawler).run(nlp_adapter.classify_record, record)
        if "error" in result:
            self.failures += 1
            self.crawler.stats.inc_value("classify/error")
            if self.failures == 1 or self.failures == self.max_failures:
                self.crawler.spider.logger.warning("classifier failed (%s): %s", self.failures, result["error"])
            return item
        item.classification = result
        self.crawler.stats.inc_value("classify/done")
        if result.get("relevant"):
            self.crawler.stats.inc_value("classify/relevant")
        return item
