"""Scrapy settings of the crawler, built from Pantau's configuration (``pantau.config``).

``scrapy.cfg`` points Scrapy here, so ``scrapy crawl news -a outlet=kompas`` and ``pantau crawl``
run the same spiders with the same settings. :func:`build` is the one place they are assembled;
the module-level names are its result for the current environment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pantau import config as pantau_config

from .pipelines import ORDER as PIPELINES

DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.ssrf.SSRFGuardMiddleware": 50,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.robots.PoliteRobotsTxtMiddleware": 100,
    "crawler.middlewares.tdm.TDMRepMiddleware": 130,
    "crawler.middlewares.conditional.ConditionalGetMiddleware": 140,
    "crawler.middlewares.retry_after.RetryAfterMiddleware": 560,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "crawler.middlewares.redirects.CheckedMetaRefreshMiddleware": 580,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "crawler.middlewares.redirects.CheckedRedirectMiddleware": 600,
}
SPIDER_MIDDLEWARES = {
    "crawler.middlewares.incremental.IncrementalMiddleware": 950,
}
EXTENSIONS = {
    "crawler.extensions.crawlrun.CrawlRunExtension": 100,
    "crawler.extensions.progress.ProgressExtension": 200,
    "crawler.extensions.memory.MemoryTrimExtension": 300,
}


def build(cfg: pantau_config.Config | None = None, **overrides: Any) -> dict[str, Any]:
    """Scrapy settings for ``cfg`` (default: the environment), then ``overrides``."""
    cfg = cfg or pantau_config.load()
    settings: dict[str, Any] = {
        "BOT_NAME": "pantau",
        "SPIDER_MODULES": ["crawler.spiders.news"],
        "NEWSPIDER_MODULE": "crawler.spiders",
        "USER_AGENT": cfg.resolved_user_agent,
        "ROBOTSTXT_OBEY": True,
        "ROBOTSTXT_PARSER": "scrapy.robotstxt.ProtegoRobotParser",
        "ROBOTSTXT_USER_AGENT": cfg.resolved_user_agent.split("/", 1)[0],
        "PANTAU_AGENT_TOKENS": [cfg.resolved_user_agent.split("/", 1)[0].lower()],
        "CONCURRENT_REQUESTS": 16,
        "CONCURRENT_REQUESTS_PER_DOMAIN": cfg.concurrent_per_domain,
        "DOWNLOAD_DELAY": cfg.download_delay,
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": max(cfg.download_delay, 0.1),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(cfg.concurrent_per_domain),
        "DOWNLOAD_TIMEOUT": cfg.download_timeout,
        "DOWNLOAD_MAXSIZE": cfg.max_page_bytes,
        "DOWNLOAD_WARNSIZE": cfg.max_page_bytes // 2,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": 2,
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        "REDIRECT_MAX_TIMES": 10,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": cfg.log_level,
        "DOWNLOADER_MIDDLEWARES": dict(DOWNLOADER_MIDDLEWARES),
        "SPIDER_MIDDLEWARES": dict(SPIDER_MIDDLEWARES),
        "ITEM_PIPELINES": dict(PIPELINES),
        "CONCURRENT_ITEMS": 4,  # spider callbacks yield few items; Scrapy's 100 costs a task each
        "EXTENSIONS": dict(EXTENSIONS),
        "PANTAU_DATABASE_URL": cfg.resolved_database_url,
        "PANTAU_SOURCES_FILE": cfg.sources_file,
        "PANTAU_EXTRACT_WORKERS": cfg.extract_workers,
        "PANTAU_REDIS_URL": cfg.redis_url,
        "PANTAU_DATA_DIR": str(cfg.data_dir),
        "LOG_FORMATTER": "crawler.logformatter.PantauLogFormatter",
    }
    if cfg.redis_url:
        settings.update(distributed(cfg.redis_url))
    settings.update(overrides)
    return settings


def distributed(redis_url: str) -> dict[str, Any]:
    """scrapy-redis: one shared frontier (priority queue) and one shared duplicate filter."""
    return {
        "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
        "DUPEFILTER_CLASS": "crawler.dupefilter.RedisDupeFilter",  # --refresh clears it (once per refresh)
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_QUEUE_KEY": "pantau:%(spider)s:requests",
        "SCHEDULER_DUPEFILTER_KEY": "pantau:%(spider)s:dupefilter",
        "SCHEDULER_IDLE_BEFORE_CLOSE": 2,
        "REDIS_URL": redis_url,
    }


def jobdir(data_dir: Path, key: str) -> Path:
    return data_dir / "jobs" / key


globals().update({k: v for k, v in build().items() if k.isupper()})
