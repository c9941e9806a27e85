"""`pantau run`: the main job (crawl the configured sources, classify, store, print a summary)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from pantau.cli import common


def run_main_job(
    registry: Annotated[bool, typer.Option(
        "--registry", help="Crawl the default outlet registry (live websites) plus PANTAU_SOURCES_FILE.")] = False,
) -> None:
    """Run the main job on the configured database: crawl, classify, store, and print a summary.

    Which sources: with PANTAU_SOURCES_FILE set, the outlets of that file; with --registry, the
    default registry of Indonesian outlets and official feeds (live websites, permissions obeyed)
    plus that file; with neither, the bundled local mirror of sample outlets, so that a fresh
    machine runs the whole pipeline offline without contacting any website.

    Example: pantau run
    """
    from crawler.runner import CrawlOptions, run_crawl
    from models.queries import ArticleFilter, count, counts_by

    cfg = common.settings()
    url = common.database_url()
    with common.user_errors():
        db = common.open_db()  # refuses a missing or out-of-date schema with a clear message
        with db.session(readonly=True) as session:
            before = count(session, ArticleFilter())
        db.dispose()
        if registry or cfg.sources_file:
            opts = CrawlOptions(sources_file=cfg.sources_file, only_sources_file=not registry, progress=True)
            summary = run_crawl(opts, cfg, url)
        else:
            from crawler.mirror.server import MirrorServer

            print("no sources configured (PANTAU_SOURCES_FILE): crawling the bundled local mirror")
            with MirrorServer() as mirror, tempfile.TemporaryDirectory() as tmp:
                sources = mirror.write_sources(Path(tmp) / "mirror.toml")
                opts = CrawlOptions(sources_file=str(sources), only_sources_file=True, progress=True,
                                    settings={"AUTOTHROTTLE_ENABLED": False, "RETRY_TIMES": 1})
                summary = run_crawl(opts, cfg.__class__(**{**cfg.__dict__, "download_delay": 0.0}), url)
        db = common.open_db()
        try:
            with db.session(readonly=True) as session:
                total = count(session, ArticleFilter())
                relevant = count(session, ArticleFilter(relevant_only=True))
                by_modus = counts_by(session, "modus", ArticleFilter(relevant_only=True))
                by_province = counts_by(session, "province", ArticleFilter(relevant_only=True))
        finally:
            db.dispose()
    print(f"\ncrawl: {len(summary.outlets)} outlet(s), {summary.fetched} page(s) fetched, "
          f"{total - before} new article(s)")
    for reason, n in sorted(summary.dropped.items()):
        print(f"  skipped ({reason}): {n}")
    for source, errors in summary.source_errors.items():
        print(f"  source problem: {source}: {errors[0]}")
    print(f"corpus: {total} article(s), {relevant} about trafficking")
    print("top modus: " + (", ".join(f"{m} ({n})" for m, n in by_modus[:5]) or "-"))
    print("top provinces: " + (", ".join(f"{p} ({n})" for p, n in by_province[:5]) or "-"))
    if summary.nothing_crawled:
        raise common.UserError("nothing could be crawled: see the source problems above")


def register(app: typer.Typer) -> None:
    app.command("run")(run_main_job)
