"""Corpus store benchmark: bulk insert, full-text queries, weekly aggregate, export, CLI cold start.

Usage:
    python benchmarks/bench_store.py                       # 1,000,000 articles, SQLite and PostgreSQL
    python benchmarks/bench_store.py --articles 50000 --backends sqlite

Targets (issue 2): insert >= 5,000 articles/s; full-text query p95 < 50 ms (20 varied queries with a
filter, first page of 50 results with tags); weekly count by modus and province < 200 ms; export of
100,000 rows to JSON Lines with peak RSS < 300 MB; `pantau --help` cold start < 0.5 s.
The PostgreSQL corpus is left in schema `pantau_bench` of database `test` (`--schema` picks another)
for the other benchmarks; loading drops and recreates that schema first.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select  # noqa: E402

from benchmarks.synthetic import OUTLETS, articles  # noqa: E402
from models import Article  # noqa: E402
from models.db import make_engine, open_database, upgrade  # noqa: E402
from models.queries import ArticleFilter, search, week_modus_province  # noqa: E402
from models.store import ArticleRecord, bulk_save_classifications, bulk_upsert_articles, ensure_outlet  # noqa: E402

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
PG_SCHEMA = "pantau_bench"
QUERIES = [
    ArticleFilter(q="perdagangan orang", relevant_only=True),
    ArticleFilter(q="ginjal", modus="organ_trafficking"),
    ArticleFilter(q="kamboja", province="12"),
    ArticleFilter(q='"pekerja migran"', since=date(2025, 1, 1)),
    ArticleFilter(q="nunukan OR entikong", relevant_only=True),
    ArticleFilter(q="penampungan", article_type="case"),
    ArticleFilter(q="sindikat -judi", province="53"),
    ArticleFilter(q="magang*", modus="fake_internship"),
    ArticleFilter(q="anak buah kapal", relevant_only=True, since=date(2024, 6, 1)),
    ArticleFilter(q="bayi", modus="baby_selling"),
    ArticleFilter(q="eksploitasi seksual", province="51"),
    ArticleFilter(q="imigrasi bandara", since=date(2026, 1, 1), until=date(2026, 6, 30)),
    ArticleFilter(q="satgas", article_type="policy"),
    ArticleFilter(q="banjir", outlet="outlet03"),
    ArticleFilter(q="inflasi", since=date(2023, 1, 1), until=date(2023, 12, 31)),
    ArticleFilter(q="tersangka", province="31"),
    ArticleFilter(q="kawin kontrak", modus="bride_trafficking"),
    ArticleFilter(q="myanmar OR laos", relevant_only=True),
    ArticleFilter(q="keluarga korban", province="73"),
    ArticleFilter(q="sosialisasi", province="Jawa Barat", relevant_only=True),
]


def pg_url(schema: str) -> str:
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/test?options=-csearch_path%3D{schema}"


PG_URL = pg_url(PG_SCHEMA)  # the shared corpus, read by bench_web and bench_alerts


def reset_pg(schema: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        conn.execute(f'CREATE SCHEMA "{schema}"')


def _load_share(url: str, n: int, loaders: int, share: int, batch: int, outlet_ids: dict[str, int]) -> tuple[float, float]:
    """Loader process: insert every ``loaders``-th synthetic article; returns (insert s, label s)."""
    db = open_database(url)
    insert_s = label_s = 0.0
    pending: list = []

    def flush() -> None:
        nonlocal insert_s, label_s
        records = [ArticleRecord(canonical_url=a.url, outlet=a.outlet, title=a.title, text=a.text,
                                 published_at=a.published_at, robots_verdict="allowed") for a in pending]
        t0 = time.perf_counter()
        with db.session() as s:
            bulk_upsert_articles(s, records, outlet_ids)
        t1 = time.perf_counter()
        with db.session() as s:
            urls = [a.url for a in pending]
            ids = dict(s.execute(select(Article.canonical_url, Article.id).where(Article.canonical_url.in_(urls))).all())
            bulk_save_classifications(s, [(ids[a.url], a.labels) for a in pending])
        label_s += time.perf_counter() - t1
        insert_s += t1 - t0
        pending.clear()

    for i, art in enumerate(articles(n)):
        if i % loaders != share:
            continue
        pending.append(art)
        if len(pending) >= batch:
            flush()
        if share == 0 and i and i % 100_000 < loaders:
            print(f"  about {i:,} articles loaded", file=sys.stderr, flush=True)
    if pending:
        flush()
    db.dispose()
    return insert_s, label_s


def load(url: str, n: int, loaders: int, batch: int = 2000) -> tuple[float, float]:
    """Insert ``n`` synthetic articles with ``loaders`` processes.

    Returns (articles/s, labelled articles/s) counted on the time spent in the database
    (the slowest loader's), not on generating the synthetic text.
    """
    from concurrent.futures import ProcessPoolExecutor

    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    db = open_database(url)
    with db.session() as s:
        outlet_ids = {name: ensure_outlet(s, name) for name in OUTLETS}
    db.dispose()
    with ProcessPoolExecutor(loaders) as pool:
        results = list(pool.map(_load_share, [url] * loaders, [n] * loaders, [loaders] * loaders,
                                range(loaders), [batch] * loaders, [outlet_ids] * loaders))
    if url.startswith("postgresql"):
        # What an import should end with (autovacuum would get there later): the label pass
        # rewrote every article row, and bitmaps and index scans would keep visiting the dead copies.
        engine = make_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql("VACUUM (ANALYZE) article, classification, modus_tag, location_mention, outlet")
        engine.dispose()
    return n / max(r[0] for r in results), n / max(r[1] for r in results)


def query_times(url: str) -> tuple[float, float, tuple[float, float]]:
    db = open_database(url)
    times = []
    with db.session(readonly=True) as s:
        for f in QUERIES:  # warm-up pass
            f.limit = 50
            list(search(s, f))
        for _ in range(3):
            for f in QUERIES:
                t0 = time.perf_counter()
                list(search(s, f))
                times.append((time.perf_counter() - t0) * 1000)
        cold, warm = [], []
        for week in ("2022-W10", "2023-W33", "2024-W39", "2025-W10", "2026-W20"):
            for attempt in range(3):
                t0 = time.perf_counter()
                week_modus_province(s, week)
                (cold if attempt == 0 else warm).append((time.perf_counter() - t0) * 1000)
        t_week = (max(cold), statistics.median(warm))
    db.dispose()
    q = statistics.quantiles(times, n=20)
    return statistics.median(times), q[18], t_week


def export(url: str, rows: int = 100_000) -> tuple[float, float]:
    """Export ``rows`` rows through the real CLI; returns (seconds, peak RSS MB of that process)."""
    out = Path(tempfile.mkdtemp()) / "export.jsonl"
    probe = (
        "import resource, subprocess, sys; "
        f"r = subprocess.run([sys.executable, '-m', 'pantau', '--db', {url!r}, 'query', '-f', 'jsonl', "
        f"'--limit', '{rows}', '-o', {str(out)!r}]); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)"
    )
    t0 = time.perf_counter()
    res = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - t0
    lines = sum(1 for _ in out.open())
    assert lines == rows, f"export wrote {lines} rows"
    out.unlink()
    return elapsed, int(res.stdout.strip().splitlines()[-1]) / 1024


def cold_start() -> float:
    times = []
    for _ in range(10):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pantau", "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1_000_000)
    ap.add_argument("--backends", default="sqlite,postgres")
    ap.add_argument("--skip-load", action="store_true", help="measure the corpora a previous run left")
    ap.add_argument("--loaders", type=int, default=os.cpu_count() or 2,
                    help="parallel loader processes (default: one per core)")
    ap.add_argument("--schema", default=PG_SCHEMA, help=f"PostgreSQL schema of the corpus (default: {PG_SCHEMA})")
    ap.add_argument("--sqlite-path", default=str(Path(tempfile.gettempdir()) / "pantau-bench.db"))
    args = ap.parse_args()
    rows = []
    for backend in args.backends.split(","):
        if backend == "sqlite":
            if not args.skip_load:
                for suffix in ("", "-wal", "-shm"):
                    Path(args.sqlite_path + suffix).unlink(missing_ok=True)
            url = f"sqlite:///{args.sqlite_path}"
        else:
            if not args.skip_load:
                reset_pg(args.schema)
            url = pg_url(args.schema)
        rate = label_rate = float("nan")
        if not args.skip_load:
            print(f"loading {args.articles:,} articles into {backend}...", file=sys.stderr, flush=True)
            rate, label_rate = load(url, args.articles, args.loaders)
        p50, p95, week_ms = query_times(url)
        export_s, rss = export(url, min(100_000, args.articles))
        rows.append((backend, rate, label_rate, p50, p95, week_ms, export_s, rss))
    start = cold_start()
    print(f"\nCorpus store benchmark: {args.articles:,} synthetic articles (250-550 words), "
          f"{args.loaders} loader processes, {os.cpu_count()} cores\n")
    print("| backend | insert (articles/s) | labels (articles/s) | FTS query p50 (ms) | FTS query p95 (ms) "
          "| week by modus x province, first / warm (ms) | export 100k JSONL (s) | export peak RSS (MB) |")
    print("|---|---|---|---|---|---|---|---|")
    for backend, rate, label_rate, p50, p95, week_ms, export_s, rss in rows:
        print(f"| {backend} | {rate:,.0f} | {label_rate:,.0f} | {p50:.1f} | {p95:.1f} | {week_ms[0]:.0f} / {week_ms[1]:.0f} "
              f"| {export_s:.1f} | {rss:.0f} |")
    print(f"\n`pantau --help` cold start: {start * 1000:.0f} ms (median of 10)")


if __name__ == "__main__":
    main()
