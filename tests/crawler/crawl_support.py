"""Helpers of the crawler tests: paths of the real-web fixtures, running `pantau` / `scrapy` in a
subprocess (Twisted's reactor runs once per process), reading the corpus back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
REAL_WEB = REPO.parent / "shared" / "real-web"
PAGES = REAL_WEB / "pages"
ROBOTS = REAL_WEB / "robots"


def real_web(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"real-web fixtures absent: {path} (see ../shared/real-web/README.md)")
    return path


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def crawler_env(tmp_path: Path, db_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PANTAU_")}
    env.update({"PANTAU_DATA_DIR": str(tmp_path / "data"), "PANTAU_DATABASE_URL": db_url, "PANTAU_DOWNLOAD_DELAY": "0",
                "PANTAU_DOWNLOAD_TIMEOUT": "2", "PANTAU_LOG_LEVEL": "WARNING", "PYTHONPATH": str(REPO), **extra})
    return env


def pantau(env: dict[str, str], *args: str, timeout: float = 180) -> Run:
    proc = subprocess.run([sys.executable, "-m", "pantau.cli.main", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=timeout, check=False)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def scrapy_crawl(env: dict[str, str], *args: str, timeout: float = 180) -> Run:
    proc = subprocess.run([sys.executable, "-m", "scrapy.cmdline", "crawl", "news", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=timeout, check=False)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def rows(db_url: str, sql: str) -> list[tuple]:
    from sqlalchemy import text

    from models import open_database

    db = open_database(db_url)
    try:
        with db.session() as session:
            return [tuple(r) for r in session.execute(text(sql)).all()]
    finally:
        db.dispose()


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip().startswith("{")]
