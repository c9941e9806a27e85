"""Search results pages: one page of articles, the count and facet counts over the newest matches.

A filter is run once to fetch its ``FACET_SAMPLE`` newest matches with their tags (modus,
provinces, kab/kota: the article's ``label_keys``, so one query). The first pages, the facets and the count come from that sample: exact up to
FACET_SAMPLE, else "lebih dari 200 hasil". No query counts the matches: on the 1,000,000-article
corpus even a count capped by a ``LIMIT 1,001`` subquery costs 15-280 ms per new filter (10,001:
0.2-1.4 s), more than a whole page may cost (``/api/v1/aggregates`` gives exact counts). Samples
and finished pages are kept in the per-process cache of :mod:`webapp.cache` (keyed by the
normalised filter, dropped when the corpus changes), so paging and repeated searches cost no
corpus query at all.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ARRAY, Integer, Select, any_, literal, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from models.corpus import Article, Outlet
from models.db import Database
from models.label_keys import split_keys
from models.queries import ArticleFilter, QueryError, _apply_filters, newest_ids, parse_query  # the one place filters are written
from pantau import regions
from webapp.cache import cache_of, cached

FACET_SAMPLE = 200  # newest matches behind the facets, the count and the first pages
CACHE_SECONDS = 120.0  # a finished page or a sample is reused this long at the same corpus version
VOCABULARY_SECONDS = 600.0
SEARCH_TIMEOUT_MS = 5000  # PostgreSQL stops a web search's corpus query after this (the user is asked to narrow it)
# what the sample reads per match: the label keys carry the modus and places the facets count
_SAMPLE_COLUMNS = (Article.id, Article.outlet_id, Article.article_type, Article.label_keys)


@dataclass(frozen=True)
class Match:
    """One of the newest matches of a filter, with what the facets count."""

    id: int
    outlet_id: int | None
    article_type: str | None
    modus: tuple[str, ...]
    provinces: tuple[str, ...]
    kabkota: tuple[str, ...]


@dataclass
class SearchPage:
    rows: list[dict[str, Any]]
    total: int
    total_capped: bool
    facets: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)  # name -> (value, label, n)
    facet_sample: int = 0
    facet_capped: bool = False


def filter_key(f: ArticleFilter) -> tuple[Any, ...]:
    """The filter as a hashable key; queries that differ only in spacing, case or term order share it."""
    groups = parse_query(f.q) if f.q else []
    q = tuple(sorted((tuple(sorted(set(g), key=repr)) for g in groups), key=repr))
    return (q, f.since, f.until, f.outlet, f.modus, f._province_code, f._kabkota_code, f.article_type,
            bool(f.relevant_only))


def outlet_names(db: Database) -> dict[int, str]:
    """Outlet id -> name, cached per process until the corpus changes."""
    def load() -> dict[int, str]:
        with db.session(readonly=True) as s:
            return {int(i): str(n) for i, n in s.execute(select(Outlet.id, Outlet.name))}

    return dict(cached(db, ("outlet-names",), VOCABULARY_SECONDS, load))


def _filtered(session: Session, f: ArticleFilter) -> Select[Any]:
    """The filter applied once (outlet and text-search lookups included); callers pick columns and limits."""
    return _apply_filters(session, select(*_SAMPLE_COLUMNS).select_from(Article), f)


class SearchTooSlow(QueryError):
    """The corpus query of a search ran past SEARCH_TIMEOUT_MS and was stopped."""


def _limits(session: Session) -> None:
    """PostgreSQL settings of this transaction: exact (not lossy) bitmaps, so common words are matched
    without re-reading each row's text, and a time limit, so one rare combination of words and
    filters cannot hold a server core for a minute."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"SET LOCAL work_mem = '64MB'; SET LOCAL statement_timeout = {SEARCH_TIMEOUT_MS}"))


@contextlib.contextmanager
def _time_limited(session: Session) -> Iterator[None]:
    """Run corpus queries under :func:`_limits`; a query PostgreSQL stopped at the time limit
    becomes :class:`SearchTooSlow`."""
    _limits(session)
    try:
        yield
    except OperationalError as exc:
        if type(exc.orig).__name__ != "QueryCanceled":
            raise
        raise SearchTooSlow(f"Pencarian dihentikan setelah {SEARCH_TIMEOUT_MS // 1000} detik: kombinasi kata dan "
                            "filter ini jarang di korpus. Persempit dengan rentang tanggal atau kata lain, atau "
                            "gunakan ekspor.") from exc


def _newest(session: Session, base: Select[Any], limit: int, offset: int = 0) -> list[Match]:
    rows = session.execute(base.order_by(Article.id.desc()).limit(limit).offset(offset)).all()
    return [_match(r) for r in rows]


def _match(row: Any) -> Match:
    modus, provinces, kabkota = split_keys(row.label_keys)
    return Match(int(row.id), row.outlet_id, row.article_type, modus, provinces, kabkota)


def sample(session: Session, f: ArticleFilter, base: Callable[[], Select[Any]], size: int = FACET_SAMPLE) -> list[Match]:
    """The ``size`` newest matches with their modus and places (the article's ``label_keys``): one query.

    On PostgreSQL the ids come from :func:`models.queries.newest_ids` (a fixed plan: the newest
    articles row by row, then the full-text and label index) instead of the planner's guess."""
    return _matches(session, f, base, size, 0)


def _matches(session: Session, f: ArticleFilter, base: Callable[[], Select[Any]], limit: int, offset: int) -> list[Match]:
    with _time_limited(session):
        ids = newest_ids(session, f, offset + limit)
        if ids is None:
            return _newest(session, base(), limit, offset)
        ids = ids[offset:]
        if not ids:
            return []
        # one array parameter rather than an IN list of up to 201 (PostgreSQL only gets here)
        rows = session.execute(select(*_SAMPLE_COLUMNS).where(Article.id == any_(literal(ids, ARRAY(Integer))))
                               .order_by(Article.id.desc())).all()
    return [_match(r) for r in rows]


def facets(matched: list[Match], outlets: dict[int, str]) -> dict[str, list[tuple[str, str, int]]]:
    """Facet counts over ``matched`` (no query: the tags came with the sample)."""
    from pantau.taxonomy import MODUS_LABELS_ID

    by_outlet: Counter[str] = Counter(outlets.get(m.outlet_id, str(m.outlet_id)) for m in matched if m.outlet_id)
    types: Counter[str] = Counter(m.article_type for m in matched if m.article_type)
    modus: Counter[str] = Counter(x for m in matched for x in m.modus)
    provinces: Counter[str] = Counter(x for m in matched for x in m.provinces)
    kabkota: Counter[str] = Counter(x for m in matched for x in m.kabkota)
    prov_names, kab_names = regions.provinces(), regions.kabkota()
    return {
        "outlet": _top((k, k, n) for k, n in by_outlet.items()),
        "article_type": _top((k, k, n) for k, n in types.items()),
        "modus": _top((k, MODUS_LABELS_ID.get(k, k), n) for k, n in modus.items()),
        "province": _top((k, prov_names.get(k, k), n) for k, n in provinces.items())[:15],
        "kabkota": _top((k, kab_names.get(k, (k, ""))[0], n) for k, n in kabkota.items())[:15],
    }


def _top(rows: Iterable[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    return sorted(rows, key=lambda r: (-r[2], r[0]))


def page_rows(session: Session, matches: list[Match], outlets: dict[int, str]) -> list[dict[str, Any]]:
    """The shown fields of ``matches`` (newest first): one primary-key query."""
    if not matches:
        return []
    stmt = select(Article.id, Article.title, Article.lead, Article.published_at, Article.relevant,
                  Article.article_type, Article.text_withheld).where(Article.id.in_([m.id for m in matches]))
    found = {r.id: r for r in session.execute(stmt)}
    rows = []
    for m in matches:
        r = found.get(m.id)
        if r is None:  # deleted since the sample was taken
            continue
        rows.append({"id": r.id, "title": r.title, "lead": r.lead, "published_at": r.published_at,
                     "relevant": r.relevant, "article_type": r.article_type, "text_withheld": r.text_withheld,
                     "outlet": outlets.get(m.outlet_id) if m.outlet_id else None, "modus": list(m.modus)})
    return rows


def search_page(db: Database, f: ArticleFilter, page: int, size: int, *,
                with_facets: bool = True) -> tuple[SearchPage, str]:
    """Page ``page`` of the results, the count (exact up to FACET_SAMPLE) and the facets, and how the cache served it:
    ``hit`` (the whole page), ``partial`` (the filter's sample; only the page's rows were read) or ``miss``.

    The returned page may be shared with other requests: callers must not modify it.
    """
    cache = cache_of(db)
    version = cache.version(db)
    key = filter_key(f)
    page_key = ("page", key, page, size, with_facets, version)
    found, result = cache.get(page_key)
    if found:
        return result, "hit"
    outlets = outlet_names(db)
    with db.session(readonly=True) as s:
        filtered: list[Select[Any]] = []

        def base() -> Select[Any]:  # built on first use: a cached sample needs no outlet / text-search lookup
            if not filtered:
                filtered.append(_filtered(s, f))
            return filtered[0]

        newest, sample_hit = cache.get_or_compute(("sample", key, version), CACHE_SECONDS,
                                                  lambda: sample(s, f, base, FACET_SAMPLE + 1))
        matched = newest[:FACET_SAMPLE]  # one more was fetched only to know whether there are more
        start, end = (page - 1) * size, page * size
        if end <= len(matched) or len(newest) <= FACET_SAMPLE:
            shown = matched[start:end]
        else:
            shown = _matches(s, f, base, size, (page - 1) * size)  # the same fixed plan, further down
        rows = page_rows(s, shown, outlets)
    total, capped = len(matched), len(newest) > FACET_SAMPLE
    result = SearchPage(rows, total, capped)
    if with_facets:
        result.facets = facets(matched, outlets)
        result.facet_sample = len(matched)
        result.facet_capped = capped
    cache.put(page_key, result, CACHE_SECONDS)
    return result, "partial" if sample_hit else "miss"
