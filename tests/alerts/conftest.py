"""Fixtures of the alerts tests: a migrated database, written case histories, a real SMTP server."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def sdb(tmp_path: Path) -> Iterator[Any]:
    """A SQLite corpus at the newest schema (for tests that need no PostgreSQL variant)."""
    from models.db import make_engine, open_database, upgrade

    url = f"sqlite:///{tmp_path / 'pantau.db'}"
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    db = open_database(url)
    db.url = url  # type: ignore[attr-defined]
    yield db
    db.dispose()


def add_case(session: Any, first_seen: datetime, modus: list[str], provinces: list[str] = (),  # type: ignore[assignment]
             countries: list[str] = (), victims: int | None = None, title: str = "Kasus uji",  # type: ignore[assignment]
             last_seen: datetime | None = None) -> int:
    """Write one case directly (signal tests start from cases, not from articles)."""
    from models.cases import Case, CaseLocation

    c = Case(title=title, summary="", first_seen=first_seen, last_seen=last_seen or first_seen, stage="reported",
             modus=list(modus), victims=victims, article_count=1, outlet_count=1, data={})
    session.add(c)
    session.flush()
    for p in provinces:
        session.add(CaseLocation(case_id=c.id, name=f"Provinsi {p}", level="province", code=p, province_code=p,
                                 country="Indonesia", role="origin"))
    for iso in countries:
        session.add(CaseLocation(case_id=c.id, name=iso, level="country", code=iso, province_code=None,
                                 country=iso, role="destination"))
    return int(c.id)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Mailbox:
    """What the loopback SMTP server received, and the failures it should inject."""

    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[Any] = field(default_factory=list)
    data_replies: list[str] = field(default_factory=list)  # consumed one per DATA; empty = "250 OK"
    users: dict[str, str] = field(default_factory=dict)

    def parsed(self, i: int = -1) -> EmailMessage:
        return self.messages[i]


class _Handler:
    def __init__(self, box: Mailbox) -> None:
        self.box = box

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd API
        if self.box.data_replies:
            reply = self.box.data_replies.pop(0)
            if not reply.startswith("250"):
                return reply
        self.box.envelopes.append(envelope)
        self.box.messages.append(message_from_bytes(envelope.original_content, policy=policy.default))  # type: ignore[arg-type]
        return "250 OK"


class SmtpServer:
    def __init__(self, port: int, auth: bool = False) -> None:
        self.port, self.auth = port, auth
        self.box = Mailbox(users={"satgas": "rahasia"} if auth else {})
        self.controller: Any = None

    @property
    def url(self) -> str:
        return f"smtp://satgas:rahasia@127.0.0.1:{self.port}" if self.auth else f"smtp://127.0.0.1:{self.port}"

    def start(self) -> SmtpServer:
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult

        box = self.box

        def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> Any:
            login = auth_data.login.decode() if isinstance(auth_data.login, bytes) else auth_data.login
            password = auth_data.password.decode() if isinstance(auth_data.password, bytes) else auth_data.password
            ok = box.users.get(login) == password
            return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535

        kwargs: dict[str, Any] = {}
        if self.auth:
            kwargs = {"authenticator": authenticator, "auth_require_tls": False, "auth_required": True}
        self.controller = Controller(_Handler(box), hostname="127.0.0.1", port=self.port, **kwargs)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer(free_port()).start()
    yield server
    server.stop()


@pytest.fixture
def smtp_auth_server() -> Iterator[SmtpServer]:
    server = SmtpServer(free_port(), auth=True).start()
    yield server
    server.stop()
