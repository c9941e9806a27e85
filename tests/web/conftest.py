"""Fixtures of the web tests: a seeded corpus, a TestClient, logged-in clients, a live server."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from web_seed import PASSWORD, seed

SECRET = "test-secret-key-not-for-production"


def _open(url: str) -> Any:
    from models.db import make_engine, open_database, upgrade

    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    return open_database(url)


@pytest.fixture(scope="session")
def web_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A migrated, seeded SQLite file made once; each test gets its own copy."""
    path = tmp_path_factory.mktemp("web-template") / "web.db"
    db = _open(f"sqlite:///{path}")
    ids = seed(db)
    db.dispose()
    return path, ids


@pytest.fixture
def web(tmp_path: Path, web_template: tuple[Path, dict[str, Any]]) -> Iterator[tuple[Any, dict[str, Any], Path]]:
    """(database, seeded ids, data dir) on SQLite."""
    import shutil

    from models.db import open_database

    for suffix in ("", "-wal", "-shm"):
        src = Path(str(web_template[0]) + suffix)
        if src.exists():
            shutil.copy(src, tmp_path / ("web.db" + suffix))
    db = open_database(f"sqlite:///{tmp_path / 'web.db'}")
    yield db, dict(web_template[1]), tmp_path
    db.dispose()


@pytest.fixture
def app(web: tuple[Any, dict[str, Any], Path]) -> Any:
    from webapp.app import create_app

    return create_app(web[0], SECRET, data_dir=web[2])


@pytest.fixture
def client(app: Any) -> Any:
    from fastapi.testclient import TestClient

    return TestClient(app, raise_server_exceptions=False, follow_redirects=False)


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "no CSRF token in the form"
    return m.group(1)


def login(client: Any, username: str, password: str = PASSWORD) -> Any:
    page = client.get("/masuk")
    r = client.post("/masuk", data={"username": username, "password": password, "csrf_token": csrf_of(page.text),
                                    "next": "/"})
    return r


@pytest.fixture
def as_viewer(client: Any) -> Any:
    assert login(client, "vera").status_code == 303
    return client


@pytest.fixture
def as_analyst(client: Any) -> Any:
    assert login(client, "ana").status_code == 303
    return client


@pytest.fixture
def as_admin(client: Any) -> Any:
    assert login(client, "adi").status_code == 303
    return client


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def live_server(app: Any) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
