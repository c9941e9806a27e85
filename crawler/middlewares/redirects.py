"""Redirects that go nowhere are failures of the source, reported like timeouts and bad feeds.

Scrapy's redirect middlewares drop a request silently (``IgnoreRequest``) after
``REDIRECT_MAX_TIMES`` hops, and a loop between article URLs ends even more quietly: the second visit
of a URL is just a duplicate for the duplicate filter. These subclasses stop a loop at the first
repeated URL and raise :class:`RedirectFailed` (an ``IgnoreRequest``) with a message naming the chain;
the spider's errbacks report it for the request's source.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware, RedirectMiddleware
from scrapy.exceptions import IgnoreRequest

MAX_CHAIN_SHOWN = 4


class RedirectFailed(IgnoreRequest):
    """A redirect loop, or more redirects than ``REDIRECT_MAX_TIMES``."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind  # "redirect_loop" or "too_many_redirects"


def _chain(urls: list[str]) -> str:
    if len(urls) > MAX_CHAIN_SHOWN + 1:
        urls = [*urls[:2], "...", *urls[-(MAX_CHAIN_SHOWN - 2):]]
    return " -> ".join(urls)


class _Checked:
    """Mixed into Scrapy's redirect middlewares: a loop or too many hops raises RedirectFailed."""

    crawler: Any
    max_redirect_times: int

    def _redirect(self, redirected: Request, request: Request, reason: Any) -> Request:
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if redirected.url in chain:
            self.crawler.stats.inc_value("redirect/loop")
            raise RedirectFailed("redirect_loop", f"redirect loop: {_chain([*chain, redirected.url])}")
        ttl = request.meta.get("redirect_ttl", self.max_redirect_times)
        if not ttl or len(chain) > self.max_redirect_times:
            self.crawler.stats.inc_value("redirect/too_many")
            raise RedirectFailed("too_many_redirects", f"more than {self.max_redirect_times} redirects: "
                                 f"{_chain([*chain, redirected.url])}")
        return super()._redirect(redirected, request, reason)  # type: ignore[misc,no-any-return]


class CheckedRedirectMiddleware(_Checked, RedirectMiddleware):
    pass


class CheckedMetaRefreshMiddleware(_Checked, MetaRefreshMiddleware):
    pass
