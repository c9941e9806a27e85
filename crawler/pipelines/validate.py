"""Drop items that are not articles: no title, too little text, wrong language."""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import DropItem

from crawler.items import ArticleItem


def drop(crawler: Any, reason: str, detail: str = "") -> DropItem:
    """A counted DropItem: ``dropped/<reason>`` in the crawl stats."""
    crawler.stats.inc_value(f"dropped/{reason}")
    return DropItem(f"{reason}: {detail}" if detail else reason)


class ValidatePipeline:
    def __init__(self, crawler: Any, min_words: int, languages: tuple[str, ...]) -> None:
        self.crawler = crawler
        self.min_words = min_words
        self.languages = languages

    @classmethod
    def from_crawler(cls, crawler: Any) -> ValidatePipeline:
        return cls(crawler, crawler.settings.getint("VALIDATE_MIN_WORDS", 40),
                   tuple(crawler.settings.getlist("VALIDATE_LANGUAGES", ["id", "en"])))

    def process_item(self, item: ArticleItem) -> ArticleItem:
        if not item.url.startswith(("http://", "https://")):
            raise drop(self.crawler, "invalid_url", item.url)
        if not item.title.strip():
            raise drop(self.crawler, "no_title", item.url)
        words = len(item.text.split())
        if words < self.min_words:
            raise drop(self.crawler, "too_short", f"{words} words at {item.url}")
        if item.language and self.languages and item.language not in self.languages:
            raise drop(self.crawler, "language", f"{item.language} at {item.url}")
        return item
