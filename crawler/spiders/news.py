"""The ``news`` spider: discovery from feeds, news sitemaps and listing pages, then article pages.

It only parses: extraction runs in worker processes, and validation, deduplication, classification
and storage are item pipelines. ``scrapy crawl news -a outlet=kompas`` or ``pantau crawl kompas``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
import time
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.discovery import Discovered, DiscoveryError
from crawler.discovery.feeds import parse_feed
from crawler.discovery.listing import parse_listing
from crawler.discovery.sitemaps import parse_sitemap
from crawler.extract.dates import parse_iso
from crawler.middlewares.redirects import RedirectFailed
from crawler.registry import OutletEntry, load_registry

from .article import ArticleParsing
from .sources import SOURCE_PRIORITY, article_request, in_window, private_hosts, source_meta


class NewsSpider(ArticleParsing, scrapy.Spider):
    name = "news"

    def __init__(self, outlet: str = "", sources: str = "", since: str = "", until: str = "",
                 only_sources_file: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.outlet_arg = outlet
        self.sources_arg = sources
        self.since = parse_iso(since) if since else None
        self.until = parse_iso(until + "T23:59:59" if len(until) == 10 else until) if until else None
        self.only_sources_file = only_sources_file in ("1", "true", "yes")
        self.source_errors: dict[str, list[str]] = {}
        self.outlets: dict[str, OutletEntry] = {}
        self.private_network_hosts: set[str] = set()
        self.article_counts: dict[str, int] = {}

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        sources_file = spider.sources_arg or crawler.settings.get("PANTAU_SOURCES_FILE") or None
        registry = load_registry(sources_file, only_file=spider.only_sources_file)
        names = [n for n in spider.outlet_arg.split(",") if n] or None
        chosen = registry.select(names, include_disabled=True)
        for entry in chosen:
            if not entry.enabled:
                spider.logger.warning("outlet %s is disabled: %s", entry.name, entry.permission.reason)
                crawler.stats.inc_value("outlet/disabled")
                spider.report(entry.name, f"disabled: {entry.permission.reason}")
        spider.outlets = {o.name: o for o in chosen if o.enabled}
        spider.private_network_hosts = private_hosts(list(spider.outlets.values()))
        spider.distributed = bool(crawler.settings.get("PANTAU_REDIS_URL"))
        if spider.distributed:
            # the shared frontier may fill up later (another process is still reading a sitemap):
            # stay open until nothing happened for DISTRIBUTED_IDLE_SECONDS
            spider.idle_grace = crawler.settings.getfloat("DISTRIBUTED_IDLE_SECONDS", 10)
            spider.last_activity = time.monotonic()
            crawler.signals.connect(spider._active, signal=signals.response_received)
            crawler.signals.connect(spider._active, signal=signals.item_scraped)
            crawler.signals.connect(spider._idle, signal=signals.spider_idle)
        return spider

    def _active(self) -> None:
        self.last_activity = time.monotonic()

    def _idle(self) -> None:
        if time.monotonic() - self.last_activity < self.idle_grace:
            raise DontCloseSpider

    def report(self, source: str, message: str) -> None:
        """Record a per-source problem: logged, counted, and saved with the crawl run."""
        self.source_errors.setdefault(source, []).append(message[:500])
        self.crawler.stats.inc_value("source/errors")

    async def start(self) -> AsyncIterator[Any]:
        callbacks = {"rss": self.parse_feed, "search": self.parse_feed, "news_sitemap": self.parse_sitemap,
                     "listing": self.parse_listing}
        for outlet in self.outlets.values():
            for kind, url in outlet.sources():
                self.crawler.stats.inc_value(f"source/requested/{kind}")
                yield scrapy.Request(url, callback=callbacks[kind], errback=self.source_failed,
                                     meta=source_meta(outlet, kind, url), priority=SOURCE_PRIORITY, dont_filter=True)

    # discovery ------------------------------------------------------------------------------------
    def source_failed(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        if failure.check(RedirectFailed):  # the message names the loop or the chain of hops
            self.report(request.meta.get("source_url", request.url), failure.getErrorMessage())
            return
        self.report(request.meta.get("source_url", request.url), f"{failure.type.__name__}: {failure.getErrorMessage()}")

    def _unchanged(self, response: Response) -> bool:
        if response.status == 304:
            self.crawler.stats.inc_value("source/not_modified")
            return True
        return False

    def _discovered(self, response: Response, found: list[Discovered]) -> Any:
        outlet = self.outlets[response.meta["outlet"]]
        source_url = response.meta["source_url"]
        for item in found:
            if not in_window(item.published, self.since, self.until):
                self.crawler.stats.inc_value("discovery/outside_window")
                continue
            host = urlsplit(item.url).netloc.lower()
            if not outlet.owns(host) or not outlet.wants(item.url):
                self.crawler.stats.inc_value("discovery/filtered")
                continue
            if outlet.limits.max_articles and self.article_counts.get(outlet.name, 0) >= outlet.limits.max_articles:
                self.crawler.stats.inc_value("discovery/over_limit")
                continue
            self.article_counts[outlet.name] = self.article_counts.get(outlet.name, 0) + 1
            self.crawler.stats.inc_value("discovery/articles")
            if item.full_text and outlet.full_text_feeds:
                yield self.item_from_feed(outlet, source_url, item)
                continue
            yield article_request(item.url, outlet, source_url, item.published, self.parse_article, self.article_failed)

    def parse_feed(self, response: Response) -> Any:
        if self._unchanged(response):
            return
        try:
            ctype = response.headers.get(b"Content-Type", b"").decode("latin-1")
            found, warning = parse_feed(response.body, response.url, ctype)
        except DiscoveryError as exc:
            self.report(response.meta["source_url"], str(exc))
            return
        if warning:
            self.report(response.meta["source_url"], warning)
        yield from self._discovered(response, found)

    def parse_sitemap(self, response: Response) -> Any:
        yield from self._read_sitemap(response)
        sibling = self._next_sitemap(response.meta, response.meta.get("sitemap_siblings", []))
        if sibling is not None:
            yield sibling

    def sitemap_failed(self, failure: Failure) -> list[scrapy.Request]:
        """A child sitemap that could not be fetched is reported; its index goes on with the next one."""
        self.source_failed(failure)
        meta = failure.request.meta  # type: ignore[attr-defined]
        sibling = self._next_sitemap(meta, meta.get("sitemap_siblings", []))
        return [sibling] if sibling is not None else []

    def _next_sitemap(self, meta: dict[str, Any], urls: list[str]) -> scrapy.Request | None:
        """The first of ``urls`` (child sitemaps of one index); the others ride along in its meta.

        One child sitemap of an index at a time, after the articles already found (lower priority):
        the frontier streams instead of taking in every URL of a large sitemap index at once, so
        memory does not depend on the size of the index (all children at once cost 70 MB for an
        index of 50 sitemaps of 1,000 articles).
        """
        if not urls:
            return None
        keep = {k: meta[k] for k in ("outlet", "source_url", "source_kind", "sitemap_depth")}
        return scrapy.Request(urls[0], callback=self.parse_sitemap, errback=self.sitemap_failed, priority=-100,
                              meta={**keep, "sitemap_siblings": list(urls[1:])}, dont_filter=True)

    def _read_sitemap(self, response: Response) -> Any:
        if self._unchanged(response):
            return
        try:
            sitemap = parse_sitemap(response.body)
        except DiscoveryError as exc:
            self.report(response.meta["source_url"], str(exc))
            return
        outlet = self.outlets[response.meta["outlet"]]
        depth = response.meta.get("sitemap_depth", 0)
        children = [] if depth >= outlet.limits.max_sitemap_depth else [
            child for child, lastmod in sitemap.children if not (self.since and lastmod and lastmod < self.since)]
        yield from self._discovered(response, sitemap.articles)
        first = self._next_sitemap({**response.meta, "sitemap_depth": depth + 1}, children)
        if first is not None:
            yield first

    def parse_listing(self, response: Response) -> Any:
        if self._unchanged(response):
            return
        outlet = self.outlets[response.meta["outlet"]]
        listing = next((lst for lst in outlet.listings if lst.url == response.meta["source_url"]), None)
        if listing is None or not hasattr(response, "text"):
            self.report(response.meta["source_url"], "listing page is not HTML")
            return
        try:
            found = parse_listing(response.text, response.url, listing)
        except DiscoveryError as exc:
            self.report(response.meta["source_url"], str(exc))
            return
        yield from self._discovered(response, found)
