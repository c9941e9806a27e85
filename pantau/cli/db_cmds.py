"""`pantau db ...`: create and upgrade the corpus schema."""

from __future__ import annotations

import typer

from pantau.cli import common

app = typer.Typer(help="Manage the corpus database schema.\n\nExample: pantau db upgrade", no_args_is_help=True)


@app.command("upgrade")
def upgrade(revision: str = typer.Argument("head", help="Target revision (default: the newest).")) -> None:
    """Create the database or bring it to the newest schema (safe to run again).

    Example: pantau --db postgresql+psycopg://postgres@127.0.0.1:5432/test db upgrade
    """
    from models.db import make_engine
    from models.db import upgrade as do_upgrade

    with common.user_errors():
        engine = make_engine(common.database_url())
        before, after = do_upgrade(engine, revision)
        engine.dispose()
    if before == after:
        print(f"database already at revision {after}")
    else:
        print(f"database upgraded from {before or 'empty'} to {after}")


@app.command("current")
def current() -> None:
    """Show the schema revision of the database and the one this version needs.

    Example: pantau db current
    """
    from models.db import current_revision, head_revision, make_engine

    with common.user_errors():
        engine = make_engine(common.database_url())
        rev = current_revision(engine)
        engine.dispose()
    print(f"database: {rev or 'empty'}; this version: {head_revision()}")


@app.command("downgrade")
def downgrade(revision: str = typer.Argument(..., help="Target revision, or 'base' for an empty database.")) -> None:
    """Undo migrations down to REVISION (data in dropped tables is lost).

    Example: pantau db downgrade 0001
    """
    from models.db import downgrade as do_downgrade
    from models.db import make_engine

    with common.user_errors():
        engine = make_engine(common.database_url())
        do_downgrade(engine, revision)
        engine.dispose()
    print(f"database downgraded to {revision}")
