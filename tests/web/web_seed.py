"""A small synthetic corpus for the web tests (invented text, never published articles)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

XSS = '<script>alert("xss")</script><img src=x onerror=alert(1)>'
PASSWORD = "kata-sandi-uji-123"
NOW = datetime.now(UTC)


def seed(db: Any) -> dict[str, Any]:
    from models.base import utcnow
    from models.cases import Case, CaseArticle, CaseLocation
    from models.corpus import Source
    from models.jobs import JobRun
    from models.operations import Digest, Signal, Subscription
    from models.queries import iso_week
    from models.store import ArticleRecord, ensure_outlet, save_classification, upsert_article
    from webapp.accounts import add_user, create_token

    ids: dict[str, Any] = {}
    with db.session() as s:
        for name, role in (("vera", "viewer"), ("ana", "analyst"), ("adi", "admin")):
            add_user(s, name, PASSWORD, role)
        ids["token"] = create_token(s, "vera", "tests")
        outlet_id = ensure_outlet(s, "contohnews")
        s.add(Source(outlet_id=outlet_id, kind="rss", url="https://contohnews.example/rss", enabled=True,
                     last_fetched_at=NOW, last_status="200", last_error="timeout once"))
        a1 = upsert_article(s, ArticleRecord(
            canonical_url="https://contohnews.example/a1", outlet="contohnews",
            title="Polisi gagalkan pengiriman pekerja migran nonprosedural ke Kamboja",
            text="Petugas menahan dua perekrut di pelabuhan. Para korban dijanjikan bekerja sebagai operator "
                 "judi online di Kamboja.\nKorban berasal dari Kabupaten Sukabumi.",
            published_at=NOW - timedelta(days=1), language="id", robots_verdict="allowed")).id
        save_classification(s, a1, {
            "model_version": "tppo-test-1", "relevant": True, "relevance_score": 0.97, "article_type": "case",
            "modus": ["online_scam", "migrant_worker"], "modus_scores": {"online_scam": 0.9, "migrant_worker": 0.8},
            "evidence": {"online_scam": "dijanjikan bekerja sebagai operator judi online di Kamboja"},
            "victims": 2,
            "locations": [{"name": "Kabupaten Sukabumi", "level": "kabkota", "code": "32.02", "province": "Jawa Barat",
                           "country": "Indonesia", "role": "origin", "evidence": "Korban berasal dari Kabupaten Sukabumi."},
                          {"name": "Cambodia", "level": "country", "code": "KH", "province": None, "country": "Cambodia",
                           "role": "destination", "evidence": None}]})
        a2 = upsert_article(s, ArticleRecord(
            canonical_url="https://contohnews.example/xss", outlet="contohnews", title="Berita " + XSS,
            text="Teks biasa tentang banjir " + XSS, published_at=NOW - timedelta(days=2), language="id")).id
        save_classification(s, a2, {"model_version": "tppo-test-1", "relevant": False, "relevance_score": 0.1,
                                    "article_type": None, "modus": [], "locations": []})
        a3 = upsert_article(s, ArticleRecord(
            canonical_url="https://reserved.example/a3", outlet="reservedpost", title="Sindikat TPPO dibongkar di Batam",
            text="Teks ini tidak boleh disimpan.", lead="Cuplikan singkat tentang sindikat di Batam.",
            published_at=NOW - timedelta(days=3), tdm_reserved=True, text_withheld=True,
            tdm_policy_url="https://reserved.example/tdm", permission={"tdmrep": "reserved"})).id
        save_classification(s, a3, {"model_version": "tppo-test-1", "relevant": True, "relevance_score": 0.8,
                                    "article_type": "case", "modus": ["sexual_exploitation"],
                                    "locations": [{"name": "Kepulauan Riau", "level": "province", "code": "21",
                                                   "province": "Kepulauan Riau", "country": "Indonesia",
                                                   "role": "incident"}]})
        case = Case(title="Pengiriman PMI ke Kamboja " + XSS, first_seen=NOW - timedelta(days=1), last_seen=NOW,
                    stage="rescue", modus=["online_scam"], victims=2, article_count=1, outlet_count=1)
        s.add(case)
        s.flush()
        s.add(CaseArticle(case_id=case.id, article_id=a1, linked_at=utcnow()))
        s.add(CaseLocation(case_id=case.id, name="Kabupaten Sukabumi", level="kabkota", code="32.02",
                           province_code="32", country="Indonesia", role="origin"))
        sub = Subscription(name="Satgas Jabar", scope_level="province", scope_codes=["32"], recipients=["satgas@example.org"])
        s.add(sub)
        s.flush()
        week = iso_week(NOW.date())
        digest = Digest(subscription_id=sub.id, week=week, subject="Digest TPPO " + week + " " + XSS,
                        html="<html><body><h1>Ringkasan mingguan</h1><script>alert(1)</script></body></html>",
                        text="Ringkasan mingguan")
        s.add(digest)
        s.add(Signal(key="t1", kind="surge", severity="high", week=week, scope_code="32", modus="online_scam",
                     title="Lonjakan " + XSS, explanation="Tiga kali rata-rata."))
        s.add(JobRun(job="crawl", status="ok", finished_at=utcnow(), detail={"args": ["crawl"]}))
        s.flush()
        ids.update(article=a1, xss=a2, withheld=a3, case=case.id, digest=digest.id, outlet=outlet_id)
    return ids
