"""Label keys on the article row, indexed with the full text on PostgreSQL.

``article.label_keys`` lists the current labels as keys (``r``, ``t:case``, ``m:online_scam``,
``p:32``, ``k:32.73``; see ``models/label_keys.py``), filled here from the stored labels. On
PostgreSQL the GIN index of ``search_vector`` becomes a two-column GIN index on
(``search_vector``, ``label_keys``), so a full-text query with label filters is one index scan that
intersects the posting lists (a common word with a rarely co-occurring modus no longer visits every
match of the word). SQLite keeps the keys for the web app's facets; its FTS5 plan is unchanged.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_KEYS = """
    SELECT 'r' AS k WHERE article.relevant
    UNION SELECT 't:' || article.article_type WHERE article.article_type IS NOT NULL
    UNION SELECT 'm:' || m.modus FROM modus_tag m WHERE m.classification_id = article.classification_id
    UNION SELECT 'p:' || l.province_code FROM location_mention l
          WHERE l.classification_id = article.classification_id AND l.province_code IS NOT NULL
    UNION SELECT 'k:' || l.code FROM location_mention l
          WHERE l.classification_id = article.classification_id AND l.level = 'kabkota' AND l.code IS NOT NULL
"""


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.add_column("article", sa.Column("label_keys", postgresql.ARRAY(sa.Text())))
        op.execute("DROP INDEX IF EXISTS ix_article_search_vector")
        op.execute(f"""UPDATE article SET label_keys = ARRAY(SELECT k FROM ({_KEYS}) keys ORDER BY k COLLATE "C")
                       WHERE classification_id IS NOT NULL""")
        op.execute("CREATE INDEX ix_article_search ON article USING gin (search_vector, label_keys)")
    else:
        op.add_column("article", sa.Column("label_keys", sa.JSON()))
        op.execute(f"""UPDATE article SET label_keys = (SELECT json_group_array(k) FROM
                       (SELECT k FROM ({_KEYS}) ORDER BY k)) WHERE classification_id IS NOT NULL""")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_article_search")
        op.execute("CREATE INDEX ix_article_search_vector ON article USING gin (search_vector)")
    with op.batch_alter_table("article") as batch:
        batch.drop_column("label_keys")
