"""Cases: articles about the same incident linked together, so that counts are of incidents."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, JSONType, utcnow

CASE_STAGES = ("reported", "arrest", "rescue", "repatriation", "trial", "verdict")


class Case(Base):
    """One incident (a rescue, an arrest, a trial...) with everything its articles say about it."""

    __tablename__ = "tppo_case"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    first_seen: Mapped[datetime] = mapped_column(index=True)
    last_seen: Mapped[datetime] = mapped_column(index=True)
    stage: Mapped[str | None] = mapped_column(String(20))
    modus: Mapped[list[str]] = mapped_column(JSONType, default=list)
    victims: Mapped[int | None] = mapped_column(Integer)
    suspects: Mapped[int | None] = mapped_column(Integer)
    article_count: Mapped[int] = mapped_column(Integer, default=0)
    outlet_count: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class CaseArticle(Base):
    """Membership of an article in a case (an article belongs to at most one case)."""

    __tablename__ = "case_article"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("tppo_case.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), unique=True)
    score: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[str | None] = mapped_column(Text)
    linked_at: Mapped[datetime] = mapped_column(default=utcnow)


class CaseLocation(Base):
    """A place of a case with its role (for scope filters of digests and signals)."""

    __tablename__ = "case_location"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("tppo_case.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(10))
    code: Mapped[str | None] = mapped_column(String(20))
    province_code: Mapped[str | None] = mapped_column(String(2))
    country: Mapped[str | None] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(15))

    __table_args__ = (
        Index("ix_case_location_province_role", "province_code", "role"),
        Index("ix_case_location_code", "code"),
    )
