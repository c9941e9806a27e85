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
