"""Idempotent writes, classifications and full-text sync, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import delete, func, select, update

from models import Article, Classification, LocationMention, ModusTag
from models.db import Database
from models.queries import ArticleFilter, count, search
from models.store import ArticleRecord, save_classification, upsert_article

RESULT = {
    "relevant": True, "relevance_score": 0.93, "article_type": "case", "modus": ["online_scam", "forced_labour"],
    "modus_scores": {"online_scam": 0.93, "forced_labour": 0.61},
    "evidence": {"online_scam": "dipaksa menjadi operator penipuan daring di Kamboja"},
    "locations": [
        {"name": "Kota Medan", "level": "kabkota", "code": "12.71", "province": "Sumatera Utara",
         "country": "Indonesia", "role": "origin", "evidence": "warga Medan"},
        {"name": "Cambodia", "level": "country", "code": "KH", "province": None, "country": "Cambodia",
         "role": "destination", "evidence": "di Kamboja"},
    ],
    "victims": 12, "model_version": "test-1",
}


def record(url: str = "https://contoh.id/berita/1", **kw: object) -> ArticleRecord:
    base = dict(
        canonical_url=url, outlet="contoh", title="Dua belas warga Medan dipulangkan dari Kamboja",
        text="Dua belas warga Medan yang dipaksa bekerja sebagai operator penipuan daring di Kamboja dipulangkan.",
        published_at=datetime(2024, 9, 24, 3, tzinfo=UTC), robots_verdict="allowed",
        permission={"robots": "allowed", "tdm_reservation": False},
    )
    base.update(kw)
    return ArticleRecord(**base)  # type: ignore[arg-type]


def test_same_url_twice_updates_and_never_duplicates(db: Database) -> None:
    with db.session() as s:
        first = upsert_article(s, record())
    with db.session() as s:
        second = upsert_article(s, record(title="Judul diperbarui"))
    assert first.created and not second.created and first.id == second.id
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Article)) == 1
        assert s.scalar(select(Article.title)) == "Judul diperbarui"


def test_timestamps_are_timezone_aware_utc(db: Database) -> None:
    wib = timezone(timedelta(hours=7))
    with db.session() as s:
        upsert_article(s, record(published_at=datetime(2024, 9, 24, 10, tzinfo=wib)))
    with db.session() as s:
        art = s.scalars(select(Article)).one()
        assert art.published_at == datetime(2024, 9, 24, 3, tzinfo=UTC)
        assert art.published_at.tzinfo is not None and art.fetched_at.tzinfo is not None
    with pytest.raises(Exception, match="naive datetime"):
        with db.session() as s:
            upsert_article(s, record(url="https://contoh.id/naive", published_at=datetime(2024, 1, 1)))


def test_withheld_text_is_never_stored_but_lead_is(db: Database) -> None:
    long_text = "Kalimat berita yang panjang. " * 50
    with db.session() as s:
        upsert_article(s, record(text=long_text, text_withheld=True, tdm_reserved=True))
    with db.session() as s:
        art = s.scalars(select(Article)).one()
        assert art.text is None and art.text_withheld and art.tdm_reserved
        assert art.lead and len(art.lead) <= 300


def test_classification_becomes_current_and_replaces_same_version(db: Database) -> None:
    with db.session() as s:
        aid = upsert_article(s, record()).id
        save_classification(s, aid, RESULT)
    with db.session() as s:
        save_classification(s, aid, {**RESULT, "modus": ["online_scam"], "victims": 13})
        save_classification(s, aid, {**RESULT, "model_version": "test-2", "victims": 14})
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Classification)) == 2
        art = s.get(Article, aid)
        assert art is not None and art.victims == 14 and art.relevant and art.article_type == "case"
        current = s.get(Classification, art.classification_id)
        assert current is not None and current.model_version == "test-2"
        assert s.scalar(select(func.count()).select_from(ModusTag).where(ModusTag.classification_id == current.id)) == 2
        places = s.scalars(select(LocationMention).where(LocationMention.classification_id == current.id)).all()
        assert {(p.province_code, p.role) for p in places} == {("12", "origin"), (None, "destination")}


def test_full_text_index_follows_insert_update_delete(db: Database) -> None:
    with db.session() as s:
        aid = upsert_article(s, record()).id
    with db.session() as s:
        assert count(s, ArticleFilter(q="kamboja")) == 1
        assert count(s, ArticleFilter(q="operator penipuan")) == 1
    with db.session() as s:
        upsert_article(s, record(title="Kapal ikan tenggelam", text="Sebuah kapal nelayan tenggelam di perairan Natuna."))
    with db.session() as s:
        assert count(s, ArticleFilter(q="kamboja")) == 0
        assert count(s, ArticleFilter(q="natuna")) == 1
        # text withheld: the lead is what gets indexed
        s.execute(update(Article).where(Article.id == aid).values(text=None, lead="Ringkasan tentang Entikong"))
    with db.session() as s:
        assert count(s, ArticleFilter(q="entikong")) == 1
        assert count(s, ArticleFilter(q="natuna")) == 0
        s.execute(delete(Article).where(Article.id == aid))
    with db.session() as s:
        assert count(s, ArticleFilter(q="natuna")) == 0
        assert list(search(s, ArticleFilter(q="entikong"))) == []
