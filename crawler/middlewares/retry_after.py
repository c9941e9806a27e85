"""Honour ``Retry-After`` on 429 and 503: wait what the server asks (within a cap), then retry."""

from __future__ import annotations

import asyncio
from email.utils import parsedate_to_datetime
from datetime import UTC, datetime
from typing import Any

from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

STATUSES = (429, 503)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header: delta-seconds or an HTTP date; None when absent or invalid."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RetryAfterMiddleware:
    def __init__(self, crawler: Any, max_wait: float, max_times: int) -> None:
        self.crawler = crawler
        self.max_wait = max_wait
        self.max_times = max_times

    @classmethod
    def from_crawler(cls, crawler: Any) -> RetryAfterMiddleware:
        if not crawler.settings.getbool("RETRY_AFTER_ENABLED", True):
            raise NotConfigured
        return cls(crawler, crawler.settings.getfloat("RETRY_AFTER_MAX_SECONDS", 300),
                   crawler.settings.getint("RETRY_AFTER_TIMES", 3))

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if response.status not in STATUSES:
            return response
        header = response.headers.get(b"Retry-After")
        wait = retry_after_seconds(header.decode("latin-1") if header else None)
        times = request.meta.get("retry_after_times", 0)
        if wait is None or times >= self.max_times:
            return response  # the ordinary retry middleware decides
        if wait > self.max_wait:
            self.crawler.stats.inc_value("retry_after/too_long")
            return response
        self.crawler.stats.inc_value("retry_after/honoured")
        # hold this host's slot for the requested time, so other requests to it wait too
        downloader = self.crawler.engine.downloader
        slot = downloader.slots.get(downloader.get_slot_key(request))
        if slot is not None:
            slot.lastseen = max(slot.lastseen, asyncio.get_running_loop().time()) + wait
        await asyncio.sleep(wait)
        retry = request.replace(dont_filter=True)
        retry.meta["retry_after_times"] = times + 1
        return retry
