"""Streaming exports (CSV, JSON Lines) of a query, with publishers' reservations respected.

Rows come from ``models.queries.search`` (server-side cursor, batches), so memory stays flat
however many rows are exported. Full text is never included for an article whose text was
withheld (TDM reservation); only metadata, the lead and the labels are.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from models.db import Database
from models.queries import ArticleFilter, search

EXPORT_FIELDS = ("id", "canonical_url", "outlet", "title", "lead", "text", "published_at", "language", "word_count",
                 "relevant", "relevance_score", "article_type", "modus", "victims", "locations", "model_version",
                 "text_withheld", "tdm_reserved")
MAX_EXPORT_ROWS = 1_000_000


def public_row(row: dict[str, Any], include_text: bool) -> dict[str, Any]:
    out = {k: row.get(k) for k in EXPORT_FIELDS}
    if not include_text or row.get("text_withheld") or row.get("tdm_reserved"):
        out["text"] = None
    out["locations"] = [{k: loc.get(k) for k in ("name", "level", "code", "province", "country", "role")}
                        for loc in row.get("locations") or []]
    return out


def rows(db: Database, f: ArticleFilter, include_text: bool) -> Iterator[dict[str, Any]]:
    with db.session(readonly=True) as s:
        for row in search(s, f, batch_size=1000, include_text=include_text):
            yield public_row(row, include_text)


def jsonl(db: Database, f: ArticleFilter, include_text: bool) -> Iterator[bytes]:
    buf: list[str] = []
    for row in rows(db, f, include_text):
        buf.append(json.dumps(row, ensure_ascii=False))
        if len(buf) >= 500:
            yield ("\n".join(buf) + "\n").encode("utf-8")
            buf.clear()
    if buf:
        yield ("\n".join(buf) + "\n").encode("utf-8")


def csv_stream(db: Database, f: ArticleFilter, include_text: bool) -> Iterator[bytes]:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in rows(db, f, include_text):
        row["modus"] = ";".join(row["modus"] or [])
        row["locations"] = json.dumps(row["locations"], ensure_ascii=False)
        writer.writerow(row)
        n += 1
        if n % 500 == 0:
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
    yield out.getvalue().encode("utf-8")
