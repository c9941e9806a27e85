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

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Dialect

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
