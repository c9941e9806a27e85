"""Delivery through the outbox: nothing lost, nothing sent twice.

Every message is first written to ``outbox`` under a unique key (``digest:<week>:<subscription>:<to>``),
so queueing twice is a no-op. :func:`deliver` then sends due rows one by one:

1. SMTP connect, EHLO/STARTTLS/AUTH, MAIL FROM and RCPT TO are done while the row is still ``pending``:
   a failure or a crash there leaves it ``pending`` and it is simply tried again;
2. the row is marked ``sending`` and committed, then DATA hands the message over;
3. on the server's acceptance the row is marked ``sent``.

A crash between 2 and 3 leaves a ``sending`` row whose fate is unknown. We choose **at-most-once**:
such a row (older than ``SENDING_LEASE``) is never re-sent automatically; it becomes ``failed`` with
"outcome unknown" and the Message-ID to look up in the server log, and `pantau digest send
--resend-unknown` re-queues it on purpose (the stable Message-ID lets mail clients fold a duplicate).

Temporary failures (connection refused, timeouts, 4xx) go back to ``pending`` with exponential
backoff; permanent ones (5xx) become ``failed`` with the server's reason. An authentication failure
is a configuration error: the row stays ``pending`` and the run stops with :class:`DeliveryError`.
"""

from __future__ import annotations

import json
import smtplib
import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import unquote, urlsplit

MAX_ATTEMPTS = 8
BACKOFF_BASE_S = 60
BACKOFF_MAX_S = 6 * 3600
SENDING_LEASE = timedelta(minutes=10)
UNKNOWN_PREFIX = "outcome unknown"


class DeliveryError(RuntimeError):
    """Delivery cannot go on (bad SMTP URL, authentication refused): one clear line."""


class TemporaryFailure(Exception):
    pass


class PermanentFailure(Exception):
    pass


@dataclass(frozen=True)
class SmtpTarget:
    host: str
    port: int
    mode: str  # plain | starttls | ssl
    username: str | None = None
    password: str | None = None

    @classmethod
    def parse(cls, url: str) -> SmtpTarget:
        if not url:
            raise DeliveryError("no SMTP server configured: set PANTAU_SMTP_URL (e.g. smtp+starttls://user:pass@host:587)")
        parts = urlsplit(url)
        modes = {"smtp": ("plain", 25), "smtp+starttls": ("starttls", 587), "smtps": ("ssl", 465)}
        if parts.scheme not in modes or not parts.hostname:
            raise DeliveryError(f"malformed PANTAU_SMTP_URL {parts.scheme}://...: use smtp://, smtp+starttls:// or smtps://host[:port]")
        mode, port = modes[parts.scheme]
        try:
            port = parts.port or port
        except ValueError as exc:
            raise DeliveryError("malformed port in PANTAU_SMTP_URL") from exc
        return cls(parts.hostname, port, mode, unquote(parts.username) if parts.username else None,
                   unquote(parts.password) if parts.password else None)


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(BACKOFF_BASE_S * 2 ** max(attempts - 1, 0), BACKOFF_MAX_S))


def enqueue(session: Any, *, key: str, recipient: str, subject: str | None, body: bytes, channel: str = "email",
            message_id: str | None = None, subscription_id: int | None = None, digest_id: int | None = None,
            signal_id: int | None = None, data: dict[str, Any] | None = None) -> bool:
    """Queue one message; returns False when ``key`` was already queued (idempotent)."""
    from sqlalchemy.dialects import postgresql, sqlite

    from models.base import utcnow
    from models.delivery import OutboxMessage

    ins = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    res = session.execute(ins(OutboxMessage).values(
        key=key, channel=channel, recipient=recipient, subject=subject, body=body, message_id=message_id,
        subscription_id=subscription_id, digest_id=digest_id, signal_id=signal_id, status="pending", attempts=0,
        data=data or {}, created_at=utcnow(),
    ).on_conflict_do_nothing(index_elements=["key"]).returning(OutboxMessage.id)).scalar()
    return res is not None


@dataclass
class DeliveryReport:
    sent: int = 0
    deferred: int = 0
    failed: int = 0
    unknown: int = 0
    skipped_in_flight: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.deferred or self.failed or self.unknown)


class SmtpSender:
    """One SMTP connection, opened lazily and reused for a run."""

    def __init__(self, target: SmtpTarget, timeout: float = 30) -> None:
        self.target, self.timeout = target, timeout
        self.conn: smtplib.SMTP | None = None

    def _open(self) -> smtplib.SMTP:
        t = self.target
        try:
            if t.mode == "ssl":
                conn: smtplib.SMTP = smtplib.SMTP_SSL(t.host, t.port, timeout=self.timeout,
                                                      context=ssl.create_default_context())
            else:
                conn = smtplib.SMTP(t.host, t.port, timeout=self.timeout)
            conn.ehlo()
            if t.mode == "starttls":
                conn.starttls(context=ssl.create_default_context())
                conn.ehlo()
            if t.username:
                if "plain" in conn.esmtp_features.get("auth", "").lower().split():
                    # one mechanism, one try: falling back through every mechanism after a refusal
                    # only multiplies failed logins (and some servers lock accounts on them)
                    conn.user, conn.password = t.username, t.password or ""
                    conn.auth("PLAIN", conn.auth_plain)
                else:
                    conn.login(t.username, t.password or "")
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError(f"SMTP authentication failed at {t.host}:{t.port} as {t.username!r}: "
                                f"{exc.smtp_code} {_text(exc.smtp_error)}") from exc
        except smtplib.SMTPNotSupportedError as exc:
            raise DeliveryError(f"SMTP server {t.host}:{t.port}: {exc}") from exc
        except smtplib.SMTPResponseException as exc:
            raise (TemporaryFailure if 400 <= exc.smtp_code < 500 else PermanentFailure)(
                f"{exc.smtp_code} {_text(exc.smtp_error)}") from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise TemporaryFailure(f"cannot reach SMTP server {t.host}:{t.port}: {exc}") from exc
        return conn

    def prepare(self, sender: str, recipient: str) -> None:
        """Everything up to DATA (nothing has been handed over yet)."""
        if self.conn is None:
            self.conn = self._open()
        try:
            self.conn.rset()
            code, resp = self.conn.mail(sender)
            if code != 250:
                self._fail(code, resp)
            code, resp = self.conn.rcpt(recipient)
            if code not in (250, 251):
                self._fail(code, resp)
        except (OSError, smtplib.SMTPServerDisconnected) as exc:
            self.close()
            raise TemporaryFailure(f"connection lost: {exc}") from exc

    def data(self, message: bytes) -> None:
        assert self.conn is not None
        try:
            code, resp = self.conn.data(message)
        except smtplib.SMTPDataError as exc:
            self._fail(exc.smtp_code, exc.smtp_error)
        except (OSError, smtplib.SMTPServerDisconnected) as exc:
            self.close()
            raise TemporaryFailure(f"connection lost during DATA: {exc}") from exc
        if code != 250:
            self._fail(code, resp)

    def _fail(self, code: int, resp: Any) -> None:
        message = f"{code} {_text(resp)}"
        if 400 <= code < 500:
            raise TemporaryFailure(message)
        raise PermanentFailure(message)

    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.quit()
            except Exception:  # noqa: BLE001 - closing a broken connection
                pass
            self.conn = None


def _text(resp: Any) -> str:
    return resp.decode("utf-8", "replace") if isinstance(resp, bytes) else str(resp)


def post_webhook(url: str, payload: bytes, timeout: float = 15) -> None:
    req = urllib.request.Request(url, data=payload, method="POST", headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - operator-configured URL
            if resp.status >= 300:
                raise TemporaryFailure(f"webhook answered {resp.status}")
    except urllib.error.HTTPError as exc:
        if exc.code >= 500 or exc.code == 429:
            raise TemporaryFailure(f"webhook answered {exc.code}") from exc
        raise PermanentFailure(f"webhook answered {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError, socket.timeout) as exc:
        raise TemporaryFailure(f"webhook unreachable: {exc}") from exc


def deliver(db: Any, *, smtp_url: str, mail_from: str, webhook_url: str = "", now: datetime | None = None,
            keys: list[str] | None = None, lease: timedelta = SENDING_LEASE) -> DeliveryReport:
    """Send every due outbox row (or only ``keys``). Each state change is its own committed transaction."""
    from sqlalchemy import select, update

    from models.base import utcnow
    from models.delivery import OutboxMessage

    now = now or utcnow()
    report = DeliveryReport()
    # 1. rows left in `sending` by a process that died: outcome unknown, never re-sent automatically
    with db.session() as s:
        stmt = select(OutboxMessage.id, OutboxMessage.message_id, OutboxMessage.data).where(OutboxMessage.status == "sending")
        if keys is not None:
            stmt = stmt.where(OutboxMessage.key.in_(keys))
        for oid, mid, data in s.execute(stmt).all():
            since = datetime.fromisoformat((data or {}).get("sending_since", now.isoformat()))
            if now - since < lease:
                report.skipped_in_flight += 1
                continue
            s.execute(update(OutboxMessage).where(OutboxMessage.id == oid, OutboxMessage.status == "sending").values(
                status="failed", last_error=f"{UNKNOWN_PREFIX}: the process stopped between handing the message to "
                f"the server and recording it; look for Message-ID {mid} in the server log, then "
                "`pantau digest send --resend-unknown` if it never arrived"))
            report.unknown += 1
    with db.session() as s:
        stmt = select(OutboxMessage.id).where(OutboxMessage.status == "pending").order_by(OutboxMessage.id)
        if keys is not None:
            stmt = stmt.where(OutboxMessage.key.in_(keys))
        rows = s.execute(stmt.add_columns(OutboxMessage.next_attempt_at)).all()
        due_ids = [r[0] for r in rows if r[1] is None or r[1] <= now]
    if not due_ids:
        return report
    sender: SmtpSender | None = None
    try:
        for oid in due_ids:
            with db.session() as s:
                msg = s.get(OutboxMessage, oid)
                if msg is None or msg.status != "pending":
                    continue
                channel, recipient, body, attempts = msg.channel, msg.recipient, msg.body or b"", msg.attempts
                data = dict(msg.data or {})
            try:
                if channel == "webhook":
                    if not webhook_url:
                        raise PermanentFailure("no webhook configured (PANTAU_WEBHOOK_URL)")
                    _mark_sending(db, oid, now, data)
                    post_webhook(webhook_url, body)
                else:
                    if sender is None:
                        sender = SmtpSender(SmtpTarget.parse(smtp_url))
                    sender.prepare(_address(mail_from), recipient)
                    _mark_sending(db, oid, now, data)
                    sender.data(body)
            except TemporaryFailure as exc:
                with db.session() as s:
                    final = attempts + 1 >= MAX_ATTEMPTS
                    s.execute(update(OutboxMessage).where(OutboxMessage.id == oid).values(
                        status="failed" if final else "pending", attempts=attempts + 1, last_error=str(exc)[:2000],
                        next_attempt_at=None if final else now + backoff(attempts + 1)))
                report.failed += final
                report.deferred += not final
                report.errors.append(f"{recipient}: {exc}")
                continue
            except PermanentFailure as exc:
                with db.session() as s:
                    s.execute(update(OutboxMessage).where(OutboxMessage.id == oid).values(
                        status="failed", attempts=attempts + 1, last_error=str(exc)[:2000], next_attempt_at=None))
                report.failed += 1
                report.errors.append(f"{recipient}: {exc}")
                continue
            except DeliveryError as exc:
                with db.session() as s:
                    s.execute(update(OutboxMessage).where(OutboxMessage.id == oid).values(last_error=str(exc)[:2000]))
                raise
            with db.session() as s:
                s.execute(update(OutboxMessage).where(OutboxMessage.id == oid).values(
                    status="sent", sent_at=utcnow(), attempts=attempts + 1, last_error=None, next_attempt_at=None))
            report.sent += 1
    finally:
        if sender is not None:
            sender.close()
    return report


def _mark_sending(db: Any, oid: int, now: datetime, data: dict[str, Any]) -> None:
    from sqlalchemy import update

    from models.delivery import OutboxMessage

    with db.session() as s:
        s.execute(update(OutboxMessage).where(OutboxMessage.id == oid).values(
            status="sending", data={**data, "sending_since": now.isoformat()}))


def _address(mail_from: str) -> str:
    from email.utils import parseaddr

    return parseaddr(mail_from)[1] or mail_from


def resend_unknown(session: Any, keys: list[str] | None = None) -> int:
    """Put rows whose outcome is unknown back to ``pending`` (an explicit, at-least-once choice)."""
    from sqlalchemy import update

    from models.delivery import OutboxMessage

    stmt = update(OutboxMessage).where(OutboxMessage.status == "failed",
                                       OutboxMessage.last_error.like(f"{UNKNOWN_PREFIX}%"))
    if keys is not None:
        stmt = stmt.where(OutboxMessage.key.in_(keys))
    return int(session.execute(stmt.values(status="pending", next_attempt_at=None)).rowcount or 0)


def webhook_payload(kind: str, **fields: Any) -> bytes:
    return json.dumps({"type": kind, **fields}, ensure_ascii=False, default=str).encode("utf-8")
