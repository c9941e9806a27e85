"""Shared fixtures: a fresh corpus database on SQLite and on the real PostgreSQL server.

PostgreSQL tests use a throw-away schema in the `test` database (127.0.0.1:5432, trust auth).
When the server is unreachable they are skipped with the reason shown, except under CI=true,
where they fail: CI must exercise PostgreSQL.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_BASE_URL = os.environ.get("PANTAU_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REDIS_TEST_URL = os.environ.get("PANTAU_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
REPO = Path(__file__).resolve().parents[1]
REAL_WEB = REPO.parent / "shared" / "real-web"


def _pg_unavailable() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_BASE_URL.replace("postgresql+psycopg", "postgresql"), connect_timeout=3):
            return None
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        return f"PostgreSQL not reachable at {PG_BASE_URL}: {' '.join(str(exc).split())[:200]}"


def _redis_unavailable() -> str | None:
    try:
        import redis

        redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=3).ping()
        return None
    except Exception as exc:  # noqa: BLE001
        return f"Redis not reachable at {REDIS_TEST_URL}: {exc}"


def require_service(reason: str | None) -> None:
    if reason is None:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: this server must be running)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_available() -> None:
    require_service(_pg_unavailable())


@pytest.fixture(scope="session")
def redis_url() -> str:
    require_service(_redis_unavailable())
    return REDIS_TEST_URL


@pytest.fixture
def pg_url(pg_available: None) -> Iterator[str]:
    """URL of an empty, private schema in the PostgreSQL `test` database, dropped afterwards."""
    import psycopg

    schema = f"pantau_test_{uuid.uuid4().hex[:10]}"
    dsn = PG_BASE_URL.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{PG_BASE_URL}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'pantau.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'pantau.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def db(db_url: str) -> Iterator["object"]:
    """An open corpus database at the newest schema (SQLite and PostgreSQL)."""
    from models.db import make_engine, open_database, upgrade

    engine = make_engine(db_url)
    upgrade(engine)
    engine.dispose()
    database = open_database(db_url)
    yield database
    database.dispose()
