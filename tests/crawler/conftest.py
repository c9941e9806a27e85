"""Fixtures of the crawler tests: the local mirror, a sources file for it, a fresh corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def mirror() -> Iterator[object]:
    from crawler.mirror.server import MirrorServer

    with MirrorServer() as server:
        yield server


@pytest.fixture
def sources_file(mirror: object, tmp_path: Path) -> Path:
    return mirror.write_sources(tmp_path / "mirror.toml")  # type: ignore[attr-defined]


@pytest.fixture
def corpus(tmp_path: Path) -> str:
    """URL of a fresh SQLite corpus at the newest schema."""
    from models.db import make_engine, upgrade

    url = f"sqlite:///{tmp_path / 'corpus.db'}"
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    return url


