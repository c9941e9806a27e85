"""Indexes that let a first page of search results walk a modus or province filter newest first.

``search`` with a query and a selective filter (``--modus``, ``--province``) reads the articles
carrying that label in descending article id (``models.queries._walk_filter``, PostgreSQL) and
stops after a page, instead of collecting every full-text match (a common word matches most of
the corpus).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_modus_tag_modus_article", "modus_tag", ["modus", "article_id"])
    op.create_index("ix_location_mention_province_article", "location_mention", ["province_code", "article_id"])


def downgrade() -> None:
    op.drop_index("ix_location_mention_province_article", table_name="location_mention")
    op.drop_index("ix_modus_tag_modus_article", table_name="modus_tag")
