"""robots.txt for our own user agent (Protego), with RFC 9309 error handling and crawl delays.

On top of Scrapy's RobotsTxtMiddleware: a robots.txt answering 5xx or not answering at all means
"disallow all" for that host until it recovers (asked again after ``ROBOTSTXT_RECHECK_SECONDS``);
4xx means "allow all"; ``Crawl-delay`` and ``Request-rate`` slow down the host's download slot.
"""

from __future__ import annotations

import time
from typing import Any

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Request, Response
from scrapy.robotstxt import ProtegoRobotParser
from scrapy.utils.httpobj import urlparse_cached

DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"
ALLOW_ALL = b""


class PoliteRobotsTxtMiddleware(RobotsTxtMiddleware):
    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        self._agent = crawler.settings.get("ROBOTSTXT_USER_AGENT") or crawler.settings.get("USER_AGENT")
        self._recheck = crawler.settings.getfloat("ROBOTSTXT_RECHECK_SECONDS", 600)
        self._failed_at: dict[str, float] = {}
        self.verdicts: dict[str, str] = {}  # netloc -> ok | unavailable | missing
        self.delays: dict[str, float] = {}  # netloc -> seconds between requests (Crawl-delay, Request-rate)

    async def robot_parser(self, request: Request) -> Any:
        netloc = urlparse_cached(request).netloc
        failed = self._failed_at.get(netloc)
        if failed is not None and time.monotonic() - failed > self._recheck:
            del self._failed_at[netloc]
            self._parsers.pop(netloc, None)  # ask again: the host may have recovered
        return await super().robot_parser(request)

    def process_request_2(self, rp: Any, request: Request) -> None:
        super().process_request_2(rp, request)  # raises IgnoreRequest when disallowed
        request.meta["robots_verdict"] = "allowed"
        self._enforce_delay(request)

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status >= 500:
            self.crawler.stats.inc_value("robotstxt/unavailable_disallow_all")
            self.verdicts[netloc] = "unavailable"
            self._failed_at[netloc] = time.monotonic()
            response = response.replace(body=DISALLOW_ALL)
        elif response.status >= 400:
            self.verdicts[netloc] = "missing"
            response = response.replace(body=ALLOW_ALL)
        else:
            self.verdicts[netloc] = "ok"
        await super()._parse_robots(response, netloc, request)
        parser = self._parsers.get(netloc)
        if parser is not None:
            self._apply_delay(parser, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        # timeout, DNS or connection error: disallow all until the host recovers (RFC 9309)
        self.crawler.stats.inc_value("robotstxt/unreachable_disallow_all")
        self.verdicts[netloc] = "unavailable"
        self._failed_at[netloc] = time.monotonic()
        rp_dfd = self._parsers[netloc]
        parser = ProtegoRobotParser.from_crawler(self.crawler, DISALLOW_ALL)
        self._parsers[netloc] = parser
        rp_dfd.callback(parser)  # type: ignore[union-attr]

    def _apply_delay(self, parser: Any, request: Request) -> None:
        rp = getattr(parser, "rp", None)
        if rp is None:
            return
        delay = rp.crawl_delay(self._agent) or 0.0
        rate = rp.request_rate(self._agent)
        if rate is not None and rate.requests:
            delay = max(delay, rate.seconds / rate.requests)
        if delay:
            netloc = urlparse_cached(request).netloc
            self.delays[netloc] = float(delay)
            self.crawler.stats.set_value(f"robotstxt/crawl_delay/{netloc}", float(delay))

    def _enforce_delay(self, request: Request) -> None:
        delay = self.delays.get(urlparse_cached(request).netloc)
        if not delay:
            return
        request.meta["autothrottle_dont_adjust_delay"] = True  # AutoThrottle must not go below it
        try:
            downloader = self.crawler.engine.downloader
        except RuntimeError:  # no engine yet (unit tests): nothing to slow down
            return
        slot = downloader.slots.get(downloader.get_slot_key(request))
        if slot is not None and slot.delay < delay:
            slot.delay = delay

    def process_response(self, request: Request, response: Response) -> Response:
        self._enforce_delay(request)
        return response
