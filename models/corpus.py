"""The corpus: outlets, their sources, articles, classifications, location mentions, crawl runs.

Column meanings are documented in ``docs/schema.md``; keep both in step.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, JSONType, KeyList, utcnow

PERMISSION_STATUSES = ("allowed", "disabled", "permission_recorded")
SOURCE_KINDS = ("rss", "atom", "sitemap", "news_sitemap", "listing", "search")
ARTICLE_TYPES = ("case", "policy", "other")


class Outlet(Base):
    """A publisher (news outlet or official source) and whether we may crawl it."""

    __tablename__ = "outlet"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    title: Mapped[str | None] = mapped_column(String(200))
    domains: Mapped[list[str]] = mapped_column(JSONType, default=list)
    country: Mapped[str] = mapped_column(String(2), default="ID")
    language: Mapped[str] = mapped_column(String(10), default="id")
    kind: Mapped[str] = mapped_column(String(20), default="news")  # news | official
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    permission_status: Mapped[str] = mapped_column(String(30), default="allowed")
    permission_reason: Mapped[str | None] = mapped_column(Text)
    permission_reference: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    sources: Mapped[list[Source]] = relationship(back_populates="outlet", cascade="all, delete-orphan")


class Source(Base):
    """One discovery entry point of an outlet: a feed, a (news) sitemap, a listing or search page."""

    __tablename__ = "source"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlet.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    last_fetched_at: Mapped[datetime | None] = mapped_column()
    last_status: Mapped[str | None] = mapped_column(String(50))
    last_error: Mapped[str | None] = mapped_column(Text)

    outlet: Mapped[Outlet] = relationship(back_populates="sources")


class Article(Base):
    """One news article, keyed by its canonical URL.

    ``text`` is null when the publisher reserved text-and-data-mining rights (``text_withheld``);
    the lead (at most 300 characters) and metadata are kept. The current classification's labels are
    copied onto the row (``relevant``, ``article_type``...) so that filters need no join.
    """

    __tablename__ = "article"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    canonical_url: Mapped[str] = mapped_column(String(2000), unique=True)
    original_url: Mapped[str | None] = mapped_column(String(2000))
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlet.id", ondelete="SET NULL"), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    lead: Mapped[str | None] = mapped_column(Text)
    authors: Mapped[list[str]] = mapped_column(JSONType, default=list)
    published_at: Mapped[datetime | None] = mapped_column(index=True)
    fetched_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    language: Mapped[str | None] = mapped_column(String(10))
    word_count: Mapped[int | None] = mapped_column(Integer)
    content_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    simhash: Mapped[int | None] = mapped_column(BigInteger)
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    syndication_group: Mapped[int | None] = mapped_column(Integer, index=True)
    via: Mapped[str | None] = mapped_column(String(20))  # page | feed
    # permission signals seen when the article was fetched
    robots_verdict: Mapped[str | None] = mapped_column(String(20))  # allowed | disallowed | unknown
    tdm_reserved: Mapped[bool] = mapped_column(Boolean, default=False)
    tdm_policy_url: Mapped[str | None] = mapped_column(String(2000))
    text_withheld: Mapped[bool] = mapped_column(Boolean, default=False)
    permission: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    # current classification, denormalised for filtering
    classification_id: Mapped[int | None] = mapped_column(
        ForeignKey("classification.id", ondelete="SET NULL", use_alter=True), index=True
    )
    relevant: Mapped[bool | None] = mapped_column(Boolean)
    relevance_score: Mapped[float | None] = mapped_column(Float)
    article_type: Mapped[str | None] = mapped_column(String(10))
    victims: Mapped[int | None] = mapped_column(Integer)
    # the current labels as filter keys (models/label_keys.py), indexed with the full text on PostgreSQL
    label_keys: Mapped[list[str] | None] = mapped_column(KeyList)

    outlet: Mapped[Outlet | None] = relationship()

    __table_args__ = (
        # covering the weekly count by modus and province (migration 0006): an index-only scan
        Index("ix_article_relevant_published", "relevant", "published_at", "classification_id", "id"),
        Index("ix_article_type_published", "article_type", "published_at"),
    )


class Classification(Base):
    """The classifier's output for one article and one model version (TAXONOMY contract)."""

    __tablename__ = "classification"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    model_version: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    relevant: Mapped[bool] = mapped_column(Boolean)
    relevance_score: Mapped[float] = mapped_column(Float)
    article_type: Mapped[str | None] = mapped_column(String(10))
    modus: Mapped[list[str]] = mapped_column(JSONType, default=list)
    modus_scores: Mapped[dict[str, float]] = mapped_column(JSONType, default=dict)
    evidence: Mapped[dict[str, str]] = mapped_column(JSONType, default=dict)
    victims: Mapped[int | None] = mapped_column(Integer)
    language: Mapped[str | None] = mapped_column(String(10))

    modus_tags: Mapped[list[ModusTag]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    locations: Mapped[list[LocationMention]] = relationship(cascade="all, delete-orphan", passive_deletes=True)

    __table_args__ = (UniqueConstraint("article_id", "model_version"),)


class ModusTag(Base):
    """One modus label of a classification (a row per label, for filters and facet counts)."""

    __tablename__ = "modus_tag"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    classification_id: Mapped[int] = mapped_column(ForeignKey("classification.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    modus: Mapped[str] = mapped_column(String(30))
    score: Mapped[float | None] = mapped_column(Float)
    evidence: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_modus_tag_modus_classification", "modus", "classification_id"),
        Index("ix_modus_tag_classification", "classification_id", "modus"),  # covering (migration 0006)
        Index("ix_modus_tag_modus_article", "modus", "article_id"),  # first pages walk a modus newest first
    )


class LocationMention(Base):
    """A place named by an article, normalised, with its role and the sentence that shows it."""

    __tablename__ = "location_mention"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    classification_id: Mapped[int] = mapped_column(ForeignKey("classification.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(10))  # province | kabkota | country | other
    code: Mapped[str | None] = mapped_column(String(20))  # Kemendagri code or ISO 3166-1 alpha-2
    province: Mapped[str | None] = mapped_column(String(100))
    province_code: Mapped[str | None] = mapped_column(String(2))
    country: Mapped[str | None] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(15))
    evidence: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_location_mention_classification", "classification_id", "province_code"),  # covering (0006)
        Index("ix_location_mention_province_code", "province_code", "classification_id"),
        Index("ix_location_mention_code", "code", "classification_id"),
        Index("ix_location_mention_province_article", "province_code", "article_id"),
    )


class CrawlRun(Base):
    """One crawl: when it ran, what it did (counts by outcome) and what failed, by source."""

    __tablename__ = "crawl_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column()
    status: Mapped[str] = mapped_column(String(20), default="running")  # running | finished | failed | killed
    job: Mapped[str] = mapped_column(String(50), default="crawl")
    outlets: Mapped[list[str]] = mapped_column(JSONType, default=list)
    stats: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    errors: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    host: Mapped[str | None] = mapped_column(String(200))
    pid: Mapped[int | None] = mapped_column(Integer)
