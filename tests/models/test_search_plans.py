"""The fixed first-page plan of PostgreSQL (walk, slice, rest) gives the usual plan's results, and the
label keys it filters on agree with the stored labels."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from models import queries
from models.db import Database
from models.queries import ArticleFilter, search
from models.store import ArticleRecord, bulk_save_classifications, bulk_upsert_articles, ensure_outlet

WORDS = ["ginjal", "kamboja", "banjir", "sindikat", "magang"]


def _labels(i: int) -> dict[str, object]:
    province = ["12", "51", "53"][i % 3]
    return {
        "relevant": i % 2 == 0, "relevance_score": 0.8, "article_type": "case" if i % 4 else "policy",
        "modus": ["organ_trafficking"] if i % 5 < 2 else [], "modus_scores": {}, "evidence": {},
        "victims": None, "model_version": "v1",
        # a kabupaten and its province: two mentions of one province in one classification
        "locations": [{"name": "Kota", "level": "kabkota", "code": f"{province}.71", "country": "Indonesia", "role": "origin"},
                      {"name": "Provinsi", "level": "province", "code": province, "country": "Indonesia", "role": "origin"}],
    }


@pytest.fixture
def labelled(db: Database) -> Database:
    records = [
        ArticleRecord(canonical_url=f"https://contoh.id/{i}", outlet="contoh" if i % 4 else "lain", title=f"Berita {i}",
                      text=f"Polisi {WORDS[i % 5]} {WORDS[(i * 7) % 5]} di lokasi.",
                      published_at=datetime(2024, 1 + i % 12, 1, tzinfo=UTC))
        for i in range(120)
    ]
    with db.session() as s:
        ids = {name: ensure_outlet(s, name) for name in ("contoh", "lain")}
        bulk_upsert_articles(s, records, ids)
    with db.session() as s:
        from sqlalchemy import select

        from models import Article

        by_url = dict(s.execute(select(Article.canonical_url, Article.id)).all())
        bulk_save_classifications(s, [(by_url[f"https://contoh.id/{i}"], _labels(i)) for i in range(120)])
        # a newer classification drops the modus of article 0: its old tag must not match any more
        bulk_save_classifications(s, [(by_url["https://contoh.id/0"], {**_labels(0), "modus": [], "model_version": "v2"})])
    return db


FILTERS = [
    dict(q="ginjal", modus="organ_trafficking"),
    dict(q="kamboja OR banjir", province="51"),
    dict(q="sindikat -magang", province="12", relevant_only=True),
    dict(q="ginjal", modus="organ_trafficking", province="53", article_type="case"),
    dict(q="tidakada", province="53"),
    dict(q="polisi", province="12"),
    dict(q="ginjal OR banjir", province="53", outlet="lain"),
    # no label filter: the id-range slices
    dict(q="tidakada"),
    dict(q="polisi"),
    dict(q="banjir", outlet="lain"),
    dict(q="ginjal -kamboja", relevant_only=True, article_type="case"),
]


@pytest.mark.parametrize(("walk_rows", "slice_shares"), [(2000, (0.05, 0.25)), (1, (0.05, 0.25)), (3, (0.1, 0.5)),
                                                        (10, (0.9,)), (0, ()), (2, (0.5, 0.3))])
def test_walk_gives_the_usual_first_page(labelled: Database, monkeypatch: pytest.MonkeyPatch,
                                         walk_rows: int, slice_shares: tuple[float, ...]) -> None:
    monkeypatch.setattr(queries, "WALK_ROWS", walk_rows)
    monkeypatch.setattr(queries, "SLICE_SHARES", slice_shares)
    monkeypatch.setattr(queries, "WALK_MORE", walk_rows * 3)
    with labelled.session(readonly=True) as s:
        for kw in FILTERS:
            everything = [r["id"] for r in search(s, ArticleFilter(**kw))]  # no limit: the usual plan
            for limit in (1, 5, 50):
                walked = queries._walk_filter(s, ArticleFilter(**kw, limit=limit).check())
                assert (walked is None) == (labelled.dialect == "sqlite")
                page = list(search(s, ArticleFilter(**kw, limit=limit)))
                assert [r["id"] for r in page] == everything[:limit], (kw, limit)
                assert all(r["outlet"] == kw.get("outlet", r["outlet"]) and r["locations"] for r in page)
    assert everything  # the last filter matches something


def _expected(kw: dict[str, object]) -> list[str]:
    """URLs the filter must match, worked out from the written labels and texts (newest first)."""
    out = []
    for i in range(120):
        labels = {**_labels(i), **({"modus": []} if i == 0 else {})}  # article 0 was reclassified without modus
        words = {"polisi", WORDS[i % 5], WORDS[(i * 7) % 5], "di", "lokasi"}
        provinces = {loc["code"] for loc in labels["locations"] if loc["level"] == "province"}  # type: ignore[union-attr,index]
        ok = (("modus" not in kw or kw["modus"] in labels["modus"])  # type: ignore[operator]
              and ("province" not in kw or kw["province"] in provinces)
              and (not kw.get("relevant_only") or labels["relevant"])
              and ("article_type" not in kw or kw["article_type"] == labels["article_type"])
              and ("outlet" not in kw or kw["outlet"] == ("contoh" if i % 4 else "lain")))
        q = str(kw["q"])
        if " OR " in q:
            ok = ok and any(w in words for w in q.split(" OR "))
        else:
            for term in q.split():
                ok = ok and ((term[1:] not in words) if term.startswith("-") else (term in words))
        if ok:
            out.append(f"https://contoh.id/{i}")
    return out[::-1]


def test_filters_match_the_written_labels(labelled: Database) -> None:
    """Label filters (label keys on PostgreSQL, label tables on SQLite) against an independent reading."""
    with labelled.session(readonly=True) as s:
        for kw in FILTERS:
            got = [r["canonical_url"] for r in search(s, ArticleFilter(**kw), include_text=False)]
            assert got == _expected(kw), kw
            assert [r["canonical_url"] for r in search(s, ArticleFilter(**kw, limit=3))] == _expected(kw)[:3], kw


def test_label_keys_follow_the_current_classification(labelled: Database) -> None:
    from sqlalchemy import select

    from models import Article
    from models.label_keys import label_keys, split_keys

    with labelled.session(readonly=True) as s:
        rows = dict(s.execute(select(Article.canonical_url, Article.label_keys)).all())
    assert rows["https://contoh.id/0"] == ["k:12.71", "p:12", "r", "t:policy"]  # the v2 labels, no modus
    assert rows["https://contoh.id/1"] == ["k:51.71", "m:organ_trafficking", "p:51", "t:case"]
    assert split_keys(rows["https://contoh.id/1"]) == (("organ_trafficking",), ("51",), ("51.71",))
    assert label_keys(True, None, ["a", "a"], [{"province_code": "31", "level": "province", "code": "31"}]) == ["m:a", "p:31", "r"]


def test_walk_only_for_a_first_page_of_a_query(labelled: Database) -> None:
    with labelled.session(readonly=True) as s:
        for f in (ArticleFilter(q="ginjal", modus="organ_trafficking"),  # no limit: an export
                  ArticleFilter(outlet="lain", limit=5),  # neither words nor labels: the planner's plan
                  ArticleFilter(q="ginjal", province="12", order="published", limit=5)):
            assert queries._walk_filter(s, f.check()) is None
        for f in (ArticleFilter(q="ginjal", limit=5), ArticleFilter(q="ginjal", outlet="lain", limit=5),
                  ArticleFilter(modus="organ_trafficking", limit=5)):
            assert (queries._walk_filter(s, f.check()) is None) == (labelled.dialect == "sqlite")
    with labelled.session(readonly=True) as s, pytest.raises(queries.QueryError, match="unknown outlet"):
        list(search(s, ArticleFilter(q="ginjal", outlet="tidakada", limit=5)))


def test_newest_ids_is_the_walk_of_any_filter(labelled: Database) -> None:
    """The web app's search sample asks for the walk of a filter without a limit or with another order."""
    with labelled.session(readonly=True) as s:
        for kw in FILTERS:
            everything = [r["id"] for r in search(s, ArticleFilter(**kw))]
            f = ArticleFilter(**kw, order="published")  # the walk always reads newest first
            ids = queries.newest_ids(s, f, 7)
            if labelled.dialect == "sqlite":
                assert ids is None
            else:
                assert ids == everything[:7], kw
            assert f.limit is None and f.order == "published"  # the caller's filter is left alone


def test_index_steps_are_planned_for_their_values(labelled: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A generic plan of a prepared index step does not know how narrow its id range is (it read every
    match of a word in the table): index steps force custom plans, walks keep the default, and the
    transaction gets the planner's own settings back afterwards."""
    if labelled.dialect == "sqlite":
        pytest.skip("the fixed plan is PostgreSQL's")
    from sqlalchemy import text

    seen: list[tuple[str, str]] = []
    real = queries._page_ids

    def spy(session, f, restrict, limit, plan):  # type: ignore[no-untyped-def]
        seen.append((plan, session.execute(text("SHOW plan_cache_mode")).scalar()))
        return real(session, f, restrict, limit, plan)

    monkeypatch.setattr(queries, "_page_ids", spy)
    monkeypatch.setattr(queries, "WALK_ROWS", 2)
    with labelled.session(readonly=True) as s:
        queries._walk_filter(s, ArticleFilter(q="tidakada", province="53", limit=5).check())  # walks, then the index
        assert ("walk", "auto") in seen and ("index", "force_custom_plan") in seen
        assert {mode for plan, mode in seen if plan == "index"} == {"force_custom_plan"}
        assert s.execute(text("SHOW plan_cache_mode")).scalar() == "auto"
        assert s.execute(text("SHOW enable_bitmapscan")).scalar() == "on"


def test_a_page_short_of_a_few_matches_walks_on(labelled: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the walk's matches say the page fills within WALK_MORE rows, it walks on (in steps sized by
    the matches found) instead of reading a slice of the index."""
    if labelled.dialect == "sqlite":
        pytest.skip("the fixed plan is PostgreSQL's")
    plans: list[str] = []
    real = queries._page_ids

    def spy(session, f, restrict, limit, plan):  # type: ignore[no-untyped-def]
        plans.append(plan)
        return real(session, f, restrict, limit, plan)

    monkeypatch.setattr(queries, "_page_ids", spy)
    monkeypatch.setattr(queries, "WALK_ROWS", 10)
    monkeypatch.setattr(queries, "WALK_MORE", 200)
    with labelled.session(readonly=True) as s:
        f = ArticleFilter(q="ginjal", province="53", limit=8)  # a match every 15 articles: 10 rows find 0-1
        page = queries._walk_filter(s, f.check())
        assert page == [r["id"] for r in search(s, ArticleFilter(q="ginjal", province="53"))][:8]
    assert set(plans) == {"walk"} and len(plans) >= 2, plans
