"""Conditional GET for sources: ETag / Last-Modified kept on the ``source`` table.

A feed or sitemap that has not changed answers 304 and costs almost nothing. The outcome of every
source request (status, error) is written back when the spider closes.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request, signals
from scrapy.exceptions import NotConfigured
from scrapy.http import Response


class ConditionalGetMiddleware:
    def __init__(self, crawler: Any, database_url: str) -> None:
        self.crawler = crawler
        self.database_url = database_url
        self.known: dict[str, tuple[str | None, str | None]] = {}
        self.seen: dict[str, dict[str, Any]] = {}
        crawler.signals.connect(self.open, signal=signals.spider_opened)
        crawler.signals.connect(self.close, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Any) -> ConditionalGetMiddleware:
        if not crawler.settings.get("PANTAU_DATABASE_URL"):
            raise NotConfigured
        return cls(crawler, crawler.settings.get("PANTAU_DATABASE_URL"))

    def open(self, spider: Any) -> None:
        from sqlalchemy import select

        from models import Source, open_database

        db = open_database(self.database_url)
        try:
            with db.session() as session:
                rows = session.execute(select(Source.url, Source.etag, Source.last_modified))
                self.known = {url: (etag, lm) for url, etag, lm in rows}
        finally:
            db.dispose()

    def process_request(self, request: Request) -> None:
        if not request.meta.get("pantau_source") or self.crawler.settings.getbool("PANTAU_REFRESH"):
            return
        etag, last_modified = self.known.get(request.url, (None, None))
        if etag:
            request.headers.setdefault(b"If-None-Match", etag.encode("latin-1"))
        if last_modified:
            request.headers.setdefault(b"If-Modified-Since", last_modified.encode("latin-1"))

    def process_response(self, request: Request, response: Response) -> Response:
        if request.meta.get("pantau_source"):
            etag = response.headers.get(b"ETag")
            lm = response.headers.get(b"Last-Modified")
            self.seen[request.meta["source_url"]] = {
                "outlet": request.meta["outlet"], "kind": request.meta["source_kind"], "status": str(response.status),
                "etag": etag.decode("latin-1") if etag and response.status == 200 else None,
                "last_modified": lm.decode("latin-1") if lm and response.status == 200 else None,
            }
        return response

    def close(self, spider: Any) -> None:
        from crawler.sources_state import save_source_states

        errors = getattr(spider, "source_errors", {})
        outlets = getattr(spider, "outlets", {})
        save_source_states(self.database_url, outlets, self.seen, errors)
