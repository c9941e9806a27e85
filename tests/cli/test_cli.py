"""The `pantau` command line: documented commands and clear one-line errors (real subprocesses)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from pantau.cli.main import app


def pantau(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("PANTAU_")}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "pantau", *args], capture_output=True, text=True,
                          env=full_env, cwd=cwd, timeout=120)


def _commands(group: object, prefix: str = "") -> list[tuple[str, object]]:
    out = [(prefix or "pantau", group)]
    if hasattr(group, "commands"):
        for name, cmd in group.commands.items():
            out.extend(_commands(cmd, f"{prefix} {name}".strip()))
    return out


def test_every_command_has_help_with_an_example() -> None:
    commands = _commands(typer.main.get_command(app))
    assert len(commands) >= 6, commands
    for name, cmd in commands:
        help_text = getattr(cmd, "help", None) or ""
        assert help_text.strip(), f"{name} has no help"
        assert "Example: pantau" in help_text, f"`{name}` help has no example"


def test_help_is_fast_to_import() -> None:
    """`pantau --help` must not import heavy libraries (timing is in the benchmark, not here)."""
    code = ("import sys; from pantau.cli.main import app; "
            "heavy = [m for m in ('sqlalchemy', 'scrapy', 'sklearn', 'spacy', 'trafilatura', 'matplotlib', 'fastapi')"
            " if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_upgrade_query_and_stats_end_to_end(tmp_path: Path) -> None:
    env = {"PANTAU_DATA_DIR": str(tmp_path / "data")}
    assert pantau("db", "upgrade", env=env).returncode == 0
    r = pantau("db", "upgrade", env=env)
    assert r.returncode == 0 and "already" in r.stdout
    from models import open_database
    from models.store import ArticleRecord, upsert_article

    db = open_database(f"sqlite:///{tmp_path / 'data' / 'pantau.db'}")
    with db.session() as s:
        upsert_article(s, ArticleRecord(canonical_url="https://contoh.id/1", outlet="contoh", title="Korban TPPO",
                                        text="Korban perdagangan orang dipulangkan dari Malaysia."))
    db.dispose()
    r = pantau("query", "malaysia", "-f", "jsonl", env=env)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row["canonical_url"] for row in rows] == ["https://contoh.id/1"]
    out = tmp_path / "export.csv"
    r = pantau("query", "-f", "csv", "-o", str(out), env=env)
    assert r.returncode == 0 and out.read_text().count("\n") == 2
    r = pantau("stats", "--by", "outlet", "-f", "jsonl", env=env)
    assert json.loads(r.stdout.splitlines()[0]) == {"by": "outlet", "key": "contoh", "articles": 1}


def _assert_clear_error(r: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert r.returncode != 0
    assert "Traceback" not in r.stderr, r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and fragment in errors[0], r.stderr


@pytest.mark.parametrize("args,fragment", [
    (["--db", "::not a url::", "stats"], "malformed database URL"),
    (["--db", "nonsense://x", "stats"], "unsupported database"),
    (["--db", "mysql://root@localhost/x", "stats"], "unsupported database"),
    (["--db", "postgresql+psycopg://postgres@127.0.0.1:1/test", "stats"], "cannot connect"),
])
def test_bad_database_urls(args: list[str], fragment: str) -> None:
    _assert_clear_error(pantau(*args), fragment)


def test_unwritable_data_directory(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        if os.access(ro, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root): permission bits are not enforced")
        _assert_clear_error(pantau("db", "upgrade", env={"PANTAU_DATA_DIR": str(ro / "sub")}), "data directory")
    finally:
        ro.chmod(0o700)


def test_data_directory_that_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    _assert_clear_error(pantau("db", "upgrade", env={"PANTAU_DATA_DIR": str(blocker / "data")}), "data directory")


def test_older_schema_bad_query_and_unknown_filters(tmp_path: Path) -> None:
    env = {"PANTAU_DATA_DIR": str(tmp_path)}
    assert pantau("db", "upgrade", "0001", env=env).returncode == 0
    _assert_clear_error(pantau("stats", env=env), "pantau db upgrade")
    assert pantau("db", "upgrade", env=env).returncode == 0
    _assert_clear_error(pantau("query", '"unbalanced', env=env), "unbalanced quote")
    _assert_clear_error(pantau("query", "x", "--modus", "nope", env=env), "unknown modus")
    _assert_clear_error(pantau("query", "x", "--province", "Atlantis", env=env), "unknown province")
    _assert_clear_error(pantau("query", "x", "--kabkota", "99.99", env=env), "kabupaten/kota")
    _assert_clear_error(pantau("query", "--outlet", "nope", env=env), "unknown outlet")
    _assert_clear_error(pantau("query", "x", "-o", str(tmp_path / "missing" / "f.csv"), "-f", "csv", env=env),
                        "does not exist")
    assert not list(tmp_path.glob("**/*.part"))


def test_bad_setting_and_unknown_variable(tmp_path: Path) -> None:
    _assert_clear_error(pantau("stats", env={"PANTAU_WEB_PORT": "eighty"}), "PANTAU_WEB_PORT")
    r = pantau("db", "current", env={"PANTAU_DATA_DIR": str(tmp_path), "PANTAU_DATABSE_URL": "x"})
    assert "unknown setting(s) PANTAU_DATABSE_URL" in r.stderr
