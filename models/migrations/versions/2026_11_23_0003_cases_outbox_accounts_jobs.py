"""Cases (linked articles), the delivery outbox, web accounts and API tokens, job locks and runs.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 01:07:25.613057
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import models.base
from sqlalchemy.dialects import postgresql

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('app_user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('password_hash', sa.String(length=300), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('scope_codes', sa.String(length=300), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_login_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_app_user')),
    sa.UniqueConstraint('username', name=op.f('uq_app_user_username'))
    )
    op.create_table('job_lock',
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('holder', sa.String(length=200), nullable=False),
    sa.Column('acquired_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_job_lock'))
    )
    op.create_table('job_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('job', sa.String(length=50), nullable=False),
    sa.Column('started_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('finished_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('detail', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_run'))
    )
    with op.batch_alter_table('job_run', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_run_job'), ['job'], unique=False)

    op.create_table('login_attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('remote', sa.String(length=100), nullable=True),
    sa.Column('success', sa.Boolean(), nullable=False),
    sa.Column('at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_attempt'))
    )
    with op.batch_alter_table('login_attempt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_attempt_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_login_attempt_remote'), ['remote'], unique=False)
        batch_op.create_index(batch_op.f('ix_login_attempt_username'), ['username'], unique=False)

    op.create_table('tppo_case',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('first_seen', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_seen', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=True),
    sa.Column('modus', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('victims', sa.Integer(), nullable=True),
    sa.Column('suspects', sa.Integer(), nullable=True),
    sa.Column('article_count', sa.Integer(), nullable=False),
    sa.Column('outlet_count', sa.Integer(), nullable=False),
    sa.Column('data', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tppo_case'))
    )
    with op.batch_alter_table('tppo_case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tppo_case_first_seen'), ['first_seen'], unique=False)
        batch_op.create_index(batch_op.f('ix_tppo_case_last_seen'), ['last_seen'], unique=False)

    op.create_table('api_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_used_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('revoked', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_api_token_user_id_app_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_token')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_api_token_token_hash'))
    )
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_token_user_id'), ['user_id'], unique=False)

    op.create_table('case_location',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=True),
    sa.Column('province_code', sa.String(length=2), nullable=True),
    sa.Column('country', sa.String(length=100), nullable=True),
    sa.Column('role', sa.String(length=15), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['tppo_case.id'], name=op.f('fk_case_location_case_id_tppo_case'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_location'))
    )
    with op.batch_alter_table('case_location', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_location_case_id'), ['case_id'], unique=False)
        batch_op.create_index('ix_case_location_code', ['code'], unique=False)
        batch_op.create_index('ix_case_location_province_role', ['province_code', 'role'], unique=False)

    op.create_table('case_article',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('linked_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_case_article_article_id_article'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['case_id'], ['tppo_case.id'], name=op.f('fk_case_article_case_id_tppo_case'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_article')),
    sa.UniqueConstraint('article_id', name=op.f('uq_case_article_article_id'))
    )
    with op.batch_alter_table('case_article', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_article_case_id'), ['case_id'], unique=False)

    op.create_table('outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('recipient', sa.String(length=500), nullable=False),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('body', sa.LargeBinary(), nullable=True),
    sa.Column('subscription_id', sa.Integer(), nullable=True),
    sa.Column('digest_id', sa.Integer(), nullable=True),
    sa.Column('signal_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('next_attempt_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('message_id', sa.String(length=300), nullable=True),
    sa.Column('data', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('sent_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['digest_id'], ['digest.id'], name=op.f('fk_outbox_digest_id_digest'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['signal_id'], ['signal.id'], name=op.f('fk_outbox_signal_id_signal'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['subscription_id'], ['subscription.id'], name=op.f('fk_outbox_subscription_id_subscription'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox')),
    sa.UniqueConstraint('key', name=op.f('uq_outbox_key'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_status'), ['status'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_status'))

    op.drop_table('outbox')
    with op.batch_alter_table('case_article', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_article_case_id'))

    op.drop_table('case_article')
    with op.batch_alter_table('case_location', schema=None) as batch_op:
        batch_op.drop_index('ix_case_location_province_role')
        batch_op.drop_index('ix_case_location_code')
        batch_op.drop_index(batch_op.f('ix_case_location_case_id'))

    op.drop_table('case_location')
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_token_user_id'))

    op.drop_table('api_token')
    with op.batch_alter_table('tppo_case', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tppo_case_last_seen'))
        batch_op.drop_index(batch_op.f('ix_tppo_case_first_seen'))

    op.drop_table('tppo_case')
    with op.batch_alter_table('login_attempt', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_attempt_username'))
        batch_op.drop_index(batch_op.f('ix_login_attempt_remote'))
        batch_op.drop_index(batch_op.f('ix_login_attempt_at'))

    op.drop_table('login_attempt')
    with op.batch_alter_table('job_run', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_job_run_job'))

    op.drop_table('job_run')
    op.drop_table('job_lock')
    op.drop_table('app_user')
