"""Crawl throughput and memory against bare trafilatura, on a local mirror of realistic pages.

    .venv/bin/python benchmarks/bench_crawl.py --pages 5000 [--classify] [--workers 0]

1. serves N article pages of 30-150 KB from the local mirror (a separate process, loopback);
2. baseline: bare ``trafilatura.extract`` of the same pages, one process (pages already in memory);
3. crawl: the real crawl (`crawler.runner.run_crawl`, the code behind `pantau crawl`) with politeness
   limits off, into a fresh SQLite corpus: discovery from the news sitemap index, download,
   extraction in worker processes, dedup, (classification with --classify), storage.
Prints a table: pages/s and peak RSS of each, and the speed-up. Crawl memory is sampled every 0.25 s
over the crawling process and all its children (extraction workers, forkserver); the peak within
every ``--rss-every`` stored pages shows whether memory grows with the length of the crawl:

    .venv/bin/python benchmarks/bench_crawl.py --pages 50000 --skip-baseline --rss-every 10000
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def serve(pages: int, port_file: str) -> None:
    from crawler.mirror.server import MirrorServer

    mirror = MirrorServer(bench_pages=pages, outlets=()).start()
    Path(port_file).write_text(mirror.base("bench"))
    while True:
        time.sleep(3600)


def _own_hwm_mb() -> float:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1024


def baseline(pages: int) -> dict[str, float]:
    import trafilatura

    from crawler.mirror import bench

    elapsed, size = 0.0, 0
    for i in range(pages):  # rendered one at a time (not timed), so memory holds one page, like a crawl
        body = bench._render.__wrapped__(i, "http://127.0.0.1:1").decode("utf-8")
        size += len(body)
        start = time.perf_counter()
        trafilatura.extract(body)
        elapsed += time.perf_counter() - start
    return {"pages": pages, "seconds": elapsed, "pages_per_s": pages / elapsed, "avg_kb": size / pages / 1024,
            "rss_mb": _own_hwm_mb()}


CRAWL = """
import json, os, sys, threading, time

def family():
    # this process and all its descendants (extraction workers, the forkserver), from /proc
    parents = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as fh:
                parents[int(pid)] = int(fh.read().rsplit(")", 1)[1].split()[1])
        except OSError:
            pass
    found, grew = {os.getpid()}, True
    while grew:
        new = {p for p, pp in parents.items() if pp in found} - found
        found |= new
        grew = bool(new)
    return found

def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as fh:
            return next(int(l.split()[1]) for l in fh if l.startswith("VmRSS:")) / 1024
    except (OSError, StopIteration):
        return 0.0

class PageCounter:
    # an extension that only hands the crawler to the sampler (stored pages so far)
    crawler = None
    @classmethod
    def from_crawler(cls, crawler):
        PageCounter.crawler = crawler
        return cls()

def stored():
    c = PageCounter.crawler
    return int(c.stats.get_value("item_scraped_count", 0)) if c is not None and c.stats else 0

every = int(sys.argv[6])
peak = {"main": 0.0, "total": 0.0, "children": []}
buckets = {}  # pages stored // every -> [peak main, peak total] while the crawl was in that bucket

def sample():
    while True:
        pids = family()
        main = rss_mb(os.getpid())
        children = sorted(round(rss_mb(p)) for p in pids if p != os.getpid())
        total = main + sum(children)
        b = buckets.setdefault(stored() // every, [0.0, 0.0])
        b[0], b[1] = max(b[0], main), max(b[1], total)
        if total > peak["total"]:
            peak.update(total=total, children=children)
        peak["main"] = max(peak["main"], main)
        time.sleep(0.25)
threading.Thread(target=sample, daemon=True).start()

def own_hwm_mb():
    with open("/proc/self/status") as fh:
        return next(int(l.split()[1]) for l in fh if l.startswith("VmHWM:")) / 1024

from pantau import config
from crawler import settings as crawler_settings
from crawler.runner import CrawlOptions, run_crawl
from models import open_database
from models.db import upgrade
db_url, sources, classify, workers = sys.argv[1], sys.argv[2], sys.argv[3] == "1", int(sys.argv[4])
db = open_database(db_url, require_schema=False); upgrade(db.engine); db.dispose()
from pathlib import Path
cfg = config.load(data_dir=Path(sys.argv[5]), database_url=db_url, extract_workers=workers, redis_url="")
extensions = {**crawler_settings.EXTENSIONS, "__main__.PageCounter": 0}
t, c = time.perf_counter(), time.process_time()
s = run_crawl(CrawlOptions(sources_file=sources, only_sources_file=True, polite=False,
              settings={"CLASSIFY_ENABLED": classify, "LOG_LEVEL": "ERROR", "DEDUP_LSH_PRELOAD": 0,
                        "EXTENSIONS": extensions}), cfg, db_url)
elapsed, cpu = time.perf_counter() - t, time.process_time() - c
time.sleep(0.3)
print(json.dumps({"seconds": elapsed, "main_cpu_s": cpu, "stored": s.stored, "fetched": s.fetched,
                  "rss_mb": max(own_hwm_mb(), peak["main"]), "total_rss_mb": peak["total"],
                  "children_at_peak": peak["children"],
                  "buckets": {str(k): v for k, v in sorted(buckets.items())}}))
"""


def crawl(base: str, classify: bool, workers: int, every: int) -> dict[str, Any]:
    from crawler.mirror.sources import sources_toml

    with tempfile.TemporaryDirectory() as tmp:
        sources = Path(tmp) / "bench.toml"
        sources.write_text(sources_toml({"bench": base}))
        db_url = f"sqlite:///{tmp}/bench.db"
        out = subprocess.run([sys.executable, "-c", CRAWL, db_url, str(sources), "1" if classify else "0", str(workers), tmp,
                              str(every)],
                             cwd=ROOT, capture_output=True, text=True, check=False)
        if out.returncode != 0:
            raise SystemExit(f"crawl failed:\n{out.stderr[-3000:]}")
        result = json.loads(out.stdout.strip().splitlines()[-1])
    result["pages_per_s"] = result["stored"] / result["seconds"]
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--classify", action="store_true", help="also classify (nlp room) during the crawl")
    ap.add_argument("--workers", type=int, default=0, help="extraction workers (0 = one per core)")
    ap.add_argument("--skip-baseline", action="store_true")
    ap.add_argument("--rss-every", type=int, default=0,
                    help="report the peak RSS within every N stored pages (default: pages / 5, at least 1000)")
    args = ap.parse_args()
    every = args.rss_every or max(1000, args.pages // 5)
    with tempfile.TemporaryDirectory() as tmp:
        port_file = os.path.join(tmp, "port")
        server = multiprocessing.get_context("spawn").Process(target=serve, args=(args.pages, port_file), daemon=True)
        server.start()
        while not os.path.exists(port_file) or not Path(port_file).read_text():
            time.sleep(0.1)
        base = Path(port_file).read_text()
        try:
            base_res = None if args.skip_baseline else baseline(args.pages)
            crawl_res = crawl(base, args.classify, args.workers, every)
        finally:
            server.terminate()
    cores = os.cpu_count()
    print(f"\n{args.pages} article pages on a local mirror, {cores} CPU cores, politeness off"
          + (f", average page {base_res['avg_kb']:.0f} KB" if base_res else ""))
    print(f"{'run':48} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'peak RSS MB':>12}")
    if base_res:
        print(f"{'bare trafilatura.extract, 1 process':48} {args.pages:>6} {base_res['seconds']:>8.1f} "
              f"{base_res['pages_per_s']:>8.1f} {base_res['rss_mb']:>12.0f}")
    label = "crawl (download+extract+dedup+store" + (" +classify" if args.classify else "") + ")"
    print(f"{label:48} {crawl_res['stored']:>6} {crawl_res['seconds']:>8.1f} {crawl_res['pages_per_s']:>8.1f} "
          f"{crawl_res['rss_mb']:>12.0f}  (with its worker processes: {crawl_res['total_rss_mb']:.0f})")
    children = " + ".join(str(c) for c in crawl_res["children_at_peak"])
    print(f"at the peak: main {crawl_res['rss_mb']:.0f} MB at most, child processes {children} MB; "
          f"CPU time of the main process {crawl_res['main_cpu_s']:.1f} s")
    print("peak RSS by stored pages (main / main + children, MB):")
    for bucket, (main_mb, total_mb) in crawl_res["buckets"].items():
        lo, hi = int(bucket) * every, (int(bucket) + 1) * every
        print(f"  {lo:>7,}-{min(hi, crawl_res['stored']):>7,} pages: {main_mb:>5.0f} / {total_mb:>5.0f}")
    if base_res:
        print(f"speed-up of the crawl over bare single-process extraction: {crawl_res['pages_per_s'] / base_res['pages_per_s']:.2f}x")


if __name__ == "__main__":
    main()
