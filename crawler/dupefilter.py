"""The shared duplicate filter of a distributed crawl (scrapy-redis), and what ``--refresh`` does to it.

The filter persists between crawls: a URL requested once is never requested again by any process,
which keeps ordinary crawls incremental. ``pantau crawl --refresh`` must fetch everything again, so a
refresh crawl clears the filter when it starts. Several processes started for the same refresh must
not clear it after each other (they would fetch pages twice): the first one sets a marker
(``<filter key>:refresh``) that lives while a refresh process runs (renewed every
``REFRESH_MARKER_SECONDS`` / 4 while requests are filtered), and a refresh process that finds the
marker joins that refresh instead of clearing again. Once every refresh process has stopped, the
marker expires and the next ``--refresh`` clears the filter again.
"""

from __future__ import annotations

import os
import socket
import time
from typing import Any

from scrapy_redis.dupefilter import RFPDupeFilter


class RedisDupeFilter(RFPDupeFilter):
    marker_seconds = 60
    refreshing = False
    _renewed = 0.0

    @classmethod
    def from_spider(cls, spider: Any) -> RedisDupeFilter:
        df: RedisDupeFilter = super().from_spider(spider)
        if spider.settings.getbool("PANTAU_REFRESH"):
            df.marker_seconds = spider.settings.getint("REFRESH_MARKER_SECONDS", 60)
            cleared = df.start_refresh()
            spider.crawler.stats.set_value("dupefilter/refresh", "cleared" if cleared else "joined")
            spider.logger.info("--refresh: shared duplicate filter %s %s", df.key,
                               "cleared" if cleared else "already cleared by a running refresh")
        return df

    @property
    def marker(self) -> str:
        return f"{self.key}:refresh"

    def start_refresh(self) -> bool:
        """Clear the filter unless a refresh is already running; True when this process cleared it."""
        self.refreshing = True
        self._renewed = time.monotonic()
        owner = f"{socket.gethostname()}:{os.getpid()}"
        if not self.server.set(self.marker, owner, nx=True, ex=self.marker_seconds):
            self.server.expire(self.marker, self.marker_seconds)
            return False
        self.clear()
        return True

    def request_seen(self, request: Any) -> bool:
        if self.refreshing and time.monotonic() - self._renewed > self.marker_seconds / 4:
            self._renewed = time.monotonic()
            self.server.expire(self.marker, self.marker_seconds)  # this refresh is still running
        return bool(super().request_seen(request))
