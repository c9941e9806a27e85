"""The crawler's connections to the corpus: ``models.open_database`` with a bounded SQLite page cache.

``models`` gives every SQLite connection a 64 MiB page cache (fast searches on a large corpus). A
crawl writes and looks up by index only, and its connections live as long as the crawl: with that
cache its memory grew by about 6 MB per 1,000 stored pages until the cache was full. Crawler
connections use ``CRAWL_SQLITE_CACHE_MB`` (16) instead. PostgreSQL connections are unchanged.
"""

from __future__ import annotations

from typing import Any

DEFAULT_CACHE_MB = 16


def open_corpus(url: str, cache_mb: int = DEFAULT_CACHE_MB) -> Any:
    """``models.Database`` for ``url``; on SQLite each connection's page cache is ``cache_mb`` MiB at most."""
    from sqlalchemy import event

    from models import open_database

    db = open_database(url)
    if db.engine.dialect.name == "sqlite" and cache_mb > 0:
        def bounded_cache(dbapi_conn: Any, _record: Any) -> None:  # after the models' own pragmas
            cur = dbapi_conn.cursor()
            cur.execute(f"PRAGMA cache_size = -{int(cache_mb) * 1024}")
            cur.close()

        event.listen(db.engine, "connect", bounded_cache)
        db.engine.dispose()  # the connection that checked the schema was opened with the default cache
    return db


def cache_setting(settings: Any) -> int:
    return settings.getint("CRAWL_SQLITE_CACHE_MB", DEFAULT_CACHE_MB)
