"""Kasus: the list of cases with filters, and a case page with articles, places and timeline."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from models.cases import Case, CaseArticle, CaseLocation
from models.corpus import Article, Outlet
from pantau import regions
from pantau.taxonomy import MODUS
from webapp import deps
from webapp.deps import CurrentUser
from webapp.rendering import render

router = APIRouter(include_in_schema=False)
CASES_PER_PAGE = 25


def list_cases(s: Session, modus: str | None, province: str | None, page: int) -> tuple[list[Case], int]:
    stmt = select(Case)
    count = select(func.count()).select_from(Case)
    conds = []
    if province:
        conds.append(exists().where(CaseLocation.case_id == Case.id, CaseLocation.province_code == province))
    rows = s.execute(stmt.where(*conds).order_by(Case.last_seen.desc(), Case.id.desc())
                     .limit(CASES_PER_PAGE * 20 if modus else CASES_PER_PAGE)
                     .offset(0 if modus else (page - 1) * CASES_PER_PAGE)).scalars().all()
    if modus:  # modus is a JSON list: filter in Python over a bounded window (portable across backends)
        matching = [c for c in rows if modus in (c.modus or [])]
        return matching[(page - 1) * CASES_PER_PAGE: page * CASES_PER_PAGE], len(matching)
    return list(rows), int(s.execute(count.where(*conds)).scalar_one())


@router.get("/kasus")
def cases(request: Request, user: Annotated[CurrentUser, Depends(deps.page_user)], modus: str = "", province: str = "",
          page: str = "1") -> Any:
    errors = []
    if modus and modus not in MODUS:
        errors.append(f"modus tidak dikenal: {modus[:40]!r}")
        modus = ""
    code = ""
    if province:
        try:
            code = regions.province_code(province[:100])
        except regions.UnknownRegion as exc:
            errors.append(str(exc))
    n = int(page) if page.isdigit() and 0 < int(page) <= 1000 else 1
    with deps.db_of(request).session(readonly=True) as s:
        rows, total = list_cases(s, modus or None, code or None, n)
        s.expunge_all()
    return render(request, "cases.html", 400 if errors else 200, cases=rows, total=total, page=n, errors=errors,
                  values={"modus": modus, "province": province}, provinces=regions.provinces(), per_page=CASES_PER_PAGE)


@router.get("/kasus/{case_id}")
def case_page(request: Request, case_id: int, user: Annotated[CurrentUser, Depends(deps.page_user)]) -> Any:
    with deps.db_of(request).session(readonly=True) as s:
        case = deps.get_or_404(s, Case, case_id)
        articles = s.execute(
            select(Article.id, Article.title, Article.published_at, Outlet.name.label("outlet"), CaseArticle.reason)
            .join(CaseArticle, CaseArticle.article_id == Article.id).outerjoin(Outlet, Outlet.id == Article.outlet_id)
            .where(CaseArticle.case_id == case_id).order_by(Article.published_at.nulls_last(), Article.id)
        ).all()
        places = s.execute(select(CaseLocation).where(CaseLocation.case_id == case_id)
                           .order_by(CaseLocation.role, CaseLocation.name)).scalars().all()
        s.expunge_all()
    return render(request, "case.html", case=case, articles=articles, places=places)
