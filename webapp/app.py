"""The FastAPI application: pages, research API, static files, error pages without tracebacks."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from models.db import Database
from webapp.deps import CsrfFailed, LoginRequired
from webapp.rendering import render
from webapp.sessions import SessionCodec

log = logging.getLogger("pantau.web")
MAX_URL = 4096
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
     b"frame-ancestors 'self'; form-action 'self'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"referrer-policy", b"same-origin"),
]


class GuardMiddleware:
    """Security headers on every response; oversized URLs refused before any work is done."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("raw_path", b"")) + len(scope.get("query_string", b"")) > MAX_URL:
            body = b"Permintaan terlalu panjang (URL melebihi 4096 karakter)."
            await send({"type": "http.response.start", "status": 414,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8"), *SECURITY_HEADERS]})
            await send({"type": "http.response.body", "body": body})
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in SECURITY_HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def create_app(db: Database, secret_key: str, *, data_dir: Path | None = None) -> FastAPI:
    from webapp import routes_admin, routes_api, routes_articles, routes_auth, routes_cases, routes_pages

    app = FastAPI(title="Pantau TPPO research API", version="1", docs_url=None, redoc_url=None,
                  openapi_url="/api/v1/openapi.json",
                  description="Read-only research API of Pantau TPPO. Authenticate with `Authorization: Bearer <token>` "
                              "(create one with `pantau users token`).")
    app.state.db = db
    app.state.codec = SessionCodec(secret_key)
    app.state.data_dir = data_dir or Path("data")
    app.add_middleware(GuardMiddleware)
    app.mount("/static", StaticFiles(directory=str(Path(__file__).parent / "static")), name="static")
    app.include_router(routes_auth.router)
    app.include_router(routes_pages.router)
    app.include_router(routes_articles.router)
    app.include_router(routes_cases.router)
    app.include_router(routes_admin.router)
    app.include_router(routes_api.router)

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Any:
        target = request.url.path + (("?" + request.url.query) if request.url.query else "")
        url = "/masuk?next=" + quote(target[:1000], safe="") + ("&expired=1" if exc.expired else "")
        return RedirectResponse(url, status_code=303)

    @app.exception_handler(CsrfFailed)
    async def csrf_failed(request: Request, exc: CsrfFailed) -> Any:
        return render(request, "error.html", 403, title="Akses ditolak",
                      message="Formulir kedaluwarsa atau tidak sah (CSRF); muat ulang halaman.")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if _is_api(request):
            return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)
        titles = {404: "Halaman tidak ditemukan", 403: "Akses ditolak", 405: "Terjadi kesalahan"}
        detail = str(exc.detail) if exc.status_code != 404 else "Halaman atau data yang Anda cari tidak ada."
        return render(request, "error.html", exc.status_code, title=titles.get(exc.status_code, "Terjadi kesalahan"),
                      message=detail)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Any:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', [])[1:]) or 'request'}: {e.get('msg', 'invalid')}" for e in exc.errors()[:5])
        if _is_api(request):
            return JSONResponse({"error": f"invalid request: {problems}"}, status_code=400)
        return render(request, "error.html", 400, title="Filter tidak valid", message=problems)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Any:
        log.exception("unhandled error on %s", request.url.path)
        if _is_api(request):
            return JSONResponse({"error": "internal error; it has been logged"}, status_code=500)
        return render(request, "error.html", 500, title="Terjadi kesalahan",
                      message="Kesalahan internal; sudah dicatat di log server.")

    return app
