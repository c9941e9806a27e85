"""Alerts benchmark on the 1,000,000-article corpus: case linking, a national weekly digest, alerts scan.

Usage:
    python benchmarks/bench_alerts.py            # builds schema pantau_alerts_bench, then measures
    python benchmarks/bench_alerts.py --reuse    # measure again on the schema already built

The corpus of benchmarks/bench_store.py (schema `pantau_bench` of database `test`) is only read: its
articles (without full text; title and lead are kept) and the labels of relevant ones are copied into
schema `pantau_alerts_bench`, cases are linked there for 2024-W10..2024-W39, and a separate week
(2026-W50) is filled with 10,000 relevant case articles with full text and the MinHash signature the
crawler stores with each article, a fifth of them syndicated copies of others with small edits.

Targets (issue 5): one week's digest for a national subscription < 3 s; case linking of a week with
10,000 articles < 10 s; `alerts scan` for 38 provinces x 10 modus < 5 s.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SOURCE = "pantau_bench"
TARGET = "pantau_alerts_bench"
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
URL = f"postgresql+psycopg://postgres@127.0.0.1:5432/test?options=-csearch_path%3D{TARGET}"
DIGEST_WEEK = "2024-W39"
HISTORY_FROM = "2024-W10"
LINK_WEEK = "2026-W50"
LINK_ARTICLES = 10_000
LINK_PHASES: dict = {}

ARTICLE_COLS = ("id, canonical_url, original_url, outlet_id, title, lead, authors, published_at, fetched_at, updated_at, "
                "language, word_count, content_hash, simhash, minhash, syndication_group, via, robots_verdict, "
                "tdm_reserved, tdm_policy_url, text_withheld, permission, relevant, relevance_score, article_type, victims")


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def build() -> None:
    import psycopg

    from models.db import make_engine, upgrade

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        n = conn.execute(f"SELECT count(*) FROM {SOURCE}.article").fetchone()[0]
        log(f"source corpus: {n:,} articles")
        conn.execute(f"DROP SCHEMA IF EXISTS {TARGET} CASCADE")
        conn.execute(f"CREATE SCHEMA {TARGET}")
    engine = make_engine(URL)
    upgrade(engine)
    engine.dispose()
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f"SET search_path TO {TARGET}")
        conn.execute(f"INSERT INTO outlet SELECT * FROM {SOURCE}.outlet")
        log("copying articles (metadata, title and lead; no full text)")
        conn.execute(f"INSERT INTO article ({ARTICLE_COLS}) SELECT {ARTICLE_COLS} FROM {SOURCE}.article")
        log("copying labels of relevant articles")
        conn.execute(f"INSERT INTO classification SELECT c.* FROM {SOURCE}.classification c "
                     f"JOIN {SOURCE}.article a ON a.classification_id = c.id WHERE a.relevant")
        conn.execute(f"UPDATE article a SET classification_id = s.classification_id FROM {SOURCE}.article s "
                     "WHERE s.id = a.id AND a.relevant")
        conn.execute(f"INSERT INTO modus_tag SELECT t.* FROM {SOURCE}.modus_tag t JOIN classification c ON c.id = t.classification_id")
        conn.execute(f"INSERT INTO location_mention SELECT m.* FROM {SOURCE}.location_mention m "
                     "JOIN classification c ON c.id = m.classification_id")
        for table in ("article", "classification", "modus_tag", "location_mention", "outlet"):
            conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT coalesce(max(id), 1) FROM {table}))")
        conn.execute("ANALYZE")
    log("copy done")


def make_link_week() -> None:
    """10,000 relevant case articles with full text in LINK_WEEK, a fifth syndicated copies."""
    import psycopg

    from crawler import minhash_bytes  # what the crawler stores with every article
    from models.db import open_database
    from models.queries import week_bounds
    from models.store import ArticleRecord, bulk_save_classifications, bulk_upsert_articles

    start, _ = week_bounds(LINK_WEEK)
    rnd = random.Random(5)
    originals = int(LINK_ARTICLES * 0.8)
    with psycopg.connect(PG_ADMIN) as conn:
        rows = conn.execute(
            f"SELECT a.id, o.name, a.title, a.text, c.modus, c.victims FROM {SOURCE}.article a "
            f"JOIN {SOURCE}.outlet o ON o.id = a.outlet_id JOIN {SOURCE}.classification c ON c.id = a.classification_id "
            f"WHERE a.relevant ORDER BY a.id LIMIT {originals}").fetchall()
        ids = [r[0] for r in rows]
        locs: dict[int, list[dict]] = {i: [] for i in ids}
        for aid, name, level, code, province, country, role in conn.execute(
            f"SELECT article_id, name, level, code, province, country, role FROM {SOURCE}.location_mention "
            "WHERE article_id = ANY(%s)", (ids,)):
            locs[aid].append({"name": name, "level": level, "code": code, "province": province, "country": country,
                              "role": role})
    items = []
    for aid, outlet, title, text, modus, victims in rows:
        items.append((f"https://{outlet}.example/pekan/{aid}", outlet, title, text, modus, victims, locs[aid]))
    for k in range(LINK_ARTICLES - originals):
        url, outlet, title, text, modus, victims, loc = items[rnd.randrange(originals)]
        words = text.split()
        for _ in range(len(words) // 40):  # small edits: a word changed here and there
            words[rnd.randrange(len(words))] = rnd.choice(["juga", "pun", "itu", "tersebut"])
        items.append((f"https://salinan{k % 7}.example/pekan/c{k}/{outlet}/{url.rsplit('/', 1)[1]}", f"salinan{k % 7}",
                      title, " ".join(words), modus, victims, loc))
    db = open_database(URL)
    with db.session() as s:
        from models.store import ensure_outlet

        outlet_ids = {o: ensure_outlet(s, o) for o in {it[1] for it in items}}
    records, labels = [], []
    for i, (url, outlet, title, text, modus, victims, loc) in enumerate(items):
        records.append(ArticleRecord(canonical_url=url, outlet=outlet, title=title, text=text, minhash=minhash_bytes(text),
                                     published_at=start + timedelta(seconds=rnd.randrange(7 * 86400))))
        labels.append({"relevant": True, "relevance_score": 0.9, "article_type": "case", "modus": modus or [],
                       "modus_scores": {}, "evidence": {}, "victims": victims, "locations": loc, "model_version": "bench"})
    with db.session() as s:
        for i in range(0, len(records), 2000):
            bulk_upsert_articles(s, records[i : i + 2000], outlet_ids)
    with db.session() as s:
        from sqlalchemy import select

        from models import Article

        url_ids = dict(s.execute(select(Article.canonical_url, Article.id).where(
            Article.canonical_url.in_([r.canonical_url for r in records]))).all())
        bulk_save_classifications(s, [(url_ids[r.canonical_url], lab) for r, lab in zip(records, labels, strict=True)])
    db.dispose()
    log(f"link week {LINK_WEEK}: {len(items):,} articles written")


def link_history() -> float:
    from sqlalchemy import delete

    from alerts import linking
    from models.cases import Case
    from models.db import open_database
    from models.queries import week_bounds

    db = open_database(URL)
    since, _ = week_bounds(HISTORY_FROM)
    _, until = week_bounds(DIGEST_WEEK)
    with db.session() as s:
        s.execute(delete(Case).where(Case.first_seen < until))
    with db.session() as s:
        res = linking.link_articles(s, since=since - timedelta(weeks=4), until=until)
    log(f"history linked: {res.articles:,} articles -> {res.new_cases:,} cases in {res.seconds:.1f} s")
    from sqlalchemy import text

    with db.engine.connect() as conn:  # fresh statistics for the new case tables
        conn.exec_driver_sql("ANALYZE tppo_case")
        conn.exec_driver_sql("ANALYZE case_location")
        conn.exec_driver_sql("ANALYZE case_article")
        conn.commit()
    db.dispose()
    return res.seconds


def bench_link() -> tuple[float, int, int, float]:
    from sqlalchemy import delete, select

    from alerts import linking
    from models.cases import Case, CaseArticle
    from models.corpus import Article
    from models.db import open_database
    from models.queries import week_bounds

    db = open_database(URL)
    start, end = week_bounds(LINK_WEEK)
    with db.session() as s:  # a clean slate for the measured week
        ids = select(CaseArticle.case_id).join(Article, Article.id == CaseArticle.article_id).where(
            Article.published_at >= start, Article.published_at < end)
        s.execute(delete(Case).where(Case.id.in_(ids)))
    t0 = time.perf_counter()
    with db.session() as s:
        res = linking.link_articles(s, since=start, until=end)
    elapsed = time.perf_counter() - t0
    # syndicated copies that ended in the same case as their original
    with db.session(readonly=True) as s:
        case_of = dict(s.execute(select(Article.canonical_url, CaseArticle.case_id)
                                 .join(CaseArticle, CaseArticle.article_id == Article.id)
                                 .where(Article.published_at >= start, Article.published_at < end)).all())
    db.dispose()
    assert res.articles == LINK_ARTICLES, res
    copies = [u for u in case_of if "//salinan" in u]
    joined = 0
    for u in copies:
        _, _, _, _, _, outlet, aid = u.split("/")
        joined += case_of.get(f"https://{outlet}.example/pekan/{aid}") == case_of[u]
    log(f"linking phases (s): {res.phases}")
    global LINK_PHASES
    LINK_PHASES = res.phases
    return elapsed, res.articles, res.new_cases, joined / max(len(copies), 1)


def bench_digest() -> tuple[float, float, int]:
    from alerts import digest
    from alerts.subscriptions import SubscriptionSpec, get, save
    from models.db import open_database

    db = open_database(URL)
    with db.session() as s:
        try:
            get(s, "Nasional")
        except Exception:  # noqa: BLE001
            save(s, SubscriptionSpec("Nasional", recipients=["desk@contoh.id"]))
    times = []
    size = 0
    for _ in range(3):
        t0 = time.perf_counter()
        with db.session(readonly=True) as s:
            data = digest.gather(s, get(s, "Nasional"), DIGEST_WEEK)
        r = digest.render(data)
        msg = digest.build_message(r, mail_from="pantau@contoh.id", to="desk@contoh.id", msg_id="<x@y>")
        times.append(time.perf_counter() - t0)
        size = len(msg)
    db.dispose()
    return times[0], min(times[1:]), size


def bench_scan() -> tuple[float, float, int]:
    from alerts import signals
    from models.db import open_database

    db = open_database(URL)
    times = []
    n = 0
    for _ in range(3):
        t0 = time.perf_counter()
        with db.session(readonly=True) as s:
            found, _notes = signals.compute(s, DIGEST_WEEK, mass_threshold=20)
        times.append(time.perf_counter() - t0)
        n = len(found)
    db.dispose()
    return times[0], min(times[1:]), n


def main() -> None:
    global SOURCE
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reuse", action="store_true", help="measure on the schema already built")
    ap.add_argument("--relink-history", action="store_true", help="with --reuse: link the history weeks again")
    ap.add_argument("--source", default=SOURCE, help=f"schema of the corpus to copy from (default {SOURCE}; only read)")
    args = ap.parse_args()
    SOURCE = args.source
    history_s = None
    if not args.reuse:
        build()
        make_link_week()
        history_s = link_history()
    elif args.relink_history:
        history_s = link_history()
    link_s, link_n, link_cases, copy_recall = bench_link()
    d_cold, d_warm, d_size = bench_digest()
    s_cold, s_warm, s_n = bench_scan()
    print(f"\nAlerts benchmark: PostgreSQL copy of the 1,000,000-article corpus (schema {TARGET}), {os.cpu_count()} cores\n")
    print("| measurement | result | target |")
    print("|---|---|---|")
    print(f"| case linking, {link_n:,} articles of one week ({LINK_WEEK}) -> {link_cases:,} cases | {link_s:.2f} s | < 10 s |")
    print(f"| of which: load {LINK_PHASES.get('load')} s, features {LINK_PHASES.get('prepare')} s, "
          f"linking {LINK_PHASES.get('link')} s, writing {LINK_PHASES.get('write')} s | | |")
    print(f"| national digest {DIGEST_WEEK} (gather + render + chart + MIME, {d_size / 1024:.0f} KiB), first call in process | {d_cold:.2f} s | < 3 s |")
    print(f"| national digest {DIGEST_WEEK}, warm | {d_warm:.2f} s | < 3 s |")
    print(f"| alerts scan {DIGEST_WEEK}: 38 provinces + national x 10 modus, 26 weeks of cases ({s_n} signals), first call | {s_cold:.2f} s | < 5 s |")
    print(f"| alerts scan, warm | {s_warm:.2f} s | < 5 s |")
    print(f"\nSyndicated copies (a fifth of the linked week, small edits) in the same case as their original: "
          f"{copy_recall:.1%}")
    if history_s is not None:
        print(f"\nLinking {HISTORY_FROM}..{DIGEST_WEEK} (history for digest and scan): {history_s:.1f} s")


if __name__ == "__main__":
    main()
