"""Typed registry entries: one :class:`OutletEntry` per publisher, with its sources and permission."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

OutletKind = Literal["news", "official"]


@dataclass(frozen=True)
class Permission:
    """Whether we may crawl an outlet, why, and the written permission where one exists."""

    enabled: bool = True
    reason: str = ""
    reference: str = ""  # reference of a written permission (letter, e-mail, contract)

    @property
    def recorded(self) -> bool:
        return bool(self.reference)

    @property
    def status(self) -> str:
        if not self.enabled:
            return "disabled"
        return "permission_recorded" if self.recorded else "allowed"


@dataclass(frozen=True)
class Listing:
    """A listing or index page and the pattern its article links match."""

    url: str
    article_pattern: str = ""

    def matches(self, url: str) -> bool:
        return bool(re.search(self.article_pattern, url)) if self.article_pattern else True


@dataclass(frozen=True)
class Limits:
    """Crawl limits of one outlet; 0 means no limit."""

    max_articles: int = 0
    max_sitemap_depth: int = 2
    max_listing_pages: int = 20


@dataclass(frozen=True)
class OutletEntry:
    """One publisher: where to discover its articles and what we may do with them."""

    name: str
    domains: tuple[str, ...]
    title: str = ""
    country: str = "ID"
    language: str = "id"
    kind: OutletKind = "news"
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    listings: tuple[Listing, ...] = ()
    search_feeds: tuple[str, ...] = ()
    url_include: tuple[str, ...] = ()  # regexes an article URL must match (any)
    url_exclude: tuple[str, ...] = ()  # regexes that exclude an article URL
    full_text_feeds: bool = False  # feed items carry the whole text: store from the feed
    allow_private_network: bool = False
    parser: str = ""  # name of an outlet parser module under crawler.outlets
    permission: Permission = field(default_factory=Permission)
    limits: Limits = field(default_factory=Limits)

    @property
    def enabled(self) -> bool:
        return self.permission.enabled

    def sources(self) -> list[tuple[str, str]]:
        """(kind, url) of every discovery entry point."""
        out = [("rss", u) for u in self.feeds] + [("news_sitemap", u) for u in self.sitemaps]
        out += [("listing", lst.url) for lst in self.listings] + [("search", u) for u in self.search_feeds]
        return out

    def owns(self, host: str) -> bool:
        host = host.lower()
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def wants(self, url: str) -> bool:
        """Does an article URL pass the outlet's include/exclude filters?"""
        if self.url_exclude and any(re.search(p, url) for p in self.url_exclude):
            return False
        return not self.url_include or any(re.search(p, url) for p in self.url_include)
