"""Bulk upserts and classifications keep the single-row rules, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from models import Article, Classification, LocationMention, ModusTag
from models.db import Database
from models.queries import ArticleFilter, count, search
from models.store import ArticleRecord, bulk_save_classifications, bulk_upsert_articles, ensure_outlet

LABELS = {
    "relevant": True, "relevance_score": 0.9, "article_type": "case", "modus": ["online_scam"],
    "modus_scores": {"online_scam": 0.9}, "evidence": {"online_scam": "operator penipuan daring"},
    "victims": 3, "model_version": "bulk-1",
    "locations": [{"name": "Kota Medan", "level": "kabkota", "code": "12.71", "province": "Sumatera Utara",
                   "country": "Indonesia", "role": "origin"}],
}


def rec(i: int, title: str = "Polisi memulangkan korban", text: str = "Korban penipuan daring dipulangkan dari Kamboja.",
        **kw: object) -> ArticleRecord:
    return ArticleRecord(canonical_url=f"https://contoh.id/berita/{i}", outlet="contoh", title=title, text=text,
                         published_at=datetime(2024, 9, 1, i % 24, tzinfo=UTC), robots_verdict="allowed",
                         authors=["Ani"], permission={"robots": "allowed"}, minhash=b"\x00\x01", **kw)  # type: ignore[arg-type]


def _load(db: Database, records: list[ArticleRecord]) -> int:
    with db.session() as s:
        ids = {"contoh": ensure_outlet(s, "contoh")}
    with db.session() as s:
        return bulk_upsert_articles(s, records, ids)


def test_bulk_upsert_is_idempotent_and_updates_by_canonical_url(db: Database) -> None:
    assert _load(db, [rec(i) for i in range(50)]) == 50
    with db.session() as s:
        first_ids = dict(s.execute(select(Article.canonical_url, Article.id)).all())
    # again, with one changed title and ten new URLs: nothing duplicated, nothing lost
    again = [rec(i, title="Judul baru" if i == 7 else "Polisi memulangkan korban") for i in range(60)]
    assert _load(db, again) == 60
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Article)) == 60
        stored = dict(s.execute(select(Article.canonical_url, Article.id)).all())
        assert all(stored[url] == aid for url, aid in first_ids.items())
        art = s.scalars(select(Article).where(Article.canonical_url == "https://contoh.id/berita/7")).one()
        assert art.title == "Judul baru" and art.authors == ["Ani"] and art.permission == {"robots": "allowed"}
        assert art.minhash == b"\x00\x01" and art.published_at == datetime(2024, 9, 1, 7, tzinfo=UTC)
        assert art.word_count == 6 and art.lead and art.outlet_id is not None


def test_bulk_upsert_keeps_record_order_and_last_duplicate_wins(db: Database) -> None:
    records = [rec(1, title="pertama"), rec(2), rec(1, title="terakhir"), rec(3)]
    assert _load(db, records) == 3
    with db.session() as s:
        rows = s.execute(select(Article.canonical_url, Article.title).order_by(Article.id)).all()
    assert [url.rsplit("/", 1)[1] for url, _ in rows] == ["2", "1", "3"]
    assert dict(rows)["https://contoh.id/berita/1"] == "terakhir"


def test_bulk_upsert_keeps_full_text_in_sync_and_labels(db: Database) -> None:
    _load(db, [rec(i, text="Sindikat ginjal dibongkar polisi." if i % 2 else "Harga beras naik.") for i in range(10)])
    with db.session() as s:
        ids = dict(s.execute(select(Article.canonical_url, Article.id)).all())
        bulk_save_classifications(s, [(aid, LABELS) for url, aid in sorted(ids.items()) if url.endswith(("1", "3"))])
    # rewriting the text re-indexes it: the old words no longer match, the new ones do
    _load(db, [rec(1, text="Harga beras naik."), rec(2, text="Sindikat ginjal dibongkar polisi.")])
    with db.session(readonly=True) as s:
        hits = {r["canonical_url"].rsplit("/", 1)[1] for r in search(s, ArticleFilter(q="ginjal"))}
        assert hits == {"2", "3", "5", "7", "9"}
        assert count(s, ArticleFilter(q="beras")) == 5
        tagged = list(search(s, ArticleFilter(q="ginjal", modus="online_scam")))
        assert [r["canonical_url"] for r in tagged] == ["https://contoh.id/berita/3"]
        assert tagged[0]["modus"] == ["online_scam"] and tagged[0]["locations"][0]["code"] == "12.71"
        # labels survive the re-upsert of article 1 (the upsert never touches them)
        art1 = s.scalars(select(Article).where(Article.canonical_url == "https://contoh.id/berita/1")).one()
        assert art1.relevant is True and art1.victims == 3 and art1.classification_id is not None
        assert s.scalar(select(func.count()).select_from(Classification)) == 2
        assert s.scalar(select(func.count()).select_from(ModusTag)) == 2
        assert s.scalar(select(func.count()).select_from(LocationMention)) == 2


def test_bulk_classifications_link_each_article_to_its_own_row(db: Database) -> None:
    _load(db, [rec(i) for i in range(30)])
    with db.session() as s:
        ids = sorted(s.execute(select(Article.id)).scalars())
        results = [(aid, {**LABELS, "victims": aid, "model_version": "v1" if aid % 2 else "v2"}) for aid in reversed(ids)]
        assert bulk_save_classifications(s, results) == 30
    with db.session() as s:
        for art in s.scalars(select(Article)):
            cls = s.get(Classification, art.classification_id)
            assert cls is not None and cls.article_id == art.id and cls.victims == art.id == art.victims
            assert cls.model_version == ("v1" if art.id % 2 else "v2")
            tag = s.scalars(select(ModusTag).where(ModusTag.classification_id == cls.id)).one()
            assert tag.article_id == art.id


def test_a_bulk_load_without_secondary_indexes_rebuilds_them(db: Database) -> None:
    """indexes_deferred drops the article's PostgreSQL full-text/label and secondary b-tree indexes for
    the load and builds them after; a load killed in between is repaired by `pantau db upgrade`."""
    from models.bulk import DEFERRED_BTREES, SEARCH_INDEX, indexes_deferred
    from models.db import upgrade

    names = [SEARCH_INDEX, *(str(ix.name) for ix in DEFERRED_BTREES)]
    assert "ix_article_published_at" in names and "uq_article_canonical_url" not in names

    def present() -> set[str]:
        with db.engine.connect() as conn:
            return {n for n in names if conn.exec_driver_sql("SELECT to_regclass(%s)", (n,)).scalar() is not None}

    postgresql = db.dialect == "postgresql"
    with indexes_deferred(db.engine):
        if postgresql:
            assert present() == set()
        _load(db, [rec(i) for i in range(30)])
        _load(db, [rec(i, title="Polisi memulangkan korban lagi") for i in range(30)])  # upserts keep their key
    with db.session() as s:
        ids = [i for (i,) in s.execute(select(Article.id).order_by(Article.id))]
        bulk_save_classifications(s, [(i, LABELS) for i in ids])
    assert len(ids) == 30
    if postgresql:
        assert present() == set(names)
        with db.engine.begin() as conn:  # a load killed before the indexes were built
            for name in names[:3]:
                conn.exec_driver_sql(f"DROP INDEX {name}")
        upgrade(db.engine)
        assert present() == set(names)
    with db.session(readonly=True) as s:
        assert count(s, ArticleFilter(q="kamboja", modus="online_scam", province="12")) == 30
        assert [r["id"] for r in search(s, ArticleFilter(q="penipuan", relevant_only=True, limit=5))] == ids[::-1][:5]
