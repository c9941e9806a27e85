"""Building the app from the settings (used by `pantau serve` and the benchmark)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from models.db import open_database
from webapp.app import create_app
from webapp.sessions import secret_from_data_dir


def app_from_settings(db_url: str, cfg: Any, **engine_kwargs: Any) -> FastAPI:
    if db_url.startswith("postgresql"):
        engine_kwargs.setdefault("pool_size", 20)
        engine_kwargs.setdefault("max_overflow", 20)
    db = open_database(db_url, **engine_kwargs)
    secret = cfg.secret_key or secret_from_data_dir(cfg.data_dir)
    return create_app(db, secret, data_dir=cfg.data_dir)


def app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory webapp.factory:app_from_env` (several workers): reads PANTAU_* settings."""
    from pantau import config

    cfg = config.load()
    return app_from_settings(cfg.resolved_database_url, cfg)
