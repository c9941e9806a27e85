"""A crawl killed with SIGKILL in the middle and started again stores every article exactly once."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from crawl_support import REPO, crawler_env, rows

from crawler.mirror.bench import bench_article
from crawler.mirror.server import MirrorServer

PAGES = 120
pytestmark = pytest.mark.slow


def _count(db_url: str) -> int:
    try:
        return int(rows(db_url, "SELECT count(*) FROM article")[0][0])
    except Exception:  # noqa: BLE001 - the database may be busy or not yet written
        return 0


def test_kill_and_resume(tmp_path: Path, corpus: str) -> None:
    with MirrorServer(bench_pages=PAGES, outlets=()) as mirror:
        sources = mirror.write_sources(tmp_path / "bench.toml")
        env = crawler_env(tmp_path, corpus, PANTAU_DOWNLOAD_DELAY="0.02", PANTAU_CONCURRENT_PER_DOMAIN="2")
        cmd = [sys.executable, "-m", "pantau.cli.main", "crawl", "--sources", str(sources), "--only-sources-file", "--quiet"]
        first = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while _count(corpus) < PAGES // 4 and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert first.poll() is None, "the crawl finished before it could be killed: make it slower"
        first.send_signal(signal.SIGKILL)
        first.wait()
        stored_before = {r[0] for r in rows(corpus, "SELECT canonical_url FROM article")}
        assert 0 < len(stored_before) < PAGES
        assert (tmp_path / "data" / "jobs").exists()  # the JOBDIR lives under the data dir

        second = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=240, check=False)
        assert second.returncode == 0, second.stderr[-2000:]
        hits = mirror.hits("bench")

    urls = [r[0] for r in rows(corpus, "SELECT canonical_url FROM article")]
    expected = {f"{mirror.base('bench')}{bench_article(i).path}" for i in range(PAGES)}
    assert len(urls) == len(set(urls)) == PAGES
    assert set(urls) == expected
    # articles stored before the kill were not fetched again
    refetched = [u for u in stored_before if hits.get(u.split(mirror.base("bench"))[1], 0) > 1]
    assert not refetched
    statuses = sorted(r[0] for r in rows(corpus, "SELECT status FROM crawl_run"))
    assert statuses == ["finished", "killed"]
