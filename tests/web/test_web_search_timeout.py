"""A web search stopped by PostgreSQL's time limit becomes a clear message, not a server error."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from models import queries
from models.db import open_database
from models.queries import ArticleFilter
from models.store import ArticleRecord, bulk_save_classifications, bulk_upsert_articles, ensure_outlet
from webapp import search as web_search


@pytest.mark.postgres
def test_a_search_past_the_time_limit_says_so(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from models.db import make_engine, upgrade

    engine = make_engine(pg_url)
    upgrade(engine)
    engine.dispose()
    db = open_database(pg_url)
    with db.session() as s:
        ids = {"contoh": ensure_outlet(s, "contoh")}
        bulk_upsert_articles(s, [ArticleRecord(canonical_url=f"https://contoh.id/{i}", outlet="contoh", title="Banjir",
                                               text="Banjir di kota.") for i in range(5)], ids)
    with db.session() as s:
        article_ids = list(s.execute(text("SELECT id FROM article")).scalars())
        bulk_save_classifications(s, [(i, {"relevant": True, "article_type": "case", "modus": ["online_scam"],
                                           "model_version": "v1"}) for i in article_ids])
    slow_page = queries._page_ids

    def stalled(session, *args):  # type: ignore[no-untyped-def]
        session.execute(text("SELECT pg_sleep(2)"))
        return slow_page(session, *args)

    monkeypatch.setattr(queries, "_page_ids", stalled)
    monkeypatch.setattr(web_search, "SEARCH_TIMEOUT_MS", 200)
    f = ArticleFilter(q="banjir", modus="online_scam")
    with pytest.raises(web_search.SearchTooSlow, match="Pencarian dihentikan"):
        web_search.search_page(db, f, 1, 20)
    monkeypatch.setattr(queries, "_page_ids", slow_page)
    page, _ = web_search.search_page(db, f, 1, 20)  # the next search works, with the planner's settings back
    assert page.total == 5 and not page.total_capped
    with db.session(readonly=True) as s:
        assert s.execute(text("SHOW enable_indexscan")).scalar() == "on"
    db.dispose()
