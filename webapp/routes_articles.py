"""Artikel: full-text search with filters and facets, the article page, and analysts' corrections."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from models.corpus import Article, Outlet
from models.queries import QueryError
from webapp import corrections, deps
from webapp.cache import CACHE_HEADER, cache_of
from webapp.deps import CurrentUser
from webapp.filters import PAGE_SIZE, parse_filter
from webapp.rendering import render
from webapp.search import SearchPage, outlet_names, search_page

router = APIRouter(include_in_schema=False)


def _outlets(request: Request) -> list[str]:
    """Outlet names for the filter form (cached per process until the corpus changes)."""
    return sorted(outlet_names(deps.db_of(request)).values())


@router.get("/artikel")
def articles(request: Request, user: Annotated[CurrentUser, Depends(deps.page_user)]) -> Any:
    parsed = parse_filter(request.query_params)
    result: SearchPage | None = None
    errors = list(parsed.errors)
    state = "miss"
    try:
        result, state = search_page(deps.db_of(request), parsed.filter, parsed.page, PAGE_SIZE)
    except QueryError as exc:
        errors.append(str(exc))
    base = {k: v for k, v in parsed.values.items() if v}
    status = 400 if errors and result is None else 200
    response = render(request, "articles.html", status, result=result, errors=errors, values=parsed.values,
                      page=parsed.page, page_size=PAGE_SIZE, outlets=_outlets(request),
                      query_base=urlencode(base), export_query=urlencode(base))
    response.headers[CACHE_HEADER] = state
    return response


def _article_or_404(s: Any, article_id: int) -> Article:
    return deps.get_or_404(s, Article, article_id)


def _article_page(request: Request, article_id: int, status: int = 200, **extra: Any) -> Any:
    with deps.db_of(request).session(readonly=True) as s:
        article = _article_or_404(s, article_id)
        labels = corrections.effective_labels(s, article)
        history = corrections.history(s, article.id)
        outlet = s.get(Outlet, article.outlet_id) if article.outlet_id else None
        s.expunge_all()
    return render(request, "article.html", status, article=article, labels=labels, history=history, outlet=outlet,
                  locations_text=corrections.locations_text(labels["locations"]), **extra)


@router.get("/artikel/{article_id}")
def article_page(request: Request, article_id: int, user: Annotated[CurrentUser, Depends(deps.page_user)]) -> Any:
    return _article_page(request, article_id, saved=request.query_params.get("tersimpan") == "1")


@router.post("/artikel/{article_id}/koreksi")
def correct(request: Request, article_id: int, user: Annotated[CurrentUser, Depends(deps.require("analyst"))],
            csrf_token: Annotated[str, Form(max_length=200)] = "",
            relevant: Annotated[str, Form(max_length=10)] = "",
            article_type: Annotated[str, Form(max_length=20)] = "",
            modus: Annotated[list[str] | None, Form()] = None,
            locations: Annotated[str | None, Form(max_length=10_000)] = None) -> Any:
    deps.check_csrf(request, csrf_token)
    try:
        values = corrections.parse_form(relevant, article_type, modus or [], locations)
    except corrections.CorrectionError as exc:
        with deps.db_of(request).session(readonly=True) as s:
            _article_or_404(s, article_id)
        return _article_page(request, article_id, 400, correction_error=str(exc))
    with deps.db_of(request).session() as s:
        article = _article_or_404(s, article_id)
        corrections.save(s, article, values, user.username)
    cache_of(deps.db_of(request)).invalidate()
    return RedirectResponse(f"/artikel/{article_id}?tersimpan=1", status_code=303)
