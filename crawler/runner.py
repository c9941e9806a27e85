"""Run a crawl in this process (what `pantau crawl` and `pantau demo` do) and summarise it.

Local mode keeps the crawl state in a JOBDIR under the data dir, so a stopped crawl resumes (a
finished crawl deletes it). A crawl
killed without warning (SIGKILL) leaves a ``running`` marker: its JOBDIR is then discarded and the crawl
starts over from the sources, skipping every article already stored (the corpus is the truth).
Distributed mode (``PANTAU_REDIS_URL``) keeps the frontier and duplicate filter in Redis instead.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pantau import config as pantau_config


@dataclass
class CrawlOptions:
    outlets: list[str] = field(default_factory=list)
    sources_file: str = ""
    only_sources_file: bool = False
    since: str = ""
    until: str = ""
    refresh: bool = False
    progress: bool = False
    polite: bool = True
    log_level: str = "WARNING"
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass
class CrawlSummary:
    stats: dict[str, Any]
    source_errors: dict[str, list[str]]
    outlets: list[str]

    def count(self, prefix: str) -> int:
        return int(sum(v for k, v in self.stats.items() if k.startswith(prefix) and isinstance(v, (int, float))))

    @property
    def stored(self) -> int:
        return self.count("stored/")

    @property
    def fetched(self) -> int:
        return int(self.stats.get("response_received_count", 0))

    @property
    def dropped(self) -> dict[str, int]:
        return {k.split("/", 1)[1]: int(v) for k, v in self.stats.items() if k.startswith("dropped/")}

    @property
    def nothing_crawled(self) -> bool:
        ok = self.count("downloader/response_status_count/2") + self.count("downloader/response_status_count/304")
        return ok == 0


def job_key(opts: CrawlOptions) -> str:
    raw = "|".join([",".join(sorted(opts.outlets)) or "*", os.path.abspath(opts.sources_file) if opts.sources_file else "",
                    opts.since, opts.until])
    return hashlib.sha1(raw.encode()).hexdigest()[:12]


def prepare_jobdir(data_dir: Path, key: str) -> Path:
    jobdir = data_dir / "jobs" / key
    marker = jobdir / "running"
    if marker.exists():  # the previous crawl did not stop cleanly: its queue files cannot be trusted
        shutil.rmtree(jobdir, ignore_errors=True)
    jobdir.mkdir(parents=True, exist_ok=True)
    marker.write_text(str(os.getpid()))
    return jobdir


def scrapy_settings(opts: CrawlOptions, cfg: pantau_config.Config, database_url: str) -> dict[str, Any]:
    from crawler import settings as crawler_settings

    values = crawler_settings.build(cfg, LOG_LEVEL=opts.log_level, PANTAU_DATABASE_URL=database_url,
                                    PANTAU_REFRESH=opts.refresh, PANTAU_PROGRESS=opts.progress)
    if not opts.polite:  # benchmarks against the local mirror only
        values.update(DOWNLOAD_DELAY=0, AUTOTHROTTLE_ENABLED=False, CONCURRENT_REQUESTS_PER_DOMAIN=32,
                      CONCURRENT_REQUESTS=32)
    values.update(opts.settings)
    return values


def run_crawl(opts: CrawlOptions, cfg: pantau_config.Config | None = None, database_url: str | None = None) -> CrawlSummary:
    """Crawl (blocking) and return the summary. Raises the registry's errors for bad input."""
    from scrapy.crawler import CrawlerProcess

    from crawler.registry import load_registry
    from crawler.spiders.news import NewsSpider

    cfg = cfg or pantau_config.load()
    database_url = database_url or cfg.resolved_database_url
    sources_file = opts.sources_file or cfg.sources_file
    registry = load_registry(sources_file or None, only_file=opts.only_sources_file)  # fails early on bad input
    chosen = registry.select(opts.outlets or None, include_disabled=True)
    settings = scrapy_settings(opts, cfg, database_url)
    jobdir = None
    if not cfg.redis_url and "JOBDIR" not in settings:
        jobdir = prepare_jobdir(cfg.data_dir, job_key(opts))
        settings["JOBDIR"] = str(jobdir)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(NewsSpider)
    process.crawl(crawler, outlet=",".join(opts.outlets), sources=sources_file, since=opts.since, until=opts.until,
                  only_sources_file="1" if opts.only_sources_file else "")
    process.start()
    finished = crawler.stats.get_value("finish_reason") == "finished" if crawler.stats else False
    if jobdir is not None:
        if finished:  # a finished job needs no state; its "seen" file would hide sitemaps next time
            shutil.rmtree(jobdir, ignore_errors=True)
        else:  # stopped cleanly (Ctrl-C): keep the queue, the next start resumes it
            (jobdir / "running").unlink(missing_ok=True)
    spider = crawler.spider
    return CrawlSummary(
        stats=dict(crawler.stats.get_stats()) if crawler.stats else {},
        source_errors=dict(getattr(spider, "source_errors", {})),
        outlets=[o.name for o in chosen],
    )
