"""`pantau query` and `pantau stats`: read the corpus (thin wrappers over models.queries)."""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import IO, Annotated, Any, Optional

import typer

from pantau.cli import common


class Format(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


class GroupBy(str, Enum):
    week = "week"
    outlet = "outlet"
    modus = "modus"
    province = "province"


CSV_FIELDS = (
    "id", "canonical_url", "outlet", "title", "published_at", "fetched_at", "language", "relevant",
    "relevance_score", "article_type", "modus", "victims", "provinces", "countries", "model_version",
    "robots_verdict", "tdm_reserved", "text_withheld", "syndication_group", "lead", "text",
)

DateOpt = Annotated[Optional[datetime], typer.Option(formats=["%Y-%m-%d"], metavar="YYYY-MM-DD")]


@contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    """stdout, or a file written atomically (a failed export leaves no half-written file)."""
    if path is None:
        yield sys.stdout
        return
    directory = path.resolve().parent
    if not directory.is_dir():
        raise common.UserError(f"output directory {directory} does not exist")
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _csv_row(row: dict[str, Any]) -> dict[str, Any]:
    locs = row.get("locations") or []
    flat = dict(row)
    flat["modus"] = ";".join(row.get("modus") or [])
    flat["provinces"] = ";".join(sorted({loc["province"] for loc in locs if loc.get("province")}))
    flat["countries"] = ";".join(sorted({loc["country"] for loc in locs if loc.get("country") not in (None, "Indonesia")}))
    return {k: flat.get(k) for k in CSV_FIELDS}


def _print_table(rows: Iterator[dict[str, Any]]) -> int:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("id", "terbit", "outlet", "judul", "relevan", "jenis", "modus", "wilayah"):
        table.add_column(col, overflow="fold")
    n = 0
    for row in rows:
        n += 1
        provinces = sorted({loc["province"] for loc in row["locations"] if loc.get("province")})
        table.add_row(
            str(row["id"]),
            (row.get("published_at") or "")[:10],
            row.get("outlet") or "",
            (row.get("title") or "")[:90],
            {True: "ya", False: "tidak", None: "-"}[row.get("relevant")],
            row.get("article_type") or "-",
            ", ".join(row.get("modus") or []),
            ", ".join(provinces),
        )
    Console().print(table)
    return n


def query(
    q: Annotated[Optional[str], typer.Argument(help='Full-text query: words, "a phrase", prefix*, OR, -exclude.')] = None,
    since: DateOpt = None,
    until: DateOpt = None,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet name.")] = None,
    modus: Annotated[Optional[str], typer.Option(help="Modus code, e.g. online_scam.")] = None,
    province: Annotated[Optional[str], typer.Option(help="Province code (32) or name (Jawa Barat).")] = None,
    kabkota: Annotated[Optional[str], typer.Option(help="Kab/kota Kemendagri code, e.g. 31.73.")] = None,
    article_type: Annotated[Optional[str], typer.Option("--type", help="case, policy or other.")] = None,
    relevant: Annotated[bool, typer.Option("--relevant", help="Only articles about trafficking.")] = False,
    limit: Annotated[Optional[int], typer.Option(help="At most N rows (table default: 50).")] = None,
    order: Annotated[str, typer.Option(help="newest (stored), published.")] = "newest",
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table, csv or jsonl.")] = Format.table,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE instead of stdout.")] = None,
) -> None:
    """Search the corpus with full text and filters; print a table or stream CSV / JSON Lines.

    Exports stream row by row, so a million rows use constant memory. Full text is withheld where the
    publisher reserved text-and-data-mining rights (the row says text_withheld).

    Example: pantau query "perdagangan orang" --province "Jawa Barat" --since 2024-01-01 --relevant -f jsonl -o out.jsonl
    """
    from models.queries import ArticleFilter, search

    f = ArticleFilter(
        q=q, since=since.date() if since else None, until=until.date() if until else None, outlet=outlet,
        modus=modus, province=province, kabkota=kabkota, article_type=article_type, relevant_only=relevant,
        limit=limit if limit is not None else (50 if fmt is Format.table else None), order=order,
    )
    with common.user_errors():
        f.check()
        db = common.open_db()
        try:
            with db.session(readonly=True) as session:
                rows = search(session, f, include_text=fmt is not Format.table)
                if fmt is Format.table:
                    n = _print_table(rows)
                else:
                    with _output(output) as out:
                        n = _write(rows, fmt, out)
        finally:
            db.dispose()
    if output is not None or fmt is Format.table:
        print(f"{n} article(s)" + (f" written to {output}" if output else ""), file=sys.stderr)


def _write(rows: Iterator[dict[str, Any]], fmt: Format, out: IO[str]) -> int:
    n = 0
    if fmt is Format.jsonl:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
        return n
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    writer.writeheader()
    for row in rows:
        writer.writerow(_csv_row(row))
        n += 1
    return n


def stats(
    by: Annotated[list[GroupBy], typer.Option("--by", help="Group by week, outlet, modus or province (repeatable).")] = [GroupBy.week],  # noqa: B006
    relevant: Annotated[bool, typer.Option("--relevant", help="Only articles about trafficking.")] = False,
    since: DateOpt = None,
    until: DateOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table, csv or jsonl.")] = Format.table,
) -> None:
    """Count articles by ISO week (WIB), outlet, modus or province.

    Example: pantau stats --by week --by modus --relevant --since 2024-01-01
    """
    from models.queries import ArticleFilter, counts_by

    f = ArticleFilter(since=since.date() if since else None, until=until.date() if until else None, relevant_only=relevant)
    results: dict[str, list[tuple[str, int]]] = {}
    with common.user_errors():
        db = common.open_db()
        try:
            with db.session(readonly=True) as session:
                for group in by:
                    results[group.value] = counts_by(session, group.value, f)
        finally:
            db.dispose()
    if fmt is Format.jsonl:
        for group, rows in results.items():
            for key, n in rows:
                print(json.dumps({"by": group, "key": key, "articles": n}, ensure_ascii=False))
        return
    if fmt is Format.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(["by", "key", "articles"])
        for group, rows in results.items():
            writer.writerows([group, key, n] for key, n in rows)
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for group, rows in results.items():
        table = Table(title=f"articles by {group}")
        table.add_column(group)
        table.add_column("articles", justify="right")
        for key, n in rows:
            table.add_row(key, str(n))
        console.print(table)


def register(app: typer.Typer) -> None:
    app.command("query")(query)
    app.command("stats")(stats)
