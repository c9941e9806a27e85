"""`--refresh` in distributed mode: the shared Redis duplicate filter no longer hides stored pages."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from crawl_support import crawler_env, pantau, rows

from crawler.mirror.server import MirrorServer

pytestmark = pytest.mark.redis


def test_refresh_clears_the_shared_duplicate_filter_once(redis_url: str) -> None:
    import redis
    from scrapy import Request

    from crawler.dupefilter import RedisDupeFilter

    client = redis.Redis.from_url(redis_url)
    key = f"pantau-test-{uuid.uuid4().hex[:8]}:news:dupefilter"
    try:
        first = RedisDupeFilter(client, key)
        assert not first.request_seen(Request("http://a.test/berita/1"))
        assert first.request_seen(Request("http://a.test/berita/1"))
        assert first.start_refresh()  # the first refresh process clears what earlier crawls requested
        assert not first.request_seen(Request("http://a.test/berita/1"))
        second = RedisDupeFilter(client, key)
        assert not second.start_refresh()  # a process joining the running refresh keeps its filter
        assert second.request_seen(Request("http://a.test/berita/1"))
        assert client.ttl(f"{key}:refresh") > 0  # the marker expires once no refresh process renews it
    finally:
        client.delete(key, f"{key}:refresh")


@pytest.mark.slow
def test_pantau_crawl_refresh_fetches_again_with_redis(tmp_path: Path, redis_url: str) -> None:
    import redis

    from models.db import make_engine, upgrade

    client = redis.Redis.from_url(redis_url)
    db_url = f"sqlite:///{tmp_path / 'corpus.db'}"
    engine = make_engine(db_url)
    upgrade(engine)
    engine.dispose()

    def clean() -> None:  # `pantau crawl` uses the default keys (pantau:news:*), in the test database
        for key in client.scan_iter("pantau:news:*"):
            client.delete(key)

    clean()
    try:
        with MirrorServer(bench_pages=12, outlets=()) as mirror:
            sources = mirror.write_sources(tmp_path / "bench.toml")
            env = crawler_env(tmp_path, db_url, PANTAU_REDIS_URL=redis_url)

            def crawl(*flags: str) -> dict[str, int]:
                before = mirror.hits("bench")
                run = pantau(env, "crawl", "--sources", str(sources), "--only-sources-file", "--quiet", *flags)
                assert run.returncode == 0, run.stderr[-2000:]
                after = mirror.hits("bench")
                return {p: n - before.get(p, 0) for p, n in after.items() if p.startswith("/berita/")}

            assert sorted(crawl().values()) == [1] * 12
            assert client.scard("pantau:news:dupefilter") >= 12
            assert sum(crawl().values()) == 0  # incremental: nothing fetched twice
            assert sorted(crawl("--refresh").values()) == [1] * 12  # the shared filter no longer hides them
            assert sum(crawl().values()) == 0
        stats = [json.loads(s) if isinstance(s, str) else s for (s,) in rows(db_url, "SELECT stats FROM crawl_run ORDER BY id")]
        assert [s.get("stored/updated", 0) for s in stats] == [0, 0, 12, 0]
    finally:
        clean()
