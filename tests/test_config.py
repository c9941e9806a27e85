"""One config module: defaults, types, unknown variables, and .env.example kept in sync."""

from __future__ import annotations

from pathlib import Path

import pytest

from pantau import config

REPO = Path(__file__).resolve().parents[1]


def test_defaults_and_overrides() -> None:
    cfg = config.load({})
    assert cfg.resolved_database_url == "sqlite:///data/pantau.db"
    assert cfg.resolved_user_agent.startswith("PantauTPPO/")
    cfg = config.load({"PANTAU_DATA_DIR": "/srv/pantau", "PANTAU_CONCURRENT_PER_DOMAIN": "4"})
    assert cfg.resolved_database_url == "sqlite:////srv/pantau/pantau.db" and cfg.concurrent_per_domain == 4
    cfg = config.load({"PANTAU_DATABASE_URL": "postgresql+psycopg://u@h/db"})
    assert cfg.resolved_database_url == "postgresql+psycopg://u@h/db"


def test_wrong_type_is_a_clear_error() -> None:
    with pytest.raises(config.ConfigError, match="PANTAU_DOWNLOAD_TIMEOUT"):
        config.load({"PANTAU_DOWNLOAD_TIMEOUT": "soon"})


def test_unknown_variables_are_reported() -> None:
    env = {"PANTAU_DATABASE_URL": "x", "PANTAU_DATABSE_URL": "typo", "HOME": "/root"}
    assert config.unknown_variables(env) == ["PANTAU_DATABSE_URL"]


def test_env_example_lists_every_setting() -> None:
    assert (REPO / ".env.example").read_text() == config.env_example(), (
        "regenerate with: python -m pantau.config > .env.example")


def test_readme_documents_every_setting() -> None:
    readme = (REPO / "README.md").read_text()
    missing = [name for name in config.known_variables() if name not in readme]
    assert not missing, f"README lacks {missing}"
