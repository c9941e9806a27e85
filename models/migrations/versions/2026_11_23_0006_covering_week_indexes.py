"""Covering indexes for the weekly count by modus and province (``models.queries.week_modus_province``).

The digest's core table reads one week of relevant articles and, for each, its modus tags and the
provinces of its places. With the old indexes every one of the week's ~1,000 articles (of 1,000,000)
cost a visit to a heap page of ``article`` and of ``location_mention``: about 2,500 random page reads,
160-280 ms when they come from disk. The three indexes now hold every column the query reads, so it
is answered from the indexes alone (PostgreSQL index-only scans, once VACUUM has set the visibility
map, which autovacuum and the bulk loader do; SQLite covering indexes): 15-70 ms cold.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# name -> (table, columns now, columns before)
_INDEXES = {
    "ix_article_relevant_published": ("article", ["relevant", "published_at", "classification_id", "id"],
                                      ["relevant", "published_at"]),
    "ix_modus_tag_classification": ("modus_tag", ["classification_id", "modus"], ["classification_id"]),
    "ix_location_mention_classification": ("location_mention", ["classification_id", "province_code"],
                                           ["classification_id"]),
}


def _rebuild(which: int) -> None:
    for name, (table, *columns) in _INDEXES.items():
        # IF EXISTS: a bulk load killed before its indexes were rebuilt leaves the article's missing
        op.execute(f"DROP INDEX IF EXISTS {name}")
        op.create_index(name, table, columns[which])


def upgrade() -> None:
    _rebuild(0)


def downgrade() -> None:
    _rebuild(1)
