"""Delivery through a real SMTP server on loopback (aiosmtpd): the MIME tree, retries, permanent
failures, authentication, idempotency and a process killed between hand-over and bookkeeping."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from alerts import delivery, linking
from alerts.service import queue_digests
from alerts.subscriptions import SubscriptionSpec, save
from models.base import utcnow
from models.delivery import OutboxMessage
from tests.alerts import clusters
from tests.alerts.conftest import SmtpServer, free_port

WEEK = "2024-W39"
FROM = "Pantau TPPO <pantau@contoh.id>"
REPO = Path(__file__).resolve().parents[2]


def _setup(db: Any, recipients: tuple[str, ...] = ("satgas@ntt.go.id",)) -> None:
    with db.session() as s:
        clusters.load(s)
        linking.link_articles(s)
        save(s, SubscriptionSpec("Satgas NTT", "province", ["53"], recipients=list(recipients)))


def _send(db: Any, url: str, **kw: Any) -> delivery.DeliveryReport:
    queue_digests(db, WEEK, mail_from=FROM)
    return delivery.deliver(db, smtp_url=url, mail_from=FROM, **kw)


def _rows(db: Any) -> list[OutboxMessage]:
    with db.session() as s:
        return list(s.execute(select(OutboxMessage).order_by(OutboxMessage.id)).scalars())


def test_digest_arrives_with_html_text_and_inline_chart(sdb: Any, smtp_server: SmtpServer) -> None:
    _setup(sdb, ("satgas@ntt.go.id", "kedua@ntt.go.id"))
    rep = _send(sdb, smtp_server.url)
    assert (rep.sent, rep.failed, rep.deferred) == (2, 0, 0)
    msgs = smtp_server.box.messages
    assert len(msgs) == 2 and {m["To"] for m in msgs} == {"satgas@ntt.go.id", "kedua@ntt.go.id"}
    m = msgs[0]
    assert m["Subject"] == "Ringkasan mingguan TPPO 2024-W39 – 53 Nusa Tenggara Timur"
    assert m["Message-ID"].startswith("<digest.2024-W39.") and m["From"] == FROM
    assert m.get_content_type() == "multipart/alternative"
    text_part, related = m.get_payload()
    assert text_part.get_content_type() == "text/plain" and "Sembilan calon PMI" in text_part.get_content()
    assert related.get_content_type() == "multipart/related"
    html_part, image = related.get_payload()
    assert html_part.get_content_type() == "text/html"
    assert image.get_content_type() == "image/png" and image.get_content().startswith(b"\x89PNG")
    cid = image["Content-ID"].strip("<>")
    assert f"cid:{cid}" in html_part.get_content()
    assert "https://timor-ekspres.example/berita/k1" in html_part.get_content()
    # idempotent: sending the week again sends nothing
    rep2 = _send(sdb, smtp_server.url)
    assert rep2.sent == 0 and len(smtp_server.box.messages) == 2
    assert [r.status for r in _rows(sdb)] == ["sent", "sent"]


def test_server_down_then_up_is_retried_with_backoff(sdb: Any) -> None:
    _setup(sdb)
    port = free_port()
    rep = _send(sdb, f"smtp://127.0.0.1:{port}")
    assert rep.deferred == 1 and rep.sent == 0
    (row,) = _rows(sdb)
    assert row.status == "pending" and row.attempts == 1 and "cannot reach" in (row.last_error or "")
    assert row.next_attempt_at is not None and row.next_attempt_at > utcnow()
    server = SmtpServer(port).start()
    try:
        # not due yet: nothing is tried
        assert delivery.deliver(sdb, smtp_url=server.url, mail_from=FROM).sent == 0
        later = utcnow() + timedelta(hours=1)
        rep = delivery.deliver(sdb, smtp_url=server.url, mail_from=FROM, now=later)
        assert rep.sent == 1 and len(server.box.messages) == 1
    finally:
        server.stop()
    (row,) = _rows(sdb)
    assert row.status == "sent" and row.attempts == 2


def test_451_is_temporary_and_550_is_permanent(sdb: Any, smtp_server: SmtpServer) -> None:
    _setup(sdb, ("a@ntt.go.id", "b@ntt.go.id"))
    smtp_server.box.data_replies = ["451 4.3.0 try again later", "550 5.1.1 mailbox unavailable"]
    rep = _send(sdb, smtp_server.url)
    assert (rep.sent, rep.deferred, rep.failed) == (0, 1, 1)
    rows = {r.recipient: r for r in _rows(sdb)}
    assert rows["a@ntt.go.id"].status == "pending" and "451" in (rows["a@ntt.go.id"].last_error or "")
    assert rows["b@ntt.go.id"].status == "failed" and "550 5.1.1 mailbox unavailable" in (rows["b@ntt.go.id"].last_error or "")
    rep = delivery.deliver(sdb, smtp_url=smtp_server.url, mail_from=FROM, now=utcnow() + timedelta(hours=1))
    assert rep.sent == 1 and [m["To"] for m in smtp_server.box.messages] == ["a@ntt.go.id"]
    assert {r.recipient: r.status for r in _rows(sdb)} == {"a@ntt.go.id": "sent", "b@ntt.go.id": "failed"}


def test_authentication(sdb: Any, smtp_auth_server: SmtpServer) -> None:
    _setup(sdb)
    bad = f"smtp://satgas:salah@127.0.0.1:{smtp_auth_server.port}"
    with pytest.raises(delivery.DeliveryError, match="authentication failed"):
        _send(sdb, bad)
    (row,) = _rows(sdb)
    assert row.status == "pending" and smtp_auth_server.box.messages == []
    rep = delivery.deliver(sdb, smtp_url=smtp_auth_server.url, mail_from=FROM)
    assert rep.sent == 1 and len(smtp_auth_server.box.messages) == 1


CRASH = """
import os, sys
sys.path.insert(0, {repo!r})
from alerts import delivery
from models.db import open_database
original = delivery.SmtpSender.{method}
def crashing(self, *args):
    original(self, *args)
    os._exit(9)  # killed right after this step, before any bookkeeping
delivery.SmtpSender.{method} = crashing
db = open_database({url!r})
delivery.deliver(db, smtp_url={smtp!r}, mail_from="pantau@contoh.id")
"""


def _crash(sdb: Any, server: SmtpServer, method: str) -> int:
    code = CRASH.format(repo=str(REPO), method=method, url=sdb.url, smtp=server.url)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60, cwd=REPO).returncode


def test_killed_between_send_and_bookkeeping_never_duplicates(sdb: Any, smtp_server: SmtpServer) -> None:
    _setup(sdb)
    queue_digests(sdb, WEEK, mail_from=FROM)
    assert _crash(sdb, smtp_server, "data") == 9
    assert len(smtp_server.box.messages) == 1  # the server accepted it
    (row,) = _rows(sdb)
    assert row.status == "sending"
    # a re-run (even right away, with no lease) never sends it again: at-most-once
    rep = delivery.deliver(sdb, smtp_url=smtp_server.url, mail_from=FROM, lease=timedelta(0))
    assert rep.unknown == 1 and rep.sent == 0 and len(smtp_server.box.messages) == 1
    (row,) = _rows(sdb)
    assert row.status == "failed" and row.last_error.startswith("outcome unknown") and row.message_id in row.last_error
    assert delivery.deliver(sdb, smtp_url=smtp_server.url, mail_from=FROM).sent == 0
    # the operator may choose to re-send on purpose; the copy carries the same Message-ID
    with sdb.session() as s:
        assert delivery.resend_unknown(s) == 1
    assert delivery.deliver(sdb, smtp_url=smtp_server.url, mail_from=FROM).sent == 1
    ids = [m["Message-ID"] for m in smtp_server.box.messages]
    assert len(ids) == 2 and ids[0] == ids[1]


def test_killed_before_data_is_sent_exactly_once_on_rerun(sdb: Any, smtp_server: SmtpServer) -> None:
    _setup(sdb)
    queue_digests(sdb, WEEK, mail_from=FROM)
    assert _crash(sdb, smtp_server, "prepare") == 9
    assert smtp_server.box.messages == []
    (row,) = _rows(sdb)
    assert row.status == "pending"
    assert delivery.deliver(sdb, smtp_url=smtp_server.url, mail_from=FROM).sent == 1
    assert delivery.deliver(sdb, smtp_url=smtp_server.url, mail_from=FROM).sent == 0
    assert len(smtp_server.box.messages) == 1


def test_webhook_delivery(sdb: Any, httpserver: Any) -> None:
    import json

    _setup(sdb)
    httpserver.expect_request("/hook", method="POST").respond_with_data("ok")
    url = httpserver.url_for("/hook")
    rep = queue_digests(sdb, WEEK, mail_from=FROM, webhook_url=url)
    assert rep.queued == 1
    with sdb.session() as s:
        keys = [k for k, in s.execute(select(OutboxMessage.key).where(OutboxMessage.channel == "webhook"))]
    d = delivery.deliver(sdb, smtp_url="", mail_from=FROM, webhook_url=url, keys=keys)
    assert d.sent == 1
    body = json.loads(httpserver.log[0][0].get_data())
    assert body["type"] == "digest" and body["week"] == WEEK and body["subscription"] == "Satgas NTT"


def test_smtp_url_forms() -> None:
    t = delivery.SmtpTarget.parse("smtp+starttls://user%40x:p%3Ass@mail.contoh.id")
    assert (t.host, t.port, t.mode, t.username, t.password) == ("mail.contoh.id", 587, "starttls", "user@x", "p:ss")
    assert delivery.SmtpTarget.parse("smtps://mail.contoh.id").port == 465
    assert delivery.SmtpTarget.parse("smtp://mail.contoh.id:2525").port == 2525
    with pytest.raises(delivery.DeliveryError):
        delivery.SmtpTarget.parse("http://mail.contoh.id")
    with pytest.raises(delivery.DeliveryError):
        delivery.SmtpTarget.parse("")
