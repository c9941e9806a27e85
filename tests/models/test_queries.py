"""Search filters, the query language and aggregates, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.db import Database
from models.queries import ArticleFilter, QueryError, count, counts_by, parse_query, search, week_modus_province
from models.store import ArticleRecord, save_classification, upsert_article

ARTICLES = [
    # (slug, outlet, published (UTC), title, text, labels)
    ("a1", "kompas", datetime(2024, 9, 23, 2, tzinfo=UTC), "Sindikat ginjal ke Kamboja dibongkar",
     "Polisi membongkar sindikat perdagangan ginjal yang memberangkatkan donor asal Bekasi ke Kamboja.",
     {"modus": ["organ_trafficking"], "article_type": "case", "relevant": True,
      "locations": [("Kabupaten Bekasi", "kabkota", "32.16", "Jawa Barat", "origin")]}),
    ("a2", "detik", datetime(2024, 9, 25, 5, tzinfo=UTC), "Pekerja migran ilegal digagalkan di Batam",
     "Petugas menggagalkan keberangkatan pekerja migran nonprosedural asal NTT lewat Batam ke Malaysia.",
     {"modus": ["migrant_worker"], "article_type": "case", "relevant": True,
      "locations": [("Nusa Tenggara Timur", "province", "53", "Nusa Tenggara Timur", "origin"),
                    ("Kota Batam", "kabkota", "21.71", "Kepulauan Riau", "transit")]}),
    ("a3", "detik", datetime(2024, 9, 29, 18, tzinfo=UTC), "Rapat gugus tugas TPPO Jakarta Barat",
     "Gugus tugas pencegahan perdagangan orang Jakarta Barat menggelar rapat koordinasi.",
     {"modus": [], "article_type": "policy", "relevant": True,
      "locations": [("Kota Administrasi Jakarta Barat", "kabkota", "31.73", "DKI Jakarta", "incident")]}),
    ("a4", "kompas", datetime(2024, 10, 2, 1, tzinfo=UTC), "Harga cabai naik di Jambi",
     "Harga cabai merah di pasar tradisional Kota Jambi naik menjelang akhir pekan.",
     {"modus": [], "article_type": None, "relevant": False,
      "locations": [("Kota Jambi", "kabkota", "15.71", "Jambi", "mention")]}),
]


@pytest.fixture
def corpus(db: Database) -> Database:
    with db.session() as s:
        for slug, outlet, published, title, text, labels in ARTICLES:
            aid = upsert_article(s, ArticleRecord(canonical_url=f"https://{outlet}.test/{slug}", outlet=outlet,
                                                  title=title, text=text, published_at=published)).id
            save_classification(s, aid, {
                "relevant": labels["relevant"], "relevance_score": 0.9 if labels["relevant"] else 0.1,
                "article_type": labels["article_type"], "modus": labels["modus"],
                "modus_scores": {m: 0.9 for m in labels["modus"]}, "evidence": {}, "victims": None,
                "model_version": "t", "locations": [
                    {"name": n, "level": lv, "code": c, "province": p, "country": "Indonesia", "role": r}
                    for n, lv, c, p, r in labels["locations"]],
            })
    return db


def titles(db: Database, f: ArticleFilter) -> set[str]:
    with db.session() as s:
        return {row["title"] for row in search(s, f)}


def test_filters(corpus: Database) -> None:
    assert titles(corpus, ArticleFilter(q="ginjal")) == {"Sindikat ginjal ke Kamboja dibongkar"}
    assert len(titles(corpus, ArticleFilter(relevant_only=True))) == 3
    assert titles(corpus, ArticleFilter(modus="migrant_worker")) == {"Pekerja migran ilegal digagalkan di Batam"}
    assert titles(corpus, ArticleFilter(province="Jawa Barat")) == {"Sindikat ginjal ke Kamboja dibongkar"}
    assert titles(corpus, ArticleFilter(province="kepri")) == {"Pekerja migran ilegal digagalkan di Batam"}
    assert titles(corpus, ArticleFilter(kabkota="3173")) == {"Rapat gugus tugas TPPO Jakarta Barat"}
    assert titles(corpus, ArticleFilter(article_type="policy")) == {"Rapat gugus tugas TPPO Jakarta Barat"}
    assert len(titles(corpus, ArticleFilter(outlet="detik"))) == 2
    # dates are WIB calendar days: 2024-09-29 18:00 UTC is 2024-09-30 in Jakarta
    assert titles(corpus, ArticleFilter(since=date(2024, 9, 30), until=date(2024, 9, 30))) == {
        "Rapat gugus tugas TPPO Jakarta Barat"}
    assert titles(corpus, ArticleFilter(q="perdagangan", relevant_only=True, since=date(2024, 9, 24))) == {
        "Rapat gugus tugas TPPO Jakarta Barat"}


def test_query_language(corpus: Database) -> None:
    assert len(titles(corpus, ArticleFilter(q="ginjal OR cabai"))) == 2
    assert titles(corpus, ArticleFilter(q='"pekerja migran" -kamboja')) == {"Pekerja migran ilegal digagalkan di Batam"}
    assert len(titles(corpus, ArticleFilter(q="perdagang*"))) >= 2
    assert titles(corpus, ArticleFilter(q="Harga NOT ginjal")) == {"Harga cabai naik di Jambi"}
    assert titles(corpus, ArticleFilter(q="tidakadakatainisama")) == set()


def test_export_rows_carry_every_field_and_tags(corpus: Database) -> None:
    with corpus.session() as s:
        row = next(search(s, ArticleFilter(q="batam")))
    for key in ("canonical_url", "outlet", "text", "lead", "robots_verdict", "tdm_reserved", "permission",
                "relevant", "article_type", "modus", "locations", "model_version", "content_hash", "minhash"):
        assert key in row
    assert row["modus"] == ["migrant_worker"] and {loc["role"] for loc in row["locations"]} == {"origin", "transit"}


def test_streaming_in_small_batches_returns_everything_once(corpus: Database) -> None:
    with corpus.session() as s:
        ids = [row["id"] for row in search(s, ArticleFilter(), batch_size=1)]
    assert len(ids) == len(set(ids)) == 4


@pytest.mark.parametrize("bad", [
    ArticleFilter(modus="trafficking"), ArticleFilter(province="Atlantis"), ArticleFilter(kabkota="99.99"),
    ArticleFilter(article_type="news"), ArticleFilter(outlet="tidak-ada"), ArticleFilter(q='"unclosed'),
    ArticleFilter(q="OR ginjal"), ArticleFilter(q="-ginjal"), ArticleFilter(q="ginjal NOT"),
    ArticleFilter(since=date(2024, 2, 1), until=date(2024, 1, 1)),
])
def test_bad_filters_raise_query_error(corpus: Database, bad: ArticleFilter) -> None:
    with corpus.session() as s, pytest.raises(QueryError):
        list(search(s, bad))


def test_aggregates(corpus: Database) -> None:
    with corpus.session() as s:
        # a3 is published on Monday 2024-09-30 in WIB, so it belongs to W40
        assert dict(counts_by(s, "week")) == {"2024-W39": 2, "2024-W40": 2}
        assert dict(counts_by(s, "outlet")) == {"kompas": 2, "detik": 2}
        assert dict(counts_by(s, "modus")) == {"organ_trafficking": 1, "migrant_worker": 1}
        assert dict(counts_by(s, "province", ArticleFilter(relevant_only=True))) == {
            "Jawa Barat": 1, "Nusa Tenggara Timur": 1, "Kepulauan Riau": 1, "DKI Jakarta": 1}
        assert sorted(week_modus_province(s, "2024-W39")) == [
            ("migrant_worker", "21", 1), ("migrant_worker", "53", 1), ("organ_trafficking", "32", 1)]
        with pytest.raises(QueryError):
            week_modus_province(s, "2024-W60")


def test_the_week_count_is_answered_from_covering_indexes(corpus: Database) -> None:
    """Migration 0006: every column the weekly count by modus and province reads is in its indexes, so a
    cold week costs no visits to the article or location heap (PostgreSQL index-only scans once VACUUM has
    run; SQLite covering indexes)."""
    from sqlalchemy import event, text

    statements: list[tuple[str, object]] = []

    def spy(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        statements.append((statement, parameters))

    event.listen(corpus.engine, "before_cursor_execute", spy)
    try:
        with corpus.session() as s:
            week_modus_province(s, "2024-W39")
    finally:
        event.remove(corpus.engine, "before_cursor_execute", spy)
    statement, params = statements[-1]
    if corpus.dialect == "sqlite":
        with corpus.engine.connect() as conn:
            plan = " | ".join(str(r[-1]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params))
        used = {"article": "ix_article_relevant_published", "modus_tag": "ix_modus_tag_classification",
                "location_mention": "ix_location_mention_classification"}
        for table, index in used.items():
            assert f"{table} USING COVERING INDEX {index}" in plan, plan
        return
    with corpus.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM (ANALYZE) article, modus_tag, location_mention")
    with corpus.engine.connect() as conn:
        # a test corpus is small enough for sequential scans: make the planner show its index plan
        conn.exec_driver_sql("SET enable_seqscan = off")
        conn.exec_driver_sql("SET enable_bitmapscan = off")
        plan = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + statement, params))
    for index in ("ix_article_relevant_published", "ix_modus_tag_classification",
                  "ix_location_mention_classification"):
        assert f"Index Only Scan using {index}" in plan, plan
    assert "Index Scan using" not in plan, plan


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list('ab "*-()ORNTD:^\'éñ')), max_size=30))
def test_any_query_string_parses_or_gives_a_query_error(q: str) -> None:
    try:
        parse_query(q)
    except QueryError:
        pass


def test_parsed_queries_never_reach_the_database_as_syntax_errors(tmp_path: object) -> None:
    """Every string the parser accepts is valid FTS5 (checked on a real SQLite FTS table)."""
    import sqlite3

    from models.queries import to_fts5

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2', prefix='2 3')")
    conn.execute("INSERT INTO t VALUES ('perdagangan orang di batam')")

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=st.sampled_from(list('ab "*-ORNTD:^\'é')), max_size=30))
    def check(q: str) -> None:
        try:
            groups = parse_query(q)
        except QueryError:
            return
        if groups:
            conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", (to_fts5(groups),)).fetchone()

    check()
