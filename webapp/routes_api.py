"""Research API under /api/v1 (read-only, Bearer token): search, article, cases, aggregates, export."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response, StreamingResponse
from sqlalchemy import func, select

from models.cases import Case, CaseArticle, CaseLocation
from models.corpus import Article, Outlet
from models.queries import QueryError, counts_by
from webapp import corrections, deps, export
from webapp.deps import CurrentUser
from webapp.filters import parse_filter
from webapp.cache import CACHE_HEADER
from webapp.search import SearchPage, search_page

router = APIRouter(prefix="/api/v1", tags=["research"])
Auth = Annotated[CurrentUser, Depends(deps.api_user)]
Text = Annotated[str, Query(max_length=500)]
Short = Annotated[str, Query(max_length=100)]


def _filter(request: Request) -> Any:
    parsed = parse_filter(request.query_params)
    if parsed.errors:
        raise HTTPException(400, "; ".join(parsed.errors))
    return parsed


@router.get("/docs", include_in_schema=False)
def docs(request: Request) -> Any:
    from webapp.rendering import render

    return render(request, "api_docs.html", schema=request.app.openapi())


def _search_body(result: SearchPage, page: int, facets: bool) -> bytes:
    """The JSON of one search page (plain json.dumps: no per-field validation of a read-only answer)."""
    rows = [{**r, "published_at": r["published_at"].isoformat() if r["published_at"] else None} for r in result.rows]
    body: dict[str, Any] = {"total": result.total, "total_capped": result.total_capped, "page": page, "results": rows}
    if facets:
        body["facets"] = {k: [{"value": v, "label": lab, "count": n} for v, lab, n in rows]
                          for k, rows in result.facets.items()}
        body["facet_sample"] = result.facet_sample
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@router.get("/search", summary="Full-text search with filters (one page, with facet counts)",
            response_model=dict[str, Any])
def api_search(request: Request, user: Auth, q: Text = "", since: Short = "", until: Short = "", outlet: Short = "",
               modus: Short = "", province: Short = "", kabkota: Short = "", article_type: Short = "",
               relevant: Short = "", page: Annotated[int, Query(ge=1, le=500)] = 1,
               size: Annotated[int, Query(ge=1, le=100)] = 20, facets: bool = False) -> Response:
    parsed = _filter(request)
    try:
        result, state = search_page(deps.db_of(request), parsed.filter, page, size, with_facets=facets)
    except QueryError as exc:
        raise HTTPException(400, str(exc)) from exc
    return Response(_search_body(result, page, facets), media_type="application/json",
                    headers={CACHE_HEADER: state})


@router.get("/articles/{article_id}", summary="One article: metadata, text unless withheld, labels, permission")
def api_article(request: Request, article_id: int, user: Auth) -> dict[str, Any]:
    with deps.db_of(request).session(readonly=True) as s:
        a = deps.get_or_404(s, Article, article_id, f"no article {article_id}")
        labels = corrections.effective_labels(s, a)
        outlet = s.get(Outlet, a.outlet_id) if a.outlet_id else None
        return {
            "id": a.id, "canonical_url": a.canonical_url, "outlet": outlet.name if outlet else None, "title": a.title,
            "lead": a.lead, "text": None if (a.text_withheld or a.tdm_reserved) else a.text,
            "text_withheld": a.text_withheld, "published_at": a.published_at.isoformat() if a.published_at else None,
            "language": a.language, "permission": {"robots": a.robots_verdict, "tdm_reserved": a.tdm_reserved,
                                                   "tdm_policy_url": a.tdm_policy_url, **(a.permission or {})},
            "labels": {k: labels[k] for k in ("relevant", "article_type", "modus", "locations", "evidence",
                                              "model_version", "corrected")},
            "victims": a.victims,
        }


def _case_json(c: Case) -> dict[str, Any]:
    return {"id": c.id, "title": c.title, "summary": c.summary, "stage": c.stage, "modus": c.modus, "victims": c.victims,
            "suspects": c.suspects, "first_seen": c.first_seen.isoformat(), "last_seen": c.last_seen.isoformat(),
            "article_count": c.article_count, "outlet_count": c.outlet_count}


@router.get("/cases", summary="Cases, newest first")
def api_cases(request: Request, user: Auth, page: Annotated[int, Query(ge=1, le=10_000)] = 1,
              size: Annotated[int, Query(ge=1, le=200)] = 50) -> dict[str, Any]:
    with deps.db_of(request).session(readonly=True) as s:
        total = s.execute(select(func.count()).select_from(Case)).scalar_one()
        rows = s.execute(select(Case).order_by(Case.last_seen.desc(), Case.id.desc()).limit(size)
                         .offset((page - 1) * size)).scalars().all()
        return {"total": total, "page": page, "results": [_case_json(c) for c in rows]}


@router.get("/cases/{case_id}", summary="One case with its articles and places")
def api_case(request: Request, case_id: int, user: Auth) -> dict[str, Any]:
    with deps.db_of(request).session(readonly=True) as s:
        c = deps.get_or_404(s, Case, case_id, f"no case {case_id}")
        body = _case_json(c)
        body["articles"] = [int(i) for i in s.execute(select(CaseArticle.article_id).where(CaseArticle.case_id == case_id)).scalars()]
        body["places"] = [{"name": p.name, "level": p.level, "code": p.code, "role": p.role, "country": p.country}
                          for p in s.execute(select(CaseLocation).where(CaseLocation.case_id == case_id)).scalars()]
        return body


@router.get("/aggregates", summary="Article counts by week (ISO, WIB), modus, province or outlet")
def api_aggregates(request: Request, user: Auth, by: Literal["week", "modus", "province", "outlet"] = "week",
                   q: Text = "", since: Short = "", until: Short = "", outlet: Short = "", modus: Short = "",
                   province: Short = "", kabkota: Short = "", article_type: Short = "",
                   relevant: Short = "") -> dict[str, Any]:
    parsed = _filter(request)
    try:
        with deps.db_of(request).session(readonly=True) as s:
            rows = counts_by(s, by, parsed.filter)
    except QueryError as exc:
        raise HTTPException(400, str(exc)) from exc
    return {"by": by, "counts": [{"key": k, "count": n} for k, n in rows]}


@router.get("/export", summary="Streamed export of a query (CSV or JSON Lines); no full text where withheld")
def api_export(request: Request, user: Auth, format: Literal["csv", "jsonl"] = "jsonl", q: Text = "",
               since: Short = "", until: Short = "", outlet: Short = "", modus: Short = "", province: Short = "",
               kabkota: Short = "", article_type: Short = "", relevant: Short = "", include_text: bool = False,
               limit: Annotated[int, Query(ge=1, le=export.MAX_EXPORT_ROWS)] = 100_000) -> StreamingResponse:
    parsed = _filter(request)
    parsed.filter.limit = limit
    with deps.db_of(request).session(readonly=True) as s:  # validate before the stream starts
        try:
            from sqlalchemy import select as _select

            from models.queries import _apply_filters

            _apply_filters(s, _select(Article.id), parsed.filter)  # builds (and checks) without running
        except QueryError as exc:
            raise HTTPException(400, str(exc)) from exc
    db = deps.db_of(request)
    if format == "csv":
        return StreamingResponse(export.csv_stream(db, parsed.filter, include_text), media_type="text/csv; charset=utf-8",
                                 headers={"content-disposition": "attachment; filename=pantau-export.csv"})
    return StreamingResponse(export.jsonl(db, parsed.filter, include_text), media_type="application/x-ndjson",
                             headers={"content-disposition": "attachment; filename=pantau-export.jsonl"})
