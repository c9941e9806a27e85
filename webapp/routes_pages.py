"""Ringkasan, Wilayah, Peringatan, Digest, Sumber and the model evaluation page."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from models.operations import Digest, Signal, Subscription
from pantau import regions
from webapp import deps, overview
from webapp.cache import cached
from webapp.deps import CurrentUser
from webapp.rendering import render

router = APIRouter(include_in_schema=False)
FIGURES_SECONDS = 600.0  # counts over the corpus, reused until the corpus changes (webapp.cache)


@router.get("/")
def home(request: Request, user: Annotated[CurrentUser, Depends(deps.page_user)]) -> Any:
    province = overview.scope_province(user.scope_codes)
    db = deps.db_of(request)
    today = overview.today_wib()
    monday = today - timedelta(days=today.weekday())

    def counts() -> dict[str, int]:
        with db.session(readonly=True) as s:
            return overview.week_counts(s, province, monday)

    week_counts = cached(db, ("week-counts", province, monday), FIGURES_SECONDS, counts)
    with db.session(readonly=True) as s:
        data = overview.overview(s, province, counts=week_counts)
        s.expunge_all()
    peak = max([n for _, n in data.trend] + [1])
    return render(request, "home.html", data=data, peak=peak,
                  scope=regions.provinces().get(province or "", "Nasional"))


@router.get("/wilayah")
def places(request: Request, user: Annotated[CurrentUser, Depends(deps.page_user)], weeks: str = "12",
           province: str = "", sort: str = "count") -> Any:
    errors = []
    n_weeks = int(weeks) if weeks.isdigit() and int(weeks) in (4, 12, 26, 52, 260) else 12
    if weeks != str(n_weeks):
        errors.append(f"periode tidak valid: {weeks[:20]!r} (4, 12, 26, 52 atau 260 minggu)")
    code = None
    if province:
        try:
            code = regions.province_code(province[:100])
        except regions.UnknownRegion as exc:
            errors.append(str(exc))
    since = overview.today_wib() - timedelta(weeks=n_weeks)
    db = deps.db_of(request)

    def load() -> list[tuple[str, str, int]]:
        with db.session(readonly=True) as s:
            return overview.by_place(s, since, code)

    rows = list(cached(db, ("by-place", since, code), FIGURES_SECONDS, load))
    rows.sort(key=(lambda r: r[1]) if sort == "name" else (lambda r: (-r[2], r[1])))
    peak = max([r[2] for r in rows] + [1])
    return render(request, "places.html", 400 if errors else 200, rows=rows, peak=peak, weeks=n_weeks,
                  province=code, province_name=regions.provinces().get(code or "", ""), sort=sort, errors=errors,
                  provinces=regions.provinces())


@router.get("/peringatan")
def signals(request: Request, user: Annotated[CurrentUser, Depends(deps.page_user)]) -> Any:
    with deps.db_of(request).session(readonly=True) as s:
        rows = s.execute(select(Signal).order_by(Signal.created_at.desc(), Signal.id.desc()).limit(200)).scalars().all()
        s.expunge_all()
    return render(request, "signals.html", signals=rows)


@router.get("/digest")
def digests(request: Request, user: Annotated[CurrentUser, Depends(deps.page_user)]) -> Any:
    with deps.db_of(request).session(readonly=True) as s:
        rows = s.execute(select(Digest.id, Digest.week, Digest.subject, Digest.language, Digest.created_at,
                                Subscription.name.label("subscription"))
                         .join(Subscription, Subscription.id == Digest.subscription_id)
                         .order_by(Digest.week.desc(), Digest.id.desc()).limit(300)).all()
    return render(request, "digests.html", digests=rows)


def _digest(request: Request, digest_id: int) -> Digest:
    with deps.db_of(request).session(readonly=True) as s:
        d = deps.get_or_404(s, Digest, digest_id)
        s.expunge(d)
        return d


@router.get("/digest/{digest_id}")
def digest_page(request: Request, digest_id: int, user: Annotated[CurrentUser, Depends(deps.page_user)]) -> Any:
    return render(request, "digest.html", digest=_digest(request, digest_id))


@router.get("/digest/{digest_id}/html")
def digest_html(request: Request, digest_id: int, user: Annotated[CurrentUser, Depends(deps.page_user)]) -> Any:
    """The digest exactly as rendered, in a sandbox (no scripts, no same-origin access)."""
    d = _digest(request, digest_id)
    return HTMLResponse(d.html, headers={"content-security-policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"})


@router.get("/sumber")
def sources(request: Request, user: Annotated[CurrentUser, Depends(deps.page_user)]) -> Any:
    db = deps.db_of(request)

    def load() -> dict[int, int]:
        with db.session(readonly=True) as s:
            return overview.stored_by_outlet(s)

    stored = cached(db, ("stored-by-outlet",), FIGURES_SECONDS, load)
    with db.session(readonly=True) as s:
        rows = overview.sources(s, stored)
        runs = overview.crawl_runs(s)
        jobs = overview.job_runs(s)
        s.expunge_all()
    return render(request, "sources.html", rows=rows, runs=runs, jobs=jobs, saved=request.query_params.get("tersimpan"))


@router.get("/evaluasi")
def evaluation(request: Request, user: Annotated[CurrentUser, Depends(deps.page_user)]) -> Any:
    """Model versions compared on the held-out set (reports written by `pantau nlp train --with-corrections`
    or `pantau nlp evaluate --json`)."""
    from nlp.corrections import EVALUATIONS_SUBDIR

    folder = request.app.state.data_dir / EVALUATIONS_SUBDIR
    reports = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            report = json.loads(path.read_text(encoding="utf-8"))
            from nlp.evaluate import headline

            reports.append((report.get("model_version", path.stem), headline(report), path.stat().st_mtime))
        except (ValueError, KeyError, TypeError, OSError):
            continue
    reports.sort(key=lambda r: r[2])
    metrics = list(reports[0][1]) if reports else []
    return render(request, "evaluation.html", reports=reports, metrics=metrics)
