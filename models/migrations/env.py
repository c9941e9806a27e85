"""Alembic environment: runs migrations on the engine handed over by ``models.db``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from models import Base

config = context.config
target_metadata = Base.metadata


# Objects the migrations manage by hand (full-text search) and autogenerate must not touch.
MANUAL = {"article_fts", "search_vector", "ix_article_search_vector", "ix_article_search", "app_meta"}


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    return not (name in MANUAL or (name or "").startswith("article_fts"))


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:  # plain `alembic` command line: use sqlalchemy.url
        engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
            include_object=include_object,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; use `pantau db upgrade`")
run_migrations_online()
