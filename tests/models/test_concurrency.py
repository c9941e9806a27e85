"""Two processes writing the same articles at once neither corrupt nor duplicate anything."""

from __future__ import annotations

import multiprocessing as mp

from sqlalchemy import func, select, text

from models import Article, Classification
from models.db import Database, make_engine, upgrade

N = 120


def _writer(url: str, offset: int, barrier: object) -> None:
    from models import open_database
    from models.store import ArticleRecord, save_classification, upsert_article

    db = open_database(url)
    barrier.wait()  # type: ignore[attr-defined]
    for i in range(N):
        n = (i + offset) % N  # both processes cover every URL, in different orders
        with db.session() as s:
            known = s.execute(select(func.count()).select_from(Article)).scalar()  # a read before the write
            assert known is not None
            aid = upsert_article(s, ArticleRecord(canonical_url=f"https://contoh.id/{n}", outlet=f"outlet{n % 3}",
                                                  title=f"Berita {n}", text=f"Isi berita nomor {n} dari proses {offset}")).id
            save_classification(s, aid, {"relevant": True, "relevance_score": 0.8, "article_type": "case",
                                         "modus": ["migrant_worker"], "locations": [], "model_version": "t"})
    db.dispose()


def _run_two_writers(url: str) -> list[int]:
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_writer, args=(url, off, barrier)) for off in (0, N // 2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=240)
    return [p.exitcode for p in procs]  # type: ignore[misc]


def test_concurrent_writers_store_each_article_once(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    engine.dispose()
    assert _run_two_writers(db_url) == [0, 0]
    db = Database(make_engine(db_url), None)  # type: ignore[arg-type]
    with db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Article)).scalar() == N
        assert conn.execute(select(func.count(func.distinct(Article.canonical_url)))).scalar() == N
        assert conn.execute(select(func.count()).select_from(Classification)).scalar() == N
        if db.engine.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            fts = conn.execute(text("SELECT count(*) FROM article_fts WHERE article_fts MATCH 'berita'")).scalar()
            assert fts == N
    db.engine.dispose()
