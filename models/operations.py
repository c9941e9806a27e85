"""Tables for the work done on the corpus: subscriptions, digests, signals, analyst corrections.

Later features extend these through new migrations; the shapes here are what every room may rely on.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, JSONType, utcnow


class Subscription(Base):
    """A task force that receives digests: its scope, modus filter, language and recipients."""

    __tablename__ = "subscription"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    scope_level: Mapped[str] = mapped_column(String(10), default="national")  # national | province | kabkota
    scope_codes: Mapped[list[str]] = mapped_column(JSONType, default=list)
    modus: Mapped[list[str]] = mapped_column(JSONType, default=list)  # empty = all
    language: Mapped[str] = mapped_column(String(5), default="id")
    recipients: Mapped[list[str]] = mapped_column(JSONType, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Digest(Base):
    """A weekly digest as it was rendered for one subscription."""

    __tablename__ = "digest"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscription.id", ondelete="CASCADE"), index=True)
    week: Mapped[str] = mapped_column(String(8))  # ISO week, e.g. 2024-W39
    language: Mapped[str] = mapped_column(String(5), default="id")
    subject: Mapped[str] = mapped_column(Text)
    html: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (UniqueConstraint("subscription_id", "week"),)


class Signal(Base):
    """An early-warning signal; ``key`` makes the same signal impossible to raise (or send) twice."""

    __tablename__ = "signal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(30))  # surge | new_destination | mass_victims | new_modus
    severity: Mapped[str] = mapped_column(String(10))  # low | medium | high
    week: Mapped[str] = mapped_column(String(8), index=True)
    scope_code: Mapped[str | None] = mapped_column(String(20))
    modus: Mapped[str | None] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(Text)
    explanation: Mapped[str] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    notified_at: Mapped[datetime | None] = mapped_column()


class Correction(Base):
    """An analyst's correction of one field of an article's labels, with who and when."""

    __tablename__ = "correction"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(30))  # relevant | article_type | modus | locations
    old_value: Mapped[Any] = mapped_column(JSONType, nullable=True)
    new_value: Mapped[Any] = mapped_column(JSONType, nullable=True)
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
