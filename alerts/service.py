"""What the CLI and the scheduler call: prepare and send digests, scan and notify signals."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from alerts import delivery
from alerts.digest import DigestError, build_message, gather, message_id, render


def jakarta_now(now: datetime | None = None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC) + timedelta(hours=7)


def current_week(now: datetime | None = None) -> str:
    from models.queries import iso_week

    return iso_week(jakarta_now(now).date())


def last_complete_week(now: datetime | None = None) -> str:
    """The ISO week a Monday 07:00 WIB digest reports on: the one that ended last Sunday (WIB)."""
    from models.queries import iso_week

    return iso_week(jakarta_now(now).date() - timedelta(days=7))


def check_week(week: str) -> str:
    from models.queries import QueryError, week_bounds

    try:
        start, _ = week_bounds(week)
    except QueryError as exc:
        raise DigestError(str(exc)) from exc
    if start > datetime.now(UTC) + timedelta(days=7):
        raise DigestError(f"week {week} is in the future")
    return week.strip()


@dataclass
class SendReport:
    week: str
    queued: int = 0
    already_queued: int = 0
    digests: list[str] = field(default_factory=list)
    delivery: delivery.DeliveryReport | None = None


def preview(db: Any, subscription: str, week: str, *, template_dir: Any = None) -> Any:
    from alerts.subscriptions import get

    week = check_week(week)
    with db.session(readonly=True) as s:
        sub = get(s, subscription)
        data = gather(s, sub, week)
    return render(data, template_dir=template_dir)


def queue_digests(db: Any, week: str, *, subscription: str | None = None, mail_from: str, webhook_url: str = "",
                  template_dir: Any = None) -> SendReport:
    """Render each subscription's digest of ``week`` and queue one message per recipient (idempotent)."""
    from sqlalchemy import select

    from alerts.subscriptions import all_active, get
    from models.base import utcnow
    from models.operations import Digest

    week = check_week(week)
    report = SendReport(week=week)
    with db.session(readonly=True) as s:
        subs = [get(s, subscription)] if subscription else all_active(s)
    for sub in subs:
        with db.session() as s:
            existing = s.execute(select(Digest).where(Digest.subscription_id == sub.id, Digest.week == week)).scalar_one_or_none()
            keys = [f"digest:{week}:{sub.name}:{r}" for r in sub.recipients]
            from models.delivery import OutboxMessage

            queued = set(s.execute(select(OutboxMessage.key).where(OutboxMessage.key.in_(keys))).scalars())
            if existing is not None and len(queued) == len(keys) and not webhook_url:
                report.already_queued += len(keys)
                continue
        # render outside the write transaction: a template error leaves nothing queued
        with db.session(readonly=True) as s:
            data = gather(s, sub, week)
        rendered = render(data, template_dir=template_dir)
        with db.session() as s:
            digest = s.execute(select(Digest).where(Digest.subscription_id == sub.id, Digest.week == week)).scalar_one_or_none()
            if digest is None:
                digest = Digest(subscription_id=sub.id, week=week, language=data.language, subject=rendered.subject,
                                html=rendered.html, text=rendered.text, created_at=utcnow())
                s.add(digest)
                s.flush()
            for to in sub.recipients:
                mid = message_id(week, sub.id, to)
                body = build_message(rendered, mail_from=mail_from, to=to, msg_id=mid, date_=utcnow())
                if delivery.enqueue(s, key=f"digest:{week}:{sub.name}:{to}", recipient=to, subject=rendered.subject,
                                    body=body, message_id=mid, subscription_id=sub.id, digest_id=digest.id,
                                    data={"week": week, "subscription": sub.name}):
                    report.queued += 1
                else:
                    report.already_queued += 1
            if webhook_url:
                payload = delivery.webhook_payload("digest", week=week, subscription=sub.name, subject=rendered.subject,
                                                   text=rendered.text, new_cases=data.headline.get("new_cases"))
                delivery.enqueue(s, key=f"digest:{week}:{sub.name}:webhook", recipient=webhook_url, subject=rendered.subject,
                                 body=payload, channel="webhook", subscription_id=sub.id, digest_id=digest.id)
        report.digests.append(sub.name)
    return report


def digest_keys(db: Any, week: str, subscription: str | None) -> list[str]:
    from sqlalchemy import select

    from models.delivery import OutboxMessage

    prefix = f"digest:{week}:{subscription}:" if subscription else f"digest:{week}:"
    with db.session(readonly=True) as s:
        return list(s.execute(select(OutboxMessage.key).where(OutboxMessage.key.like(prefix.replace("%", r"\%") + "%"))).scalars())


def scan_and_notify(db: Any, week: str, *, mass_threshold: int, notify: bool, mail_from: str, smtp_url: str,
                    webhook_url: str = "") -> tuple[Any, delivery.DeliveryReport | None]:
    """Raise the week's new signals; with ``notify``, queue and send the high ones to subscribers in scope."""
    from sqlalchemy import select

    from alerts import signals
    from alerts.subscriptions import all_active
    from models.base import utcnow
    from models.operations import Signal

    with db.session() as s:
        result = signals.scan(s, week, mass_threshold=mass_threshold)
    if not notify:
        return result, None
    keys: list[str] = []
    with db.session() as s:
        pending = s.execute(select(Signal).where(Signal.severity == "high", Signal.notified_at.is_(None))).scalars().all()
        subs = all_active(s)
        for sig in pending:
            for sub in subs:
                if not signals.in_scope(sig.scope_code, list((sig.data or {}).get("provinces", [])), sub.scope_level,
                                        list(sub.scope_codes or [])):
                    continue
                if sub.modus and sig.modus and sig.modus not in sub.modus:
                    continue
                for to in sub.recipients:
                    key = f"signal:{sig.key}:{sub.name}:{to}"
                    mid, body = _signal_message(sig, mail_from=mail_from, to=to, lang=sub.language)
                    delivery.enqueue(s, key=key, recipient=to, subject=sig.title, body=body, signal_id=sig.id,
                                     subscription_id=sub.id, message_id=mid)
                    keys.append(key)
                if webhook_url:
                    key = f"signal:{sig.key}:webhook"
                    delivery.enqueue(s, key=key, recipient=webhook_url, subject=sig.title, channel="webhook", signal_id=sig.id,
                                     body=delivery.webhook_payload("signal", kind=sig.kind, severity=sig.severity,
                                                                   title=sig.title, explanation=sig.explanation, week=sig.week))
                    keys.append(key)
            sig.notified_at = utcnow()
    report = None
    if keys:
        report = delivery.deliver(db, smtp_url=smtp_url, mail_from=mail_from, webhook_url=webhook_url, keys=keys)
    return result, report


def _signal_message(sig: Any, *, mail_from: str, to: str, lang: str) -> tuple[str, bytes]:
    from email.message import EmailMessage
    from email.policy import SMTP
    import hashlib

    head = "Peringatan dini Pantau TPPO" if lang != "en" else "Pantau TPPO early warning"
    msg = EmailMessage()
    msg["Subject"] = f"[{sig.severity}] {sig.title}"[:200]
    msg["From"], msg["To"] = mail_from, to
    h = hashlib.sha256(f"{sig.key}|{to.lower()}".encode()).hexdigest()[:20]
    mid = f"<signal.{sig.id}.{h}@pantau-tppo>"
    msg["Message-ID"] = mid
    msg.set_content(f"{head} ({sig.week})\n\n{sig.title}\n\n{sig.explanation}\n")
    return mid, msg.as_bytes(policy=SMTP)
