"""Fast multi-row article upserts for imports, crawls and benchmarks (see ``store.bulk_upsert_articles``).

The rows are converted to driver values (UTC timestamps, JSON) before the first statement, so on
SQLite, where writers take turns, only the database work itself is done while holding the write
lock. Then:

- SQLite: one prepared ``INSERT ... ON CONFLICT (canonical_url) DO UPDATE`` run for every row
  (``executemany``, no per-row SQLAlchemy work);
- PostgreSQL: ``COPY`` into a temporary staging table, then a single
  ``INSERT ... SELECT ... ON CONFLICT (canonical_url) DO UPDATE`` in the records' order.

Both keep the upsert rules of :mod:`models.store`: the canonical URL identifies an article, storing
it again updates every column but the key and the labels; when a batch holds the same URL twice,
the last record wins. Full-text search stays in sync: SQLite's triggers and PostgreSQL's
generated ``tsvector`` fire for these statements like for any other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Dialect, Engine

from .corpus import Article

STAGE_TABLE = "pantau_article_stage"
_TABLE = Article.__table__


def _converters(columns: Sequence[str], dialect: Dialect) -> list[Callable[[Any], Any] | None]:
    return [_TABLE.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in columns]


def driver_rows(rows: Sequence[Mapping[str, Any]], dialect: Dialect) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and one tuple of driver values per row; the last row of a canonical URL wins.

    Needs only the dialect, not a connection, so no transaction (and no SQLite write lock) is open yet.
    """
    last = {row["canonical_url"]: i for i, row in enumerate(rows)}
    kept = [row for i, row in enumerate(rows) if last[row["canonical_url"]] == i]
    columns = list(kept[0])
    convert = _converters(columns, dialect)
    params = [
        tuple(value if fn is None or value is None else fn(value) for fn, value in zip(convert, row.values(), strict=True))
        for row in kept
    ]
    return columns, params


def _assignments(columns: Sequence[str], excluded: str) -> str:
    return ", ".join(f"{c} = {excluded}.{c}" for c in columns if c != "canonical_url")


def upsert_sqlite(connection: Connection, columns: Sequence[str], params: Sequence[tuple[Any, ...]]) -> None:
    sql = (
        f"INSERT INTO article ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
        f"ON CONFLICT (canonical_url) DO UPDATE SET {_assignments(columns, 'excluded')}"
    )
    connection.exec_driver_sql(sql, list(params))


def upsert_postgresql(connection: Connection, columns: Sequence[str], params: Sequence[tuple[Any, ...]]) -> None:
    names = ", ".join(columns)
    connection.exec_driver_sql(
        f"CREATE TEMPORARY TABLE IF NOT EXISTS {STAGE_TABLE} ON COMMIT DROP AS "
        f"SELECT 0 AS seq, {names} FROM article WITH NO DATA"
    )
    raw = connection.connection.dbapi_connection
    assert raw is not None
    with raw.cursor() as cur:
        with cur.copy(f"COPY {STAGE_TABLE} (seq, {names}) FROM STDIN") as copy:
            for seq, row in enumerate(params):
                copy.write_row((seq, *row))
        cur.execute(
            f"INSERT INTO article ({names}) SELECT {names} FROM {STAGE_TABLE} ORDER BY seq "
            f"ON CONFLICT (canonical_url) DO UPDATE SET {_assignments(columns, 'EXCLUDED')}"
        )
        cur.execute(f"TRUNCATE {STAGE_TABLE}")


SEARCH_INDEX = "ix_article_search"  # migration 0005: GIN over (search_vector, label_keys), PostgreSQL
_SEARCH_INDEX_DDL = f"CREATE INDEX {SEARCH_INDEX} ON article USING gin (search_vector, label_keys)"
# the article's secondary b-tree indexes (not the primary key or the unique canonical URL, which the upserts need)
DEFERRED_BTREES = tuple(sorted((ix for ix in _TABLE.indexes if not ix.unique), key=lambda ix: str(ix.name)))


def _missing(connection: Connection, name: str) -> bool:
    return connection.exec_driver_sql("SELECT to_regclass(%s)", (name,)).scalar() is None


def _at_label_keys(connection: Connection) -> bool:
    """Whether the schema has migration 0005 (before it, the migrations own these indexes)."""
    return bool(connection.exec_driver_sql(
        "SELECT 1 FROM information_schema.columns WHERE table_name = 'article' AND column_name = 'label_keys' "
        "AND table_schema = current_schema()").scalar())


def ensure_indexes(connection: Connection) -> list[str]:
    """Build the article indexes that are missing after an interrupted :func:`indexes_deferred` load
    (PostgreSQL); returns their names. ``pantau db upgrade`` calls it."""
    if connection.dialect.name != "postgresql" or not _at_label_keys(connection):
        return []
    built = []
    connection.exec_driver_sql("SET LOCAL maintenance_work_mem = '512MB'")
    for index in DEFERRED_BTREES:
        if _missing(connection, str(index.name)):
            index.create(connection)
            built.append(str(index.name))
    if _missing(connection, SEARCH_INDEX):
        connection.exec_driver_sql(_SEARCH_INDEX_DDL)
        built.append(SEARCH_INDEX)
    return built


@contextmanager
def indexes_deferred(engine: Engine) -> Iterator[None]:
    """A bulk load into PostgreSQL without the article's secondary indexes, built once at the end.

    Keeping them up to date row by row is much of the cost of loading a large corpus: every article
    adds a few hundred entries to the full-text GIN index, and the b-trees on publication date take
    their entries at random places; building them in one pass over 1,000,000 articles takes about
    a minute. The primary key and the unique canonical URL stay, so upserts keep their rules.
    Searches and filters are slow while the indexes are missing: use this for initial loads and
    large imports, not next to a running web app. If the load is killed, the next
    ``pantau db upgrade`` builds what is missing (:func:`ensure_indexes`). No-op on SQLite.
    """
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.begin() as conn:
        if _at_label_keys(conn):
            for name in (SEARCH_INDEX, *(str(ix.name) for ix in DEFERRED_BTREES)):
                conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    try:
        yield
    finally:
        with engine.begin() as conn:
            ensure_indexes(conn)
