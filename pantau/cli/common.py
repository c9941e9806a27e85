"""Shared helpers of the CLI commands: configuration, opening the database, clear errors."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

from pantau import config

if TYPE_CHECKING:
    from rich.console import Console
    from sqlalchemy.orm import Session

    from models.db import Database


class UserError(Exception):
    """An error the user can act on: printed as one line, no traceback, non-zero exit."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass
class State:
    db_url: str | None = None


STATE = State()


def settings() -> config.Config:
    try:
        return config.load()
    except config.ConfigError as exc:
        raise UserError(str(exc)) from exc


def database_url() -> str:
    return STATE.db_url or settings().resolved_database_url


def err_console() -> Console:
    from rich.console import Console

    return Console(stderr=True)


def warn_unknown_variables() -> None:
    unknown = config.unknown_variables()
    if unknown:
        print(
            f"warning: unknown setting(s) {', '.join(unknown)} (known: see .env.example)",
            file=sys.stderr,
        )


def fail(message: str, exit_code: int = 1) -> NoReturn:
    raise UserError(message, exit_code)


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Turn the rooms' expected exceptions into :class:`UserError` (one line, no traceback)."""
    from models.db import DatabaseError
    from models.queries import QueryError

    try:
        yield
    except (DatabaseError, QueryError) as exc:
        raise UserError(str(exc)) from exc


def open_db(require_schema: bool = True, **kwargs: Any) -> Database:
    from models.db import DatabaseError, open_database

    try:
        return open_database(database_url(), require_schema=require_schema, **kwargs)
    except DatabaseError as exc:
        raise UserError(str(exc)) from exc


@contextlib.contextmanager
def db_session(*, readonly: bool = False, errors: tuple[type[Exception], ...] = ()) -> Iterator[Session]:
    """Open the configured database for one command: a session committed on success, the engine
    always disposed, and the room's expected ``errors`` turned into one-line :class:`UserError`."""
    db = open_db()
    try:
        with db.session(readonly=readonly) as session:
            yield session
    except errors as exc:
        raise UserError(str(exc)) from exc
    finally:
        db.dispose()
