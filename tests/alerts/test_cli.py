"""The alerts commands end to end (real subprocesses): subscriptions, cases, preview, send, scan, errors."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from alerts.subscriptions import SubscriptionError, SubscriptionSpec, load_toml, parse_scope
from tests.alerts import clusters
from tests.alerts.conftest import SmtpServer

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def pantau(*args: str, env: dict[str, str]) -> Result:
    """Run a command in-process (fast); user errors become exit code and message as in `run()`."""
    from typer.testing import CliRunner

    from pantau.cli.common import UserError
    from pantau.cli.main import app

    result = CliRunner().invoke(app, ["--db", env["PANTAU_DATABASE_URL"], *args],
                                env={k: v for k, v in env.items() if k != "PANTAU_DATABASE_URL"})
    if isinstance(result.exception, UserError):
        return Result(result.exception.exit_code, result.stdout, f"error: {result.exception}")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Result(result.exit_code, result.stdout, result.stderr if result.stderr_bytes is not None else "")


def real_pantau(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("PANTAU_")}
    full.update(env)
    return subprocess.run([sys.executable, "-m", "pantau", *args], capture_output=True, text=True, env=full,
                          cwd=REPO, timeout=120)


@pytest.fixture
def env(sdb: Any) -> dict[str, str]:
    with sdb.session() as s:
        clusters.load(s)
    return {"PANTAU_DATABASE_URL": sdb.url}


def test_subscription_validation() -> None:
    with pytest.raises(SubscriptionError, match="invalid e-mail address"):
        SubscriptionSpec("X", recipients=["satgas@ntt"]).check()
    with pytest.raises(SubscriptionError, match="unknown province"):
        SubscriptionSpec("X", "province", ["99"], recipients=["a@b.id"]).check()
    with pytest.raises(SubscriptionError, match="unknown kabupaten/kota"):
        SubscriptionSpec("X", "kabkota", ["53.99"], recipients=["a@b.id"]).check()
    with pytest.raises(SubscriptionError, match="unknown modus"):
        SubscriptionSpec("X", modus=["perbudakan"], recipients=["a@b.id"]).check()
    with pytest.raises(SubscriptionError, match="language"):
        SubscriptionSpec("X", language="fr", recipients=["a@b.id"]).check()
    assert parse_scope("national") == ("national", [])
    assert parse_scope("32, 53") == ("province", ["32", "53"])
    assert parse_scope("5301") == ("kabkota", ["5301"])
    assert SubscriptionSpec("X", "kabkota", ["5301"], recipients=["a@b.id"]).check().scope_codes == ["53.01"]
    with pytest.raises(SubscriptionError, match="mixes"):
        parse_scope("53,53.01")


def test_toml(tmp_path: Path) -> None:
    f = tmp_path / "subs.toml"
    f.write_text('[subscription."Satgas NTT"]\nscope = ["53"]\nmodus = ["migrant_worker"]\nrecipients = ["a@ntt.go.id"]\n'
                 '[subscription.Nasional]\nlanguage = "en"\nrecipients = ["b@contoh.id"]\n')
    specs = load_toml(f)
    assert [(s.name, s.scope_level, s.scope_codes, s.language) for s in specs] == [
        ("Satgas NTT", "province", ["53"], "id"), ("Nasional", "national", [], "en")]
    f.write_text('[subscription.Bad]\nscope = "53.99"\nrecipients = ["a@b.id"]\n')
    with pytest.raises(SubscriptionError, match=r"\[subscription.Bad\]: unknown kabupaten/kota"):
        load_toml(f)
    f.write_bytes(b'[subscription.Bad]\nrecipients = ["\xe9@b.id"]\n')  # Latin-1, not UTF-8
    with pytest.raises(SubscriptionError, match="cannot read"):
        load_toml(f)
    with pytest.raises(SubscriptionError, match="does not exist"):
        load_toml(tmp_path / "tidak-ada.toml")
    f.write_text("[subscription\n")
    with pytest.raises(SubscriptionError, match="TOML syntax error"):
        load_toml(f)


def test_cli_end_to_end(env: dict[str, str], tmp_path: Path, smtp_server: SmtpServer) -> None:
    r = pantau("subscriptions", "add", "Satgas NTT", "--scope", "53", "-r", "satgas@ntt.go.id", env=env)
    assert r.returncode == 0, r.stderr
    bad = real_pantau("subscriptions", "add", "Buruk", "-r", "bukan-alamat", env=env)
    assert bad.returncode == 1 and "invalid e-mail address 'bukan-alamat'" in bad.stderr
    bad = pantau("subscriptions", "add", "Buruk", "--scope", "99", "-r", "a@b.id", env=env)
    assert bad.returncode == 1 and "unknown province '99'" in bad.stderr
    toml = tmp_path / "s.toml"
    toml.write_text('[subscription.Nasional]\nlanguage = "en"\nrecipients = ["desk@contoh.id"]\n')
    assert pantau("subscriptions", "load", str(toml), env=env).returncode == 0
    listed = pantau("subscriptions", "list", env=env).stdout
    assert "Satgas NTT" in listed and "53 Nusa Tenggara Timur" in listed and "Nasional" in listed
    r = pantau("cases", "link", env=env)
    assert r.returncode == 0 and "12 new cases" in r.stdout
    r = pantau("cases", "list", "--week", "2024-W39", "--province", "53", env=env)
    assert r.returncode == 0 and "El Tari" in r.stdout and "Sukabumi" not in r.stdout
    case_id = r.stdout.split()[0]
    assert "place: Kabupaten Kupang" in pantau("cases", "show", case_id, env=env).stdout
    assert pantau("cases", "show", "99999", env=env).returncode == 1
    out = tmp_path / "digest.html"
    r = pantau("digest", "preview", "--week", "2024-W39", "--subscription", "Satgas NTT", "--out", str(out), env=env)
    assert r.returncode == 0, r.stderr
    assert "data:image/png;base64," in out.read_text() and "El Tari" in out.read_text()
    # bad input: clear message, non-zero exit
    r = real_pantau("digest", "preview", "--week", "2024-W99", "--subscription", "Satgas NTT", "--out", str(out), env=env)
    assert r.returncode == 1 and "does not exist" in r.stderr
    r = pantau("digest", "preview", "--week", "2024-W39", "--subscription", "Tidak Ada", "--out", str(out), env=env)
    assert r.returncode == 1 and "unknown subscription 'Tidak Ada'" in r.stderr
    r = pantau("digest", "send", "--week", "2024-W39", "--dry-run", env=env)
    assert r.returncode == 0 and "would send" in r.stdout and smtp_server.box.messages == []
    r = pantau("digest", "send", "--week", "2024-W39", env=env)
    assert r.returncode == 1 and "PANTAU_SMTP_URL" in r.stderr
    smtp_env = {**env, "PANTAU_SMTP_URL": smtp_server.url, "PANTAU_MAIL_FROM": "pantau@contoh.id"}
    r = pantau("digest", "send", "--week", "2024-W39", env=smtp_env)
    assert r.returncode == 0, r.stderr
    assert len(smtp_server.box.messages) == 2 and "sent 2" in r.stdout
    r = pantau("digest", "send", "--week", "2024-W39", env=smtp_env)
    assert r.returncode == 0 and "sent 0" in r.stdout and len(smtp_server.box.messages) == 2
    # a failing server: non-zero exit, nothing marked sent
    smtp_server.box.data_replies = ["550 5.7.1 rejected"]
    pantau("subscriptions", "add", "Baru", "-r", "baru@contoh.id", env=env)
    r = pantau("digest", "send", "--week", "2024-W39", "--subscription", "Baru", env=smtp_env)
    assert r.returncode == 1 and "550 5.7.1 rejected" in r.stderr
    assert "failed: 1" in pantau("alerts", "outbox", env=env).stdout
    r = pantau("alerts", "scan", "--week", "2024-W39", env=env)
    assert r.returncode == 0 and "mass_victims" in r.stdout
    assert "0 new" in pantau("alerts", "scan", "--week", "2024-W39", env=env).stdout
    assert pantau("subscriptions", "remove", "Baru", env=env).returncode == 0
    assert pantau("subscriptions", "remove", "Baru", env=env).returncode == 1
