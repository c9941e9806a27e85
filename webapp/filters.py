"""Turning query-string parameters into a checked ArticleFilter, with messages a user can act on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from models.queries import ArticleFilter, QueryError

MAX_PAGE = 500
PAGE_SIZE = 20
FILTER_KEYS = ("q", "since", "until", "outlet", "modus", "province", "kabkota", "article_type", "relevant")


@dataclass
class ParsedFilter:
    filter: ArticleFilter
    page: int = 1
    errors: list[str] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)  # what the user typed, to refill the form


def _date(name: str, raw: str, errors: list[str]) -> date | None:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        errors.append(f"Tanggal tidak valid untuk '{name}': {raw[:40]!r} (format YYYY-MM-DD)")
        return None


def parse_filter(params: Mapping[str, str]) -> ParsedFilter:
    """Never raises: every problem becomes a message; invalid parts are left out of the filter."""
    values = {k: str(params.get(k, "") or "").strip() for k in FILTER_KEYS}
    errors: list[str] = []
    f = ArticleFilter(order="newest")
    f.q = values["q"] or None
    f.since = _date("dari", values["since"], errors) if values["since"] else None
    f.until = _date("sampai", values["until"], errors) if values["until"] else None
    for key in ("outlet", "modus", "province", "kabkota", "article_type"):
        setattr(f, key, values[key] or None)
    f.relevant_only = values["relevant"] in ("1", "true", "on", "ya")
    page = 1
    raw_page = str(params.get("page", "1") or "1")
    if raw_page.isdigit() and 1 <= int(raw_page) <= MAX_PAGE:
        page = int(raw_page)
    else:
        errors.append(f"Halaman tidak valid: {raw_page[:20]!r} (1 sampai {MAX_PAGE})")
    # check field by field so one bad value does not hide the others
    for key in ("q", "modus", "province", "kabkota", "article_type"):
        probe = ArticleFilter(**{key: getattr(f, key)})
        try:
            probe.check()
        except QueryError as exc:
            errors.append(str(exc))
            setattr(f, key, None)
    if f.since and f.until and f.since > f.until:
        errors.append(f"Tanggal 'dari' ({f.since}) setelah tanggal 'sampai' ({f.until})")
        f.until = None
    f.check()  # resolves province / kab-kota codes for the query helpers
    return ParsedFilter(f, page, errors, values)
