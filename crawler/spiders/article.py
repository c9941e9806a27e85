"""Article pages: extraction in the worker pool, multi-page joining, permission signals, feed items."""

from __future__ import annotations

from typing import Any

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.discovery import Discovered
from crawler.extract.dates import parse_iso
from crawler.extract.decode import header_charset
from crawler.extract.extractor import extract_page, make_lead
from crawler.extract.fingerprint import content_hash
from crawler.extract.pool import get_pool
from crawler.items import ArticleItem
from crawler.middlewares.redirects import RedirectFailed
from crawler.permissions import signals_for
from crawler.registry import OutletEntry
from crawler.urls import page_number

from .sources import MAX_ARTICLE_PAGES

HTML_TYPES = (b"text/html", b"application/xhtml+xml")


def _first_url(request: scrapy.Request) -> str:
    """The URL the spider asked for, before any redirect."""
    return (request.meta.get("redirect_urls") or [request.url])[0]


class ArticleParsing:
    """Mixed into the news spider: everything that happens to one article page."""

    outlets: dict[str, OutletEntry]
    crawler: Any
    logger: Any

    def report(self, source: str, message: str) -> None:  # provided by the spider
        raise NotImplementedError

    def article_failed(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        reason = failure.getErrorMessage()
        if failure.check(RedirectFailed):  # a loop or too many hops: the source's problem, reported
            self.crawler.stats.inc_value(f"article/failed/{failure.value.kind}")
            self.report(request.meta.get("source_url", request.url), f"{_first_url(request)}: {reason}")
            return
        if failure.check(scrapy.exceptions.IgnoreRequest):
            return  # robots, SSRF and incremental skips are counted where they happen
        self.crawler.stats.inc_value(f"article/failed/{failure.type.__name__}")
        self.report(request.meta.get("source_url", request.url), f"{request.url}: {failure.type.__name__}: {reason}")

    async def parse_article(self, response: Response) -> Any:
        ctype = response.headers.get(b"Content-Type", b"").split(b";")[0].strip().lower()
        if ctype and ctype not in HTML_TYPES:
            self.crawler.stats.inc_value("article/skipped/not_html")
            return
        outlet = self.outlets[response.meta["outlet"]]
        job = {
            "body": response.body, "url": response.url, "parser": outlet.parser,
            "encoding": header_charset(response.headers.get(b"Content-Type", b"").decode("latin-1")),
            "agent_tokens": tuple(self.crawler.settings.getlist("PANTAU_AGENT_TOKENS")),
        }
        page = await get_pool(self.crawler).run(extract_page, job)
        if page.get("error"):
            self.crawler.stats.inc_value("article/skipped/unparseable")
            return
        parts = [*response.meta.get("previous_parts", []), page]
        nxt = page.get("next_page")
        if nxt and len(parts) < MAX_ARTICLE_PAGES and page_number(nxt) == page_number(response.url) + 1:
            keep = ("outlet", "source_url", "article", "canonical_guess", "discovered_url", "robots_verdict", "tdm")
            meta = {**{k: response.meta[k] for k in keep if k in response.meta}, "previous_parts": parts}
            yield response.follow(nxt, callback=self.parse_article, errback=self.article_failed, meta=meta,
                                  dont_filter=True)
            return
        yield self._item(response, outlet, parts)

    def _item(self, response: Response, outlet: OutletEntry, parts: list[dict[str, Any]]) -> ArticleItem:
        first = parts[0]
        text = "\n".join(p["text"] for p in parts if p.get("text"))
        signals = signals_for(response, first, outlet)
        item = ArticleItem(
            url=response.url if len(parts) == 1 else response.meta.get("discovered_url", response.url),
            outlet=outlet.name, source_url=response.meta.get("source_url", ""),
            original_url=response.meta.get("discovered_url", response.url),
            declared_canonical=first.get("canonical") or first.get("og_url"),
            title=first.get("title") or "", text=text, lead=first.get("lead") or "",
            authors=first.get("authors") or [], published_at=parse_iso(first.get("published_at")),
            language=first.get("language") or outlet.language, via="page", pages=len(parts),
            content_hash=first.get("content_hash") if len(parts) == 1 else (content_hash(text) if text else None),
            minhash=first.get("minhash") if len(parts) == 1 else None, **signals,
        )
        if len(parts) > 1:
            self.crawler.stats.inc_value("article/multipage_joined")
        return item

    def item_from_feed(self, outlet: OutletEntry, source_url: str, entry: Discovered) -> ArticleItem:
        """Official feeds whose items carry the whole text are stored from the feed."""
        self.crawler.stats.inc_value("article/from_feed")
        return ArticleItem(
            url=entry.url, outlet=outlet.name, source_url=source_url, original_url=entry.url,
            title=entry.title, text=entry.full_text, lead=make_lead(entry.full_text, entry.summary),
            published_at=entry.published, language=outlet.language, via="feed",
            content_hash=content_hash(entry.full_text), robots_verdict="not_fetched",
            permission={"source": "feed", "outlet_permission": outlet.permission.status},
        )
