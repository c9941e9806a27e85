"""Record every crawl as a ``CrawlRun``: counts by outcome and errors by source.

Runs left ``running`` by a process on this host that no longer exists (killed) are marked ``killed``
when the next crawl starts.
"""

from __future__ import annotations

import os
import socket
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured

COUNTED_PREFIXES = ("stored/", "dropped/", "article/", "discovery/", "source/", "robotstxt/", "ssrf/",
                    "tdmrep/", "incremental/", "classify/", "dedup/", "retry_after/", "retry/", "outlet/",
                    "downloader/response_status_count/", "item_scraped_count", "item_dropped_count")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class CrawlRunExtension:
    def __init__(self, crawler: Any, database_url: str) -> None:
        self.crawler = crawler
        self.database_url = database_url
        self.run_id: int | None = None
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Any) -> CrawlRunExtension:
        if not crawler.settings.get("PANTAU_DATABASE_URL"):
            raise NotConfigured
        return cls(crawler, crawler.settings.get("PANTAU_DATABASE_URL"))

    def _db(self) -> Any:
        from models import open_database

        return open_database(self.database_url)

    def opened(self, spider: Any) -> None:
        from sqlalchemy import select, update

        from models import CrawlRun, utcnow
        from models.store import start_crawl_run

        db = self._db()
        try:
            with db.session() as session:
                stale = session.execute(select(CrawlRun.id, CrawlRun.pid).where(
                    CrawlRun.status == "running", CrawlRun.host == socket.gethostname())).all()
                dead = [run_id for run_id, pid in stale if pid and pid != os.getpid() and not _alive(pid)]
                if dead:
                    session.execute(update(CrawlRun).where(CrawlRun.id.in_(dead))
                                    .values(status="killed", finished_at=utcnow()))
                self.run_id = start_crawl_run(session, job=f"crawl:{spider.name}",
                                              outlets=sorted(getattr(spider, "outlets", {})))
        finally:
            db.dispose()

    def closed(self, spider: Any, reason: str) -> None:
        from models.store import finish_crawl_run

        if self.run_id is None:
            return
        all_stats = self.crawler.stats.get_stats()
        counts = {k: v for k, v in all_stats.items() if k.startswith(COUNTED_PREFIXES) and isinstance(v, (int, float))}
        counts["finish_reason"] = reason
        errors = dict(getattr(spider, "source_errors", {}))
        status = "finished" if reason == "finished" else ("killed" if reason == "shutdown" else "failed")
        db = self._db()
        try:
            with db.session() as session:
                finish_crawl_run(session, self.run_id, status, counts, errors)
        finally:
            db.dispose()
        self.crawler.stats.set_value("pantau/crawl_run_id", self.run_id)
