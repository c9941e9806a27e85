"""The outbox: every e-mail or webhook to send, with its state, so nothing is lost or sent twice."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, JSONType, utcnow

OUTBOX_STATES = ("pending", "sending", "sent", "failed")


class OutboxMessage(Base):
    """One message to one recipient. ``key`` (e.g. ``digest:2024-W39:<subscription>:<recipient>``)
    is unique, which makes every send idempotent."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(400), unique=True)
    channel: Mapped[str] = mapped_column(String(10), default="email")  # email | webhook
    recipient: Mapped[str] = mapped_column(String(500))
    subject: Mapped[str | None] = mapped_column(Text)
    body: Mapped[bytes | None] = mapped_column(LargeBinary)  # the MIME message or the JSON payload
    subscription_id: Mapped[int | None] = mapped_column(ForeignKey("subscription.id", ondelete="SET NULL"))
    digest_id: Mapped[int | None] = mapped_column(ForeignKey("digest.id", ondelete="SET NULL"))
    signal_id: Mapped[int | None] = mapped_column(ForeignKey("signal.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[datetime | None] = mapped_column()
    message_id: Mapped[str | None] = mapped_column(String(300))
    data: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column()
