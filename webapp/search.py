"""Search results pages: one page of articles, a capped count and facet counts over the newest matches.

Facets and the count are computed over at most ``FACET_SAMPLE`` / ``COUNT_CAP`` newest matching
articles so that a broad query on a million-article corpus answers quickly; the page says so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.corpus import Article, LocationMention, ModusTag, Outlet
from models.queries import ArticleFilter, _apply_filters  # the one place filters are written
from pantau import regions

COUNT_CAP = 10_000
FACET_SAMPLE = 200  # newest matches behind the count, the facets and the first pages
CACHE_SECONDS = 60.0  # facets and counts of a filter are reused while paging (per process)
_CACHE: dict[tuple[Any, ...], tuple[float, Any]] = {}
_CACHE_LOCK = threading.Lock()
_CACHE_MAX = 512


@dataclass
class SearchPage:
    rows: list[dict[str, Any]]
    total: int
    total_capped: bool
    facets: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)  # name -> (value, label, n)
    facet_sample: int = 0
    facet_capped: bool = False


def _filtered_ids(session: Session, f: ArticleFilter, limit: int, offset: int = 0) -> Any:
    stmt = _apply_filters(session, select(Article.id).select_from(Article), f)
    return stmt.order_by(Article.id.desc()).limit(limit).offset(offset)


def page_rows(session: Session, f: ArticleFilter, page: int, size: int,
              known_ids: list[int] | None = None) -> list[dict[str, Any]]:
    """One page of results; ``known_ids`` (already matched, newest first) avoids running the filter again."""
    if known_ids is not None:
        if not known_ids:
            return []
        ids = select(Article.id).where(Article.id.in_(known_ids)).subquery()
    else:
        ids = _filtered_ids(session, f, size, (page - 1) * size).subquery()
    stmt = (
        select(Article.id, Article.title, Article.lead, Article.published_at, Article.relevant, Article.article_type,
               Article.text_withheld, Article.classification_id, Outlet.name.label("outlet"))
        .join(ids, ids.c.id == Article.id)
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .order_by(Article.id.desc())
    )
    rows = [dict(r._mapping) for r in session.execute(stmt)]
    cids = [r["classification_id"] for r in rows if r["classification_id"]]
    modus: dict[int, list[str]] = {}
    if cids:
        for cid, m in session.execute(select(ModusTag.classification_id, ModusTag.modus).where(ModusTag.classification_id.in_(cids))):
            modus.setdefault(cid, []).append(m)
    for r in rows:
        r["modus"] = sorted(modus.get(r.pop("classification_id") or -1, []))
    return rows


def capped_count(session: Session, f: ArticleFilter, cap: int = COUNT_CAP) -> tuple[int, bool]:
    sub = _filtered_ids(session, f, cap + 1).subquery()
    n = int(session.execute(select(func.count()).select_from(sub)).scalar_one())
    return min(n, cap), n > cap


def sample(session: Session, f: ArticleFilter, size: int = FACET_SAMPLE) -> list[Any]:
    """The ``size`` newest matching articles (id, classification, outlet, type): one filtered query."""
    return list(session.execute(_apply_filters(
        session, select(Article.id, Article.classification_id, Article.outlet_id, Article.article_type).select_from(Article), f
    ).order_by(Article.id.desc()).limit(size)).all())


def facets(session: Session, f: ArticleFilter, matched: list[Any] | None = None) -> tuple[dict[str, list[tuple[str, str, int]]], int]:
    """Facet counts over the newest matching articles (``matched``, else a fresh sample)."""
    from pantau.taxonomy import MODUS_LABELS_ID

    if matched is None:
        matched = sample(session, f)
    cids = [r.classification_id for r in matched if r.classification_id]
    outlets: Counter[int] = Counter(r.outlet_id for r in matched if r.outlet_id)
    types: Counter[str] = Counter(r.article_type for r in matched if r.article_type)
    modus: Counter[str] = Counter()
    provinces: dict[str, set[int]] = {}
    kabkota: dict[str, set[int]] = {}
    for chunk in (cids[i:i + 1000] for i in range(0, len(cids), 1000)):
        modus.update(m for (m,) in session.execute(select(ModusTag.modus).where(ModusTag.classification_id.in_(chunk))))
        for cid, pcode, code, level in session.execute(
                select(LocationMention.classification_id, LocationMention.province_code, LocationMention.code,
                       LocationMention.level).where(LocationMention.classification_id.in_(chunk))):
            if pcode:
                provinces.setdefault(pcode, set()).add(cid)
            if level == "kabkota" and code:
                kabkota.setdefault(code, set()).add(cid)
    names = dict(session.execute(select(Outlet.id, Outlet.name).where(Outlet.id.in_(list(outlets)))).all()) if outlets else {}
    prov_names, kab_names = regions.provinces(), regions.kabkota()
    out = {
        "outlet": _top((str(names.get(k, k)), str(names.get(k, k)), n) for k, n in outlets.items()),
        "article_type": _top((k, k, n) for k, n in types.items()),
        "modus": _top((k, MODUS_LABELS_ID.get(k, k), n) for k, n in modus.items()),
        "province": _top((k, prov_names.get(k, k), len(v)) for k, v in provinces.items())[:15],
        "kabkota": _top((k, kab_names.get(k, (k, ""))[0], len(v)) for k, v in kabkota.items())[:15],
    }
    return out, len(matched)


def _top(rows: Iterable[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    return sorted(rows, key=lambda r: (-r[2], r[0]))


def _cached(key: tuple[Any, ...], compute: Any) -> Any:
    now = time.monotonic()
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
        if hit is not None and hit[0] > now:
            return hit[1]
    value = compute()
    with _CACHE_LOCK:
        if len(_CACHE) >= _CACHE_MAX:
            for k in [k for k, (exp, _) in _CACHE.items() if exp <= now] or list(_CACHE)[: _CACHE_MAX // 4]:
                _CACHE.pop(k, None)
        _CACHE[key] = (now + CACHE_SECONDS, value)
    return value


def _key(session: Session, kind: str, f: ArticleFilter) -> tuple[Any, ...]:
    return (kind, str(session.get_bind().url), f.q, f.since, f.until, f.outlet, f.modus, f._province_code,
            f._kabkota_code, f.article_type, f.relevant_only)


def search_page(session: Session, f: ArticleFilter, page: int, size: int, *, with_facets: bool = True) -> SearchPage:
    """Page ``page`` of the results, the count (exact up to FACET_SAMPLE, then "N+") and facets.

    The newest FACET_SAMPLE matches are fetched once per filter (cached CACHE_SECONDS): pages inside
    that window, the count and the facets all come from them, so paging costs one primary-key query.
    """
    matched = _cached(_key(session, "sample", f), lambda: sample(session, f))
    start, end = (page - 1) * size, page * size
    if end <= len(matched) or len(matched) < FACET_SAMPLE:
        rows = page_rows(session, f, page, size, [r.id for r in matched[start:end]])
    else:
        rows = page_rows(session, f, page, size)
    result = SearchPage(rows, len(matched), len(matched) >= FACET_SAMPLE)
    if with_facets:
        result.facets, result.facet_sample = _cached(_key(session, "facets", f), lambda: facets(session, f, matched))
        result.facet_capped = result.total_capped
    return result
