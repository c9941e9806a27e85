"""Migrations create, upgrade and remove the schema on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import inspect

from models.db import current_revision, downgrade, head_revision, make_engine, upgrade

CORE_TABLES = {"outlet", "source", "article", "classification", "modus_tag", "location_mention", "crawl_run",
               "subscription", "digest", "signal", "correction", "tppo_case", "case_article", "case_location",
               "outbox", "app_user", "api_token", "login_attempt", "job_lock", "job_run"}


def test_upgrade_to_head_and_back_to_base(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        assert current_revision(engine) is None
        before, after = upgrade(engine)
        assert (before, after) == (None, head_revision())
        tables = set(inspect(engine).get_table_names())
        assert CORE_TABLES <= tables
        # upgrading again is a no-op
        assert upgrade(engine) == (head_revision(), head_revision())
        downgrade(engine, "base")
        assert current_revision(engine) is None
        assert not (CORE_TABLES & set(inspect(engine).get_table_names()))
        # and the way up works again after a full round trip
        upgrade(engine)
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_step_by_step_upgrade_keeps_data(db_url: str) -> None:
    """A database at an older revision is upgraded without losing rows."""
    from models import open_database, store

    engine = make_engine(db_url)
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO article (canonical_url, authors, fetched_at, updated_at, tdm_reserved, text_withheld, permission)"
            " VALUES ('https://contoh.id/a', '[]', '2024-09-24 00:00:00', '2024-09-24 00:00:00', false, false, '{}')"
        )
    upgrade(engine)
    engine.dispose()
    db = open_database(db_url)
    with db.session() as s:
        assert store.known_urls(s, ["https://contoh.id/a"]) == {"https://contoh.id/a"}
    db.dispose()


def test_label_keys_are_filled_from_stored_labels(db_url: str) -> None:
    """Migration 0005 writes the keys of articles classified before it (and none for unclassified ones)."""
    from models import open_database
    from models.queries import ArticleFilter, count

    engine = make_engine(db_url)
    upgrade(engine, "0004")
    with engine.begin() as conn:
        for i in (1, 2):
            conn.exec_driver_sql(
                "INSERT INTO article (id, canonical_url, title, authors, fetched_at, updated_at, tdm_reserved, "
                f"text_withheld, permission) VALUES ({i}, 'https://contoh.id/{i}', 'Korban penipuan daring', '[]', "
                "'2024-09-24 00:00:00', '2024-09-24 00:00:00', false, false, '{}')")
        conn.exec_driver_sql(
            "INSERT INTO classification (id, article_id, model_version, created_at, relevant, relevance_score, "
            "article_type, modus, modus_scores, evidence) VALUES (7, 1, 'v1', '2024-09-24 00:00:00', true, 0.9, "
            "'case', '[\"online_scam\"]', '{}', '{}')")
        conn.exec_driver_sql("INSERT INTO modus_tag (classification_id, article_id, modus) VALUES (7, 1, 'online_scam')")
        conn.exec_driver_sql(
            "INSERT INTO location_mention (classification_id, article_id, name, level, code, province_code, role) "
            "VALUES (7, 1, 'Kota Medan', 'kabkota', '12.71', '12', 'origin'), "
            "(7, 1, 'Kamboja', 'country', NULL, NULL, 'destination')")
        conn.exec_driver_sql("UPDATE article SET classification_id = 7, relevant = true, article_type = 'case' WHERE id = 1")
    upgrade(engine)
    with engine.connect() as conn:
        keys = dict(conn.exec_driver_sql("SELECT id, label_keys FROM article").all())
    engine.dispose()
    if isinstance(keys[1], str):  # SQLite keeps them as a JSON list
        import json

        keys = {k: json.loads(v) if v else v for k, v in keys.items()}
    assert keys == {1: ["k:12.71", "m:online_scam", "p:12", "r", "t:case"], 2: None}
    db = open_database(db_url)
    with db.session(readonly=True) as s:
        assert count(s, ArticleFilter(q="penipuan", modus="online_scam", province="12", relevant_only=True)) == 1
        assert count(s, ArticleFilter(kabkota="12.71", article_type="case")) == 1
    db.dispose()
