"""Distributed mode: two crawler processes share one Redis frontier and write to one PostgreSQL corpus."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from crawl_support import REPO, crawler_env, rows

from crawler.mirror.server import MirrorServer

PAGES = 200
pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow]


def test_two_processes_share_the_work(tmp_path: Path, pg_url: str, redis_url: str) -> None:
    import redis

    from models.db import make_engine, upgrade

    engine = make_engine(pg_url)
    upgrade(engine)
    engine.dispose()
    prefix = f"pantau-test-{uuid.uuid4().hex[:8]}"
    with MirrorServer(bench_pages=PAGES, outlets=()) as mirror:
        sources = mirror.write_sources(tmp_path / "bench.toml")
        # the sitemap index answers slowly, so both processes are up before the first article is found
        mirror.servers["bench"].routes["/sitemap.xml"].delay = 3.0
        procs = []
        for n in range(2):
            env = crawler_env(tmp_path / f"p{n}", pg_url, PANTAU_REDIS_URL=redis_url, PANTAU_DOWNLOAD_DELAY="0.02",
                              PANTAU_DOWNLOAD_TIMEOUT="10")
            cmd = [sys.executable, "-m", "scrapy.cmdline", "crawl", "news", "-a", f"sources={sources}",
                   "-a", "only_sources_file=1", "-s", "CLASSIFY_ENABLED=0", "-s", "DISTRIBUTED_IDLE_SECONDS=8",
                   "-s", f"SCHEDULER_QUEUE_KEY={prefix}:%(spider)s:requests",
                   "-s", f"SCHEDULER_DUPEFILTER_KEY={prefix}:%(spider)s:dupefilter"]
            procs.append(subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        outputs = [p.communicate(timeout=240) for p in procs]
        hits = mirror.hits("bench")
    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)
    for proc, (_, err) in zip(procs, outputs):
        assert proc.returncode == 0, err[-2000:]

    urls = [r[0] for r in rows(pg_url, "SELECT canonical_url FROM article")]
    assert len(urls) == len(set(urls)) == PAGES
    article_hits = [n for path, n in hits.items() if path.startswith("/berita/")]
    assert len(article_hits) == PAGES and max(article_hits) == 1  # one shared duplicate filter: each page fetched once
    stats = [json.loads(s) if isinstance(s, str) else s for (s,) in rows(pg_url, "SELECT stats FROM crawl_run")]
    stored = [s.get("stored/new", 0) + s.get("stored/updated", 0) for s in stats]
    assert len(stored) == 2 and sum(stored) == PAGES
    assert min(stored) > 0, f"one process did all the work: {stored}"
