"""`pantau users ...` and `pantau serve --help`: real subprocesses, one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def pantau(*args: str, db: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PANTAU_")}
    return subprocess.run([sys.executable, "-m", "pantau", "--db", db, *args], input=stdin, capture_output=True,
                          text=True, env=env, timeout=120)


def test_users_lifecycle(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'p.db'}"
    assert pantau("db", "upgrade", db=db).returncode == 0
    r = pantau("users", "add", "rina", "--role", "analyst", "--password-stdin", db=db, stdin="panjang-sekali-123\n")
    assert r.returncode == 0 and "added rina (analyst)" in r.stdout
    dup = pantau("users", "add", "rina", "--password-stdin", db=db, stdin="panjang-sekali-123\n")
    assert dup.returncode == 1 and dup.stderr.strip() == "error: user 'rina' already exists"
    short = pantau("users", "add", "budi", "--password-stdin", db=db, stdin="pendek\n")
    assert short.returncode == 1 and "too short" in short.stderr and "Traceback" not in short.stderr
    role = pantau("users", "add", "budi", "--role", "raja", "--password-stdin", db=db, stdin="panjang-sekali-123\n")
    assert role.returncode == 1 and "unknown role" in role.stderr
    token = pantau("users", "token", "rina", db=db)
    assert token.returncode == 0 and token.stdout.startswith("ptk_")
    listing = pantau("users", "list", db=db)
    assert "rina\tanalyst\tactive" in listing.stdout
    assert pantau("users", "revoke", "rina", db=db).stdout.startswith("revoked 1")
    assert pantau("users", "remove", "rina", db=db).returncode == 0
    missing = pantau("users", "remove", "rina", db=db)
    assert missing.returncode == 1 and "no user 'rina'" in missing.stderr


def test_schedule_once_unknown_job(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'p.db'}"
    pantau("db", "upgrade", db=db)
    r = pantau("schedule", "once", "laundry", db=db)
    assert r.returncode == 1 and "unknown job 'laundry'" in r.stderr
