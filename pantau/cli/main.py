"""The `pantau` command line: thin commands over the rooms' Python APIs.

Start-up must stay fast (`pantau --help` under 0.5 s): command modules import heavy libraries
(SQLAlchemy, scikit-learn, Scrapy...) inside the command functions, never at module level.
Each room's commands live in their own module under ``pantau/cli/`` and are registered below.
Every command's help ends with an example (a test checks it).
"""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from pantau.cli import common

app = typer.Typer(
    name="pantau",
    help="Pantau TPPO: crawl Indonesian news on trafficking in persons, classify it, store it, "
    "and alert task forces.\n\nExample: pantau --db sqlite:///data/pantau.db stats --by week",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


@app.callback()
def main(
    db: Annotated[
        Optional[str],
        typer.Option("--db", help="Database URL; overrides PANTAU_DATABASE_URL.", metavar="URL"),
    ] = None,
) -> None:
    """Pantau TPPO command line."""
    common.STATE.db_url = db
    common.warn_unknown_variables()


def _register() -> None:
    from pantau.cli import corpus_cmds, db_cmds

    app.add_typer(db_cmds.app, name="db")
    corpus_cmds.register(app)
    # Rooms that are present register their commands; a missing optional room is not an error.
    for module in ("nlp_cmds", "crawl_cmds", "alerts_cmds", "web_cmds", "main_job"):
        try:
            mod = __import__(f"pantau.cli.{module}", fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name == f"pantau.cli.{module}":
                continue
            raise
        mod.register(app)


_register()


def run() -> None:
    """Console-script entry point: user errors become one line on stderr and exit code 1 or 2."""
    try:
        app()
    except common.UserError as exc:
        print(f"error: {' '.join(str(exc).split())}", file=sys.stderr)
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    run()
