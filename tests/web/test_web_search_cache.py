"""The search cache: repeated searches are served from it, a changed corpus is never served stale."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest


@pytest.fixture
def api(client: Any, web: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    import webapp.cache

    monkeypatch.setattr(webapp.cache, "STAMP_SECONDS", 0.0)  # read the corpus version on every request
    client.headers["Authorization"] = f"Bearer {web[1]['token']}"
    return client


def _store(db: Any, url: str, title: str) -> None:
    from models.store import ArticleRecord, upsert_article

    with db.session() as s:
        upsert_article(s, ArticleRecord(canonical_url=url, outlet="contohnews", title=title, text=title,
                                        published_at=datetime.now(UTC), language="id"))


def test_repeated_search_is_a_cache_hit_and_a_new_article_invalidates_it(api: Any, web: Any) -> None:
    first = api.get("/api/v1/search", params={"q": "kamboja"})
    assert first.json()["total"] == 1 and first.headers["x-pantau-cache"] == "miss"
    again = api.get("/api/v1/search", params={"q": "  Kamboja "})  # same query once normalised
    assert again.headers["x-pantau-cache"] == "hit" and again.json() == first.json()
    _store(web[0], "https://contohnews.example/baru", "Lima warga dipulangkan dari Kamboja")
    after = api.get("/api/v1/search", params={"q": "kamboja"})
    assert after.headers["x-pantau-cache"] == "miss" and after.json()["total"] == 2


def test_next_page_reuses_the_sample_of_the_filter(api: Any) -> None:
    assert api.get("/api/v1/search", params={"q": "kamboja", "size": 1}).headers["x-pantau-cache"] == "miss"
    second = api.get("/api/v1/search", params={"q": "kamboja", "size": 1, "page": 2})
    assert second.headers["x-pantau-cache"] == "partial" and second.json()["results"] == []


def test_more_matches_than_the_sample_are_shown_as_more_than(as_viewer: Any, web: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import webapp.search

    monkeypatch.setattr(webapp.search, "FACET_SAMPLE", 1)
    _store(web[0], "https://contohnews.example/baru", "Lima warga dipulangkan dari Kamboja")
    page = as_viewer.get("/artikel", params={"q": "kamboja"}).text
    assert "lebih dari 1 hasil" in page and "artikel terbaru yang cocok" in page


def test_a_correction_is_visible_at_once(as_analyst: Any, web: Any) -> None:
    from conftest import csrf_of

    before = as_analyst.get("/artikel", params={"q": "kamboja", "relevant": "1"})
    assert "1 hasil" in before.text
    form = as_analyst.get(f"/artikel/{web[1]['article']}").text
    r = as_analyst.post(f"/artikel/{web[1]['article']}/koreksi",
                        data={"csrf_token": csrf_of(form), "relevant": "ya", "article_type": "policy"})
    assert r.status_code == 303
    after = as_analyst.get("/artikel", params={"q": "kamboja", "relevant": "1"})
    assert after.headers["x-pantau-cache"] == "miss"
