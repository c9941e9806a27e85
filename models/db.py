"""Opening the corpus database: engines, sessions, schema checks, and errors a user can read.

No engine is created at import time. ``open_database(url)`` validates the URL, prepares SQLite
(WAL mode, busy timeout, foreign keys) and turns driver exceptions into :class:`DatabaseError`
with a one-line message.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000


class DatabaseError(RuntimeError):
    """A problem with the database that the user can fix; the message is one clear line."""


class SchemaOutOfDate(DatabaseError):
    """The database is not at the schema revision this code expects."""


def parse_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:
        raise DatabaseError(f"malformed database URL {url!r}: expected e.g. sqlite:///data/pantau.db "
                            "or postgresql+psycopg://user@host:5432/db") from exc
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseError(f"unsupported database {backend!r} in {url!r}: use sqlite or postgresql")
    if backend == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _prepare_sqlite_path(parsed: URL) -> None:
    db = parsed.database
    if not db or db == ":memory:" or db.startswith("file:"):
        return
    path = Path(db).expanduser()
    directory = path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"cannot create data directory {directory}: {exc.strerror}") from exc
    if not os.access(directory, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise DatabaseError(f"data directory {directory} is not writable: check permissions or set PANTAU_DATA_DIR")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _sqlite_begin)
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA cache_size = -65536")  # 64 MiB page cache: large corpora insert and search faster
    cur.close()


def make_engine(url: str, *, readonly: bool = False, **kwargs: Any) -> Engine:
    """Create an engine for ``url`` (SQLite or PostgreSQL) with the project's connection settings.

    On SQLite, write transactions start with ``BEGIN IMMEDIATE``: the write lock is taken up front
    (waiting up to the busy timeout), so a transaction that reads before it writes can never fail
    with "database is locked" when another process committed in between. ``readonly`` engines use
    plain deferred transactions, which in WAL mode never block or wait for writers.
    """
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        _prepare_sqlite_path(parsed)
        engine = create_engine(
            parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **kwargs
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        begin = "BEGIN" if readonly else "BEGIN IMMEDIATE"
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql(begin))
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True, connect_args={"connect_timeout": 5}, **kwargs)
    except NoSuchModuleError as exc:  # pragma: no cover - psycopg is a dependency
        raise DatabaseError(f"no driver for {parsed.drivername}: install psycopg[binary]") from exc


def describe(engine: Engine) -> str:
    """The database URL with its password hidden, for messages."""
    return engine.url.render_as_string(hide_password=True)


def check_connection(engine: Engine) -> None:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        reason = " ".join(str(exc.orig if exc.orig else exc).split())
        raise DatabaseError(f"cannot connect to {describe(engine)}: {reason}") from exc


def _alembic_config(engine: Engine) -> Any:
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except OperationalError as exc:
        check_connection(engine)
        raise DatabaseError(f"cannot read schema version of {describe(engine)}: {exc.orig}") from exc


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Apply migrations up to ``revision``; returns (before, after) revisions."""
    from alembic import command

    check_connection(engine)
    before = current_revision(engine)
    command.upgrade(_alembic_config(engine), revision)
    from .bulk import ensure_indexes

    with engine.begin() as conn:
        ensure_indexes(conn)  # repairs a bulk load that was killed before it rebuilt its indexes
    return before, current_revision(engine)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    check_connection(engine)
    command.downgrade(_alembic_config(engine), revision)


def require_current_schema(engine: Engine) -> None:
    """Raise :class:`SchemaOutOfDate` unless the database is at the head revision."""
    check_connection(engine)
    current, head = current_revision(engine), head_revision()
    if current is None:
        raise SchemaOutOfDate(f"{describe(engine)} has no Pantau schema: run `pantau db upgrade`")
    if current != head:
        raise SchemaOutOfDate(
            f"{describe(engine)} is at schema revision {current}, this version needs {head}: "
            "run `pantau db upgrade`"
        )


@dataclass
class Database:
    """An open corpus database: the engine and a session factory."""

    engine: Engine
    sessions: sessionmaker[Session]
    _read_engine: Engine | None = None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self, *, readonly: bool = False) -> Iterator[Session]:
        """A session in a transaction: committed on success, rolled back on any error.

        Pass ``readonly=True`` for long reads (exports, web pages): on SQLite they then never hold
        the write lock; on PostgreSQL it makes no difference.
        """
        factory = self.sessions
        if readonly and self.dialect == "sqlite":
            if self._read_engine is None:
                self._read_engine = make_engine(self.engine.url.render_as_string(hide_password=False), readonly=True)
            factory = sessionmaker(self._read_engine, expire_on_commit=False)
        with factory() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def dispose(self) -> None:
        self.engine.dispose()
        if self._read_engine is not None:
            self._read_engine.dispose()


def open_database(url: str, *, require_schema: bool = True, **engine_kwargs: Any) -> Database:
    """Open the corpus at ``url``; by default refuse a database whose schema is not current."""
    engine = make_engine(url, **engine_kwargs)
    try:
        if require_schema:
            require_current_schema(engine)
        else:
            check_connection(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseError(f"{describe(engine)}: {str(exc).splitlines()[0]}") from exc
    except DatabaseError:
        engine.dispose()
        raise
    return Database(engine, sessionmaker(engine, expire_on_commit=False))
