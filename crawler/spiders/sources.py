"""Helpers of the news spider: source requests, article requests and per-source error reports."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request

from crawler.registry import OutletEntry
from crawler.urls import canonical_url

SOURCE_PRIORITY = 100
MAX_ARTICLE_PAGES = 10


def private_hosts(outlets: list[OutletEntry]) -> set[str]:
    """Hosts (with port) that may resolve to private addresses: outlets with allow_private_network."""
    hosts: set[str] = set()
    for outlet in outlets:
        if outlet.allow_private_network:
            hosts.update(outlet.domains)
            hosts.update(urlsplit(url).netloc.lower() for _, url in outlet.sources())
    return hosts


def source_meta(outlet: OutletEntry, kind: str, url: str, **extra: Any) -> dict[str, Any]:
    return {
        "outlet": outlet.name, "source_url": url, "source_kind": kind, "pantau_source": True,
        "handle_httpstatus_list": [304], **extra,
    }


def article_request(
    url: str, outlet: OutletEntry, source_url: str, published: datetime | None, callback: Any,
    errback: Any,
) -> Request:
    # newer articles first; the canonical form is the request's identity for incremental skips
    priority = int(published.timestamp() // 86400) - 19000 if published else 0
    # the canonical form is fetched: tracking parameters and AMP/mobile variants never reach the wire
    return Request(
        canonical_url(url), callback=callback, errback=errback, priority=max(min(priority, 99), -99),
        meta={"outlet": outlet.name, "source_url": source_url, "article": True,
              "canonical_guess": canonical_url(url), "discovered_url": url},
        dont_filter=False,
    )


def in_window(published: datetime | None, since: datetime | None, until: datetime | None) -> bool:
    if published is None:
        return since is None  # undated entries are kept, except in a --since backfill
    if since and published < since:
        return False
    return not (until and published > until)
