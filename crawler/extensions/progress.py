"""A one-line progress display (stored / skipped / errors) on stderr, for `pantau crawl` and the demo."""

from __future__ import annotations

import sys
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task


class ProgressExtension:
    def __init__(self, crawler: Any, interval: float) -> None:
        self.crawler = crawler
        self.interval = interval
        self.loop: task.LoopingCall | None = None
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Any) -> ProgressExtension:
        if not crawler.settings.getbool("PANTAU_PROGRESS"):
            raise NotConfigured
        return cls(crawler, crawler.settings.getfloat("PANTAU_PROGRESS_INTERVAL", 0.5))

    def line(self) -> str:
        s = self.crawler.stats.get_stats()
        stored = s.get("stored/new", 0) + s.get("stored/updated", 0)
        dropped = s.get("item_dropped_count", 0)
        skipped = s.get("incremental/skipped_known", 0) + s.get("robotstxt/forbidden", 0)
        return (f"\rcrawling: {s.get('response_received_count', 0)} pages fetched, {stored} stored, "
                f"{dropped} dropped, {skipped} skipped, {s.get('source/errors', 0)} source errors ")

    def show(self) -> None:
        sys.stderr.write(self.line())
        sys.stderr.flush()

    def opened(self) -> None:
        self.loop = task.LoopingCall(self.show)
        self.loop.start(self.interval)

    def closed(self) -> None:
        if self.loop and self.loop.running:
            self.loop.stop()
        self.show()
        sys.stderr.write("\n")
