"""Listing and index pages: links that match the outlet's article URL pattern."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from lxml import etree, html

from crawler.registry import Listing

from . import Discovered, DiscoveryError


def parse_listing(body: str, base_url: str, listing: Listing) -> list[Discovered]:
    try:
        tree = html.document_fromstring(body)
    except (etree.ParserError, ValueError) as exc:
        raise DiscoveryError(f"unreadable listing page: {exc}") from exc
    seen: set[str] = set()
    out = []
    base_host = urlsplit(base_url).netloc
    for href in tree.xpath("//a/@href"):
        url = urljoin(base_url, str(href).strip()).split("#", 1)[0]
        if not url.startswith(("http://", "https://")) or url in seen:
            continue
        if urlsplit(url).netloc != base_host and not listing.article_pattern:
            continue
        if listing.matches(url):
            seen.add(url)
            out.append(Discovered(url=url))
    return out
