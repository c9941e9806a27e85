"""Web benchmark: search page and search API under 20 concurrent clients, and a 100,000-row export.

Usage:
    python benchmarks/bench_web.py                 # the 1,000,000-article corpus of bench_store.py
    python benchmarks/bench_web.py --requests 400 --clients 20 --workers 2

It serves the app with uvicorn (a subprocess, loopback only) on the PostgreSQL corpus left by
``benchmarks/bench_store.py`` in schema ``pantau_bench`` (it only adds a `bench` user and a token),
then runs a bounded load: ``--clients`` threads share ``--requests`` requests per target, each a
query of bench_store's varied set (with filters, page 1..3), and stops by itself. Targets (issue 6):
p95 < 150 ms for the search page and the search API; export of 100,000 rows streamed with flat
memory (the server's peak RSS barely moves between a 10,000-row and a 100,000-row export).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_store import PG_URL, QUERIES  # noqa: E402

PASSWORD = "bench-password-0123"


def ensure_account(url: str) -> str:
    from sqlalchemy import select

    from models.accounts import User
    from models.db import open_database
    from webapp.accounts import add_user, create_token

    db = open_database(url)
    with db.session() as s:
        if s.execute(select(User.id).where(User.username == "bench")).scalar() is None:
            add_user(s, "bench", PASSWORD, "viewer")
        token = create_token(s, "bench", "bench_web")
    db.dispose()
    return token


def params_of(n: int) -> dict[str, str]:
    f = QUERIES[n % len(QUERIES)]
    p = {"q": f.q or "", "page": str(1 + (n // len(QUERIES)) % 3)}
    for key in ("outlet", "modus", "province", "kabkota", "article_type"):
        if getattr(f, key):
            p[key] = str(getattr(f, key))
    if f.since:
        p["since"] = f.since.isoformat()
    if f.until:
        p["until"] = f.until.isoformat()
    if f.relevant_only:
        p["relevant"] = "1"
    return p


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PANTAU_DATABASE_URL": url, "PANTAU_SECRET_KEY": "bench-secret", "PANTAU_LOG_LEVEL": "WARNING"}
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "webapp.factory:app_from_env", "--host",
                             "127.0.0.1", "--port", str(port), "--workers", str(workers), "--log-level", "warning",
                             "--no-access-log"], env=env)
    import httpx

    for _ in range(300):
        try:
            httpx.get(f"http://127.0.0.1:{port}/masuk", timeout=2)
            return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def login(base: str) -> Any:
    import re

    import httpx

    c = httpx.Client(base_url=base, timeout=60)
    page = c.get("/masuk").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    r = c.post("/masuk", data={"username": "bench", "password": PASSWORD, "csrf_token": token, "next": "/"})
    assert r.status_code == 303, r.text[:300]
    return c


def load(base: str, path: str, clients: int, requests: int, headers: dict[str, str] | None) -> list[float]:
    """``requests`` GETs shared by ``clients`` threads; returns latencies in ms (errors abort)."""
    import httpx

    counter = iter(range(requests))
    lock = threading.Lock()
    times: list[float] = []
    failures: list[str] = []

    def worker() -> None:
        c = login(base) if headers is None else httpx.Client(base_url=base, timeout=60, headers=headers)
        while True:
            with lock:
                n = next(counter, None)
            if n is None:
                break
            t0 = time.perf_counter()
            try:
                r = c.get(path, params=params_of(n))
                if r.status_code != 200:
                    failures.append(f"{r.status_code} {params_of(n)} {r.text[:200]}")
            except httpx.HTTPError as exc:  # a timeout counts as a failed request (its time is kept)
                failures.append(f"{type(exc).__name__} {params_of(n)}")
            ms = (time.perf_counter() - t0) * 1000
            with lock:
                times.append(ms)
        c.close()

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        print(f"{path}: {len(failures)} failed request(s), e.g. {failures[0]}", file=sys.stderr)
    return times


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    total = 0.0
    pids = [pid] + [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    for p in pids:
        for line in Path(f"/proc/{p}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                total += int(line.split()[1]) / 1024
    return total


def export(base: str, token: str, rows: int, server_pid: int) -> tuple[float, int, float, float]:
    """(seconds, rows received, server RSS before, peak server RSS during) for a streamed JSON Lines export."""
    import httpx

    before = rss_mb(server_pid)
    peak = before
    n = 0
    t0 = time.perf_counter()
    with httpx.stream("GET", f"{base}/api/v1/export", params={"format": "jsonl", "limit": str(rows), "include_text": "true"},
                      headers={"Authorization": f"Bearer {token}"}, timeout=600) as r:
        assert r.status_code == 200
        for i, _line in enumerate(r.iter_lines()):
            n += 1
            if i % 2000 == 0:
                peak = max(peak, rss_mb(server_pid))
    return time.perf_counter() - t0, n, before, max(peak, rss_mb(server_pid))


def pct(times: list[float]) -> tuple[float, float, float]:
    q = statistics.quantiles(times, n=20)
    return statistics.median(times), q[18], max(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default=PG_URL)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=400, help="requests per target (bounded run)")
    ap.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    ap.add_argument("--export-rows", type=int, default=100_000)
    args = ap.parse_args()

    token = ensure_account(args.url)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(args.url, port, args.workers)
    rows: list[tuple[str, str, str]] = []
    try:
        load(base, "/artikel", args.clients, 2 * len(QUERIES), None)  # warm-up: caches, connections
        load(base, "/api/v1/search", args.clients, 2 * len(QUERIES), {"Authorization": f"Bearer {token}"})
        for name, path, headers in (("search page /artikel", "/artikel", None),
                                    ("search API /api/v1/search", "/api/v1/search", {"Authorization": f"Bearer {token}"})):
            t0 = time.perf_counter()
            times = load(base, path, args.clients, args.requests, headers)
            wall = time.perf_counter() - t0
            p50, p95, worst = pct(times)
            verdict = "PASS" if p95 < 150 else "FAIL"
            rows.append((f"{name}, {args.clients} clients, {len(times)} req",
                         f"p50 {p50:.0f} ms · p95 {p95:.0f} ms · max {worst:.0f} ms · {len(times) / wall:.0f} req/s",
                         f"p95 < 150 ms: {verdict}"))
        small = export(base, token, 10_000, server.pid)
        big = export(base, token, args.export_rows, server.pid)
        flat = big[3] - small[3] < 50
        rows.append((f"export 10,000 rows (JSON Lines, streamed)", f"{small[0]:.1f} s · {small[1]:,} rows · server RSS "
                     f"{small[2]:.0f} -> peak {small[3]:.0f} MB", ""))
        rows.append((f"export {args.export_rows:,} rows (JSON Lines, streamed)",
                     f"{big[0]:.1f} s · {big[1]:,} rows · {big[1] / big[0]:,.0f} rows/s · server RSS {big[2]:.0f} -> peak {big[3]:.0f} MB",
                     f"flat memory (peak grows < 50 MB vs 10k rows): {'PASS' if flat and big[1] == args.export_rows else 'FAIL'}"))
    finally:
        server.terminate()
        server.wait(timeout=60)
    width = max(len(r[0]) for r in rows)
    width2 = max(len(r[1]) for r in rows)
    print(f"Pantau web benchmark on {args.url.split('?')[0]} (schema pantau_bench), {os.cpu_count()} CPU(s), "
          f"{args.workers} uvicorn worker(s)")
    print(f"{'measure'.ljust(width)} | {'result'.ljust(width2)} | target")
    print(f"{'-' * width}-|-{'-' * width2}-|-------")
    for a, b, c in rows:
        print(f"{a.ljust(width)} | {b.ljust(width2)} | {c}")


if __name__ == "__main__":
    main()
