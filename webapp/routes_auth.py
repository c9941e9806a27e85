"""Logging in and out (rate limited, CSRF-checked) and the language switch."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from webapp import deps
from webapp.accounts import TooManyAttempts, authenticate
from webapp.rendering import render
from webapp.sessions import SESSION_COOKIE, set_cookie

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target[:1000]


@router.get("/masuk")
def login_form(request: Request, next: str = "/", expired: str = "") -> Any:
    message = "Sesi Anda berakhir; silakan masuk lagi." if expired else None
    return render(request, "login.html", next=_safe_next(next), message=message)


@router.post("/masuk")
def login(request: Request, username: str = Form("", max_length=200), password: str = Form("", max_length=500),
          csrf_token: str = Form("", max_length=200), next: str = Form("/", max_length=1000)) -> Any:
    deps.check_csrf(request, csrf_token)
    remote = request.client.host if request.client else None
    try:
        with deps.db_of(request).session() as s:
            user = authenticate(s, username, password, remote)
    except TooManyAttempts:
        return render(request, "login.html", 429, next=_safe_next(next),
                      message="Terlalu banyak percobaan gagal; coba lagi 15 menit lagi.")
    if user is None:
        return render(request, "login.html", 401, next=_safe_next(next), message="Nama pengguna atau kata sandi salah.")
    raw, _ = deps.codec_of(request).dumps(user.id)
    response = RedirectResponse(_safe_next(next), status_code=303)
    set_cookie(response, request, SESSION_COOKIE, raw, deps.codec_of(request).max_age)
    return response


@router.post("/keluar")
def logout(request: Request, csrf_token: str = Form("", max_length=200)) -> Any:
    deps.check_csrf(request, csrf_token)
    response = RedirectResponse("/masuk", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/bahasa/{lang}")
def switch_language(request: Request, lang: str, next: str = "/") -> Any:
    response = RedirectResponse(_safe_next(next), status_code=303)
    if lang in ("id", "en"):
        response.set_cookie("pantau_lang", lang, max_age=365 * 86400, samesite="lax", path="/")
    return response
