"""Give every item its canonical URL (rel=canonical / og:url, tracking removed, AMP/mobile mapped)."""

from __future__ import annotations

from typing import Any

from crawler.items import ArticleItem
from crawler.urls import canonical_url


class CanonicalPipeline:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> CanonicalPipeline:
        return cls(crawler)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        item.canonical_url = canonical_url(item.url, item.declared_canonical)
        if item.canonical_url != item.url:
            self.crawler.stats.inc_value("canonical/rewritten")
        return item
