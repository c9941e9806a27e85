"""Web benchmark: search page and search API under 20 concurrent clients, and a 100,000-row export.

Usage:
    python benchmarks/bench_web.py                 # the 1,000,000-article corpus of bench_store.py
    python benchmarks/bench_web.py --requests 400 --clients 20 --workers 2

It serves the app with uvicorn (a subprocess, loopback only) on the PostgreSQL corpus left by
``benchmarks/bench_store.py`` in schema ``pantau_bench`` (it only adds a `bench` user and a token),
then runs a bounded load and stops by itself. Each target gets ``--requests`` requests shared by
``--clients`` threads: at least 200 distinct (query, filters, page) combinations built from varied
words, filters and pages, a quarter of them asked a second time later (never more), so the
server's result cache cannot make the figure; the share of cache hits (response header
``x-pantau-cache``: hit / partial / miss) is reported. The warm-up uses other requests. The
target's run is a closed loop: each client sends its next request as soon as it has an answer.
A second run (``--think-ms``, default 1 s, 0 skips it) has the same clients pause 0.5-1.5 s after
each answer, as analysts reading results do. Then one
client sends ``--cold-requests`` requests never asked before (cold: no result cache can help).
Targets (issue 6): p95 < 150 ms for the search page and the search API with 20 clients; export of
100,000 rows streamed with flat memory (the server's peak RSS barely moves between a 10,000-row and
a 100,000-row export).
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_store import PG_URL  # noqa: E402

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


# Search words of the synthetic corpus (benchmarks/synthetic.py): topics (each in a few per cent of the
# articles), places, objects and a few words it never uses; phrases, prefixes, OR and NOT.
WORDS = ["perdagangan orang", "pekerja migran", '"pekerja migran"', "ginjal", "kawin kontrak", "magang*",
         "judi online", "eksploitasi seksual", "kerja paksa", "penipuan daring", "banjir", "inflasi", "jalan tol",
         "pariwisata", "kesehatan ibu", "sepak bola", "pendidikan", "harga beras", "batam", "nunukan OR entikong",
         "kupang", "kamboja", "myanmar OR laos", "taiwan", "jepang", "dokumen palsu", '"anak buah kapal"', "sindikat",
         "perekrut", "penampungan", "bayi", "sindikat -judi", "ginjal kamboja", "magang palsu", '"kerja paksa" malaysia',
         "penyalur ilegal", "iming-iming gaji", "satgas", "imigrasi bandara", "tersangka", "keluarga korban",
         "pelabuhan rakyat", "kapal", "gempa bumi", "vaksinasi", ""]
MODUS_CODES = ["migrant_worker", "online_scam", "sexual_exploitation", "organ_trafficking", "bride_trafficking",
               "fake_internship", "baby_selling", "forced_labour"]
PROVINCE_CODES = ["11", "12", "31", "32", "33", "35", "51", "52", "53", "61", "64", "73", "Jawa Barat", "Jatim"]


def _filter_of(rnd: random.Random) -> dict[str, str]:
    kind = rnd.choice(["none", "none", "relevant", "province", "province", "modus", "type", "outlet", "dates",
                       "province+relevant", "modus+province", "dates+relevant"])
    p: dict[str, str] = {}
    if "relevant" in kind:
        p["relevant"] = "1"
    if "province" in kind:
        p["province"] = rnd.choice(PROVINCE_CODES)
    if "modus" in kind:
        p["modus"] = rnd.choice(MODUS_CODES)
    if kind == "type":
        p["article_type"] = rnd.choice(["case", "policy", "other"])
    if kind == "outlet":
        p["outlet"] = f"outlet{rnd.randrange(24):02d}"
    if "dates" in kind:
        year = rnd.randrange(2020, 2027)
        start = date(year, rnd.randrange(1, 12), 1)
        p["since"], p["until"] = start.isoformat(), (start + timedelta(days=rnd.choice((30, 90, 365)))).isoformat()
    return p


def request_set(seed: int, distinct: int) -> list[dict[str, str]]:
    """``distinct`` different (query, filters, page) combinations, deterministic for ``seed``."""
    rnd = random.Random(seed)
    seen: set[tuple[tuple[str, str], ...]] = set()
    out: list[dict[str, str]] = []
    while len(out) < distinct:
        p = {"q": rnd.choice(WORDS), **_filter_of(rnd)}
        p["page"] = str(rnd.choice([1, 1, 1, 1, 1, 2, 2, 3, 4, 5, 8, 12]))
        key = tuple(sorted(p.items()))
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def request_sequence(seed: int, requests: int, repeat_share: float = 0.25) -> list[dict[str, str]]:
    """``requests`` requests: at least 200 distinct ones, and ``repeat_share`` of them asked a second time
    (later in the run, as when a user comes back to a result), never more than twice."""
    rnd = random.Random(seed + 1)
    distinct = request_set(seed, max(min(200, requests), round(requests * (1 - repeat_share))))
    seq = list(distinct)
    for p in rnd.sample(distinct, min(len(distinct), requests - len(distinct))):
        seq.insert(rnd.randrange(seq.index(p) + 1, len(seq) + 1), p)
    return seq[:requests]


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


@dataclass
class LoadResult:
    times: list[float] = field(default_factory=list)  # ms
    cache: Counter[str] = field(default_factory=Counter)  # the server's x-pantau-cache: hit | partial | miss
    failures: list[str] = field(default_factory=list)
    wall: float = 0.0


def load(base: str, path: str, clients: int, seq: list[dict[str, str]], headers: dict[str, str] | None,
         think_ms: float = 0.0) -> LoadResult:
    """The requests of ``seq`` (in order) shared by ``clients`` threads; stops when they are done.

    ``think_ms`` > 0: after each answer a client pauses 0.5-1.5 times that long (seeded), as an
    analyst reading a page does; 0 is the closed loop, every client always waiting for an answer."""
    import httpx

    counter = iter(seq)
    lock = threading.Lock()
    out = LoadResult()

    def worker(n: int) -> None:
        c = login(base) if headers is None else httpx.Client(base_url=base, timeout=60, headers=headers)
        pause = random.Random(n)
        while True:
            with lock:
                params = next(counter, None)
            if params is None:
                break
            t0 = time.perf_counter()
            state = "error"
            try:
                r = c.get(path, params=params)
                state = r.headers.get("x-pantau-cache", "none")
                if r.status_code != 200:
                    out.failures.append(f"{r.status_code} {params} {r.text[:200]}")
            except httpx.HTTPError as exc:  # a timeout counts as a failed request (its time is kept)
                out.failures.append(f"{type(exc).__name__} {params}")
            ms = (time.perf_counter() - t0) * 1000
            with lock:
                out.times.append(ms)
                out.cache[state] += 1
            if think_ms:
                time.sleep(think_ms * pause.uniform(0.5, 1.5) / 1000)
        c.close()

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.wall = time.perf_counter() - t0
    if out.failures:
        print(f"{path}: {len(out.failures)} failed request(s), e.g. {out.failures[0]}", file=sys.stderr)
    return out


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


def _share(cache: Counter[str]) -> str:
    total = sum(cache.values()) or 1
    names = {"hit": "hit", "partial": "partial", "miss": "miss"}  # anything else: an error answer
    parts = [f"{names.get(k, 'error')} {100 * n / total:.0f}%" for k, n in sorted(cache.items(), key=lambda kv: -kv[1])]
    return " / ".join(parts) or "n/a"


def pct(times: list[float]) -> tuple[float, float, float]:
    q = statistics.quantiles(times, n=20)
    return statistics.median(times), q[18], max(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default=PG_URL)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=400, help="requests per target (bounded run)")
    ap.add_argument("--cold-requests", type=int, default=60, help="new requests of the one-client cold run")
    ap.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    ap.add_argument("--export-rows", type=int, default=100_000)
    ap.add_argument("--think-ms", type=float, default=1000.0,
                    help="mean pause of each client between requests in the extra 'analysts reading' run (0: skip it)")
    args = ap.parse_args()

    token = ensure_account(args.url)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(args.url, port, args.workers)
    rows: list[tuple[str, str, str]] = []
    api_headers = {"Authorization": f"Bearer {token}"}
    try:
        # warm-up (connections, templates, PostgreSQL's own caches) with requests never asked again
        load(base, "/artikel", args.clients, request_set(900, 40), None)
        load(base, "/api/v1/search", args.clients, request_set(901, 40), api_headers)
        targets = (("search page /artikel", "/artikel", None, 1), ("search API /api/v1/search", "/api/v1/search",
                                                                   api_headers, 2))
        for name, path, headers, seed in targets:
            seq = request_sequence(seed, args.requests)
            res = load(base, path, args.clients, seq, headers)
            distinct = len({tuple(sorted(p.items())) for p in seq})
            p50, p95, worst = pct(res.times)
            verdict = "PASS" if p95 < 150 and not res.failures else "FAIL"
            rows.append((f"{name}, {args.clients} clients, {len(res.times)} req ({distinct} distinct)",
                         f"p50 {p50:.0f} ms · p95 {p95:.0f} ms · max {worst:.0f} ms · {len(res.times) / res.wall:.0f} req/s"
                         f" · cache {_share(res.cache)}", f"p95 < 150 ms: {verdict}"))
        if args.think_ms:  # the same clients pausing to read each answer: what 20 analysts at work ask of it
            for name, path, headers, seed in targets:
                seq = request_sequence(seed + 50, args.requests)
                res = load(base, path, args.clients, seq, headers, think_ms=args.think_ms)
                p50, p95, worst = pct(res.times)
                rows.append((f"{name}, {args.clients} clients pausing ~{args.think_ms / 1000:g} s, {len(res.times)} req",
                             f"p50 {p50:.0f} ms · p95 {p95:.0f} ms · max {worst:.0f} ms · {len(res.times) / res.wall:.0f} req/s"
                             f" · cache {_share(res.cache)}", "(not the target's closed loop)"))
        for name, path, headers, seed in targets:  # one client, every request new: no result cache can help
            res = load(base, path, 1, request_set(seed + 100, args.cold_requests), headers)
            p50, p95, worst = pct(res.times)
            rows.append((f"{name}, 1 client, {len(res.times)} new req (cold)",
                         f"p50 {p50:.0f} ms · p95 {p95:.0f} ms · max {worst:.0f} ms · cache {_share(res.cache)}", ""))
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
