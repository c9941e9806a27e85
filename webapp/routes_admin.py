"""Admin pages: outlets (enabled, permission record) and digest subscriptions."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse
from sqlalchemy import select

from models.base import utcnow
from models.corpus import PERMISSION_STATUSES, Outlet
from models.operations import Subscription
from pantau import regions
from pantau.taxonomy import MODUS
from webapp import deps
from webapp.cache import cache_of
from webapp.deps import CurrentUser
from webapp.rendering import render

router = APIRouter(include_in_schema=False)
Admin = Annotated[CurrentUser, Depends(deps.require("admin"))]
EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


@router.post("/admin/outlet/{outlet_id}")
def edit_outlet(request: Request, outlet_id: int, user: Admin, csrf_token: Annotated[str, Form(max_length=200)] = "",
                enabled: Annotated[str, Form(max_length=5)] = "",
                permission_status: Annotated[str, Form(max_length=30)] = "",
                permission_reason: Annotated[str, Form(max_length=2000)] = "",
                permission_reference: Annotated[str, Form(max_length=2000)] = "") -> Any:
    deps.check_csrf(request, csrf_token)
    if permission_status not in PERMISSION_STATUSES:
        raise HTTPException(400, f"status izin tidak dikenal: {permission_status[:30]!r}")
    with deps.db_of(request).session() as s:
        outlet = deps.get_or_404(s, Outlet, outlet_id)
        outlet.enabled = enabled == "1"
        outlet.permission_status = permission_status
        outlet.permission_reason = permission_reason.strip() or None
        outlet.permission_reference = permission_reference.strip() or None
        outlet.updated_at = utcnow()
    cache_of(deps.db_of(request)).invalidate()
    return RedirectResponse("/sumber?tersimpan=1", status_code=303)


@router.get("/admin/langganan")
def subscriptions(request: Request, user: Admin) -> Any:
    return _page(request)


def _page(request: Request, status: int = 200, error: str | None = None, values: dict[str, Any] | None = None) -> Any:
    with deps.db_of(request).session(readonly=True) as s:
        rows = s.execute(select(Subscription).order_by(Subscription.name)).scalars().all()
        s.expunge_all()
    return render(request, "subscriptions.html", status, subscriptions=rows, error=error, values=values or {},
                  provinces=regions.provinces())


def _parse_subscription(name: str, scope: str, modus: list[str], language: str, recipients: str) -> dict[str, Any]:
    name = name.strip()
    if not name:
        raise ValueError("nama langganan wajib diisi")
    codes: list[str] = []
    level = "national"
    for raw in [c for c in re.split(r"[,\s]+", scope.strip()) if c]:
        try:
            code = regions.kabkota_code(raw) if "." in raw or len(raw) == 4 else regions.province_code(raw)
        except regions.UnknownRegion as exc:
            raise ValueError(str(exc)) from exc
        codes.append(code)
    if codes:
        level = "kabkota" if all("." in c for c in codes) else "province"
        if level == "province" and any("." in c for c in codes):
            raise ValueError("cakupan: jangan campur provinsi dan kab/kota dalam satu langganan")
    bad = [m for m in modus if m not in MODUS]
    if bad:
        raise ValueError(f"modus tidak dikenal: {bad[0]!r}")
    if language not in ("id", "en"):
        raise ValueError("bahasa harus id atau en")
    emails = [e for e in re.split(r"[,\s]+", recipients.strip()) if e]
    wrong = [e for e in emails if not EMAIL.match(e)]
    if wrong or not emails:
        raise ValueError(f"alamat email tidak valid: {wrong[0][:80]!r}" if wrong else "isi minimal satu penerima")
    return {"name": name[:200], "scope_level": level, "scope_codes": codes, "modus": sorted(set(modus)),
            "language": language, "recipients": emails}


@router.post("/admin/langganan")
def add_subscription(request: Request, user: Admin, csrf_token: Annotated[str, Form(max_length=200)] = "",
                     name: Annotated[str, Form(max_length=200)] = "", scope: Annotated[str, Form(max_length=500)] = "",
                     modus: Annotated[list[str] | None, Form()] = None, language: Annotated[str, Form(max_length=5)] = "id",
                     recipients: Annotated[str, Form(max_length=5000)] = "") -> Any:
    deps.check_csrf(request, csrf_token)
    values = {"name": name, "scope": scope, "modus": modus or [], "language": language, "recipients": recipients}
    try:
        data = _parse_subscription(name, scope, modus or [], language, recipients)
    except ValueError as exc:
        return _page(request, 400, str(exc), values)
    with deps.db_of(request).session() as s:
        if s.execute(select(Subscription.id).where(Subscription.name == data["name"])).scalar() is not None:
            error = f"langganan {data['name']!r} sudah ada"
        else:
            s.add(Subscription(**data, active=True, created_at=utcnow()))
            error = None
    if error:
        return _page(request, 400, error, values)
    return RedirectResponse("/admin/langganan", status_code=303)


@router.post("/admin/langganan/{sub_id}/aktif")
def toggle_subscription(request: Request, sub_id: int, user: Admin,
                        csrf_token: Annotated[str, Form(max_length=200)] = "") -> Any:
    deps.check_csrf(request, csrf_token)
    with deps.db_of(request).session() as s:
        sub = deps.get_or_404(s, Subscription, sub_id)
        sub.active = not sub.active
    return RedirectResponse("/admin/langganan", status_code=303)
