"""`pantau crawl`, `pantau sources list|check` and `pantau demo`: thin commands over ``crawler``.

Scrapy, trafilatura and the registry are imported inside the command functions (fast start-up).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from pantau.cli import common

sources_app = typer.Typer(
    help="Outlets and their sources: list them, check what each allows.\n\nExample: pantau sources list",
    no_args_is_help=True,
)

SourcesOpt = Annotated[
    Optional[Path],
    typer.Option("--sources", help="Operator's TOML sources file that adds or overrides outlets.", metavar="FILE"),
]


def _registry(sources: Path | None, only_file: bool = False):  # type: ignore[no-untyped-def]
    from crawler.registry import SourcesFileError, load_registry

    path = str(sources) if sources else (common.settings().sources_file or None)
    try:
        return load_registry(path, only_file=only_file)
    except SourcesFileError as exc:
        raise common.UserError(str(exc)) from exc


def crawl(
    outlets: Annotated[Optional[list[str]], typer.Argument(help="Outlet names (default: every enabled outlet).")] = None,
    sources: SourcesOpt = None,
    only_sources_file: Annotated[bool, typer.Option("--only-sources-file", help="Ignore the default registry.")] = False,
    since: Annotated[Optional[str], typer.Option(help="Backfill: articles published on or after this date.", metavar="YYYY-MM-DD")] = None,
    until: Annotated[Optional[str], typer.Option(help="Backfill: articles published on or before this date.", metavar="YYYY-MM-DD")] = None,
    refresh: Annotated[bool, typer.Option("--refresh", help="Fetch articles again even when already stored.")] = False,
    progress: Annotated[bool, typer.Option("--progress/--quiet", help="Show a progress line.")] = True,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Scrapy log at INFO level.")] = False,
) -> None:
    """Crawl outlets' feeds, news sitemaps and listing pages and store the articles.

    Exits non-zero only when nothing at all could be crawled; per-source problems are listed.

    Example: pantau crawl --sources mirror.toml kabar-nusantara --since 2026-01-01
    """
    from crawler.registry import UnknownOutlet
    from crawler.runner import CrawlOptions, run_crawl

    _check_dates(since, until)
    registry = _registry(sources, only_sources_file)
    names = list(outlets or [])
    try:
        chosen = registry.select(names or None, include_disabled=True)
    except UnknownOutlet as exc:
        raise common.UserError(str(exc)) from exc
    if not any(o.enabled for o in chosen):
        raise common.UserError("no enabled outlet to crawl: " + "; ".join(
            f"{o.name} is disabled ({o.permission.reason})" for o in chosen))
    db = common.open_db()
    db.dispose()
    opts = CrawlOptions(outlets=names, sources_file=str(sources) if sources else "", only_sources_file=only_sources_file,
                        since=since or "", until=until or "", refresh=refresh, progress=progress,
                        log_level="INFO" if verbose else "WARNING")
    summary = run_crawl(opts, common.settings(), common.database_url())
    _print_summary(summary)
    if summary.nothing_crawled:
        raise common.UserError("nothing could be crawled (see the source errors above)")


def _check_dates(*values: str | None) -> None:
    from datetime import date

    for value in values:
        if value:
            try:
                date.fromisoformat(value)
            except ValueError as exc:
                raise common.UserError(f"invalid date {value!r}: use YYYY-MM-DD") from exc


def _print_summary(summary) -> None:  # type: ignore[no-untyped-def]
    class _Out:
        @staticmethod
        def print(line: str) -> None:
            typer.echo(line)

    out = _Out()
    s = summary.stats
    out.print(f"outlets: {', '.join(summary.outlets)}")
    out.print(f"pages fetched: {summary.fetched}; articles stored: {s.get('stored/new', 0)} new, "
              f"{s.get('stored/updated', 0)} updated ({s.get('stored/text_withheld', 0)} with text withheld)")
    skipped = {**{f"dropped: {k}": v for k, v in summary.dropped.items()},
               "already stored": s.get("incremental/skipped_known", 0),
               "source not modified since last crawl": s.get("source/not_modified", 0),
               "robots.txt forbids": s.get("robotstxt/forbidden", 0),
               "SSRF guard": s.get("ssrf/refused", 0),
               "not HTML": s.get("article/skipped/not_html", 0),
               "outside --since/--until": s.get("discovery/outside_window", 0)}
    for reason, count in skipped.items():
        if count:
            out.print(f"skipped ({reason}): {count}")
    for source, errors in summary.source_errors.items():
        out.print(f"source error: {source}: {errors[0]}" + (f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""))


@sources_app.command("list")
def sources_list(sources: SourcesOpt = None) -> None:
    """Show every outlet and source with its status (enabled, disabled and why, permission).

    Example: pantau sources list --sources my-sources.toml
    """
    from rich.console import Console
    from rich.table import Table

    registry = _registry(sources)
    table = Table("outlet", "kind", "status", "sources", "reason / permission", show_lines=False)
    for o in registry.outlets.values():
        srcs = "\n".join(f"{kind}: {url}" for kind, url in o.sources()) or "-"
        note = o.permission.reason or (f"permission: {o.permission.reference}" if o.permission.reference else "")
        table.add_row(o.name, o.kind, o.permission.status, srcs, note)
    Console(width=200).print(table)


@sources_app.command("check")
def sources_check(
    outlets: Annotated[Optional[list[str]], typer.Argument(help="Outlet names (default: all).")] = None,
    sources: SourcesOpt = None,
    timeout: Annotated[float, typer.Option(help="Seconds per request.")] = 10.0,
) -> None:
    """Fetch robots.txt and TDM signals live and report, per source, what is allowed.

    Example: pantau sources check kompas detik
    """
    from crawler.check import check_outlet
    from crawler.registry import UnknownOutlet

    registry = _registry(sources)
    try:
        chosen = registry.select(list(outlets or []) or None, include_disabled=True)
    except UnknownOutlet as exc:
        raise common.UserError(str(exc)) from exc
    agent = common.settings().resolved_user_agent
    for outlet in chosen:
        for line in check_outlet(outlet, agent, timeout):
            typer.echo(line)


def demo(
    keep: Annotated[bool, typer.Option("--keep", help="Keep an existing demo corpus instead of starting fresh.")] = False,
) -> None:
    """Start the local mirror, crawl it, classify and store into a fresh SQLite corpus, print a summary.

    Works offline. The corpus is written to <PANTAU_DATA_DIR>/demo/pantau.db.

    Example: pantau demo
    """
    from crawler.demo import run_demo

    run_demo(common.settings(), fresh=not keep)


def register(app: typer.Typer) -> None:
    app.command("crawl")(crawl)
    app.add_typer(sources_app, name="sources")
    app.command("demo")(demo)
