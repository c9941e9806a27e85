"""Request context: the database, the signed-in user, the language, role checks and CSRF checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from fastapi import HTTPException, Request

from sqlalchemy.orm import Session

from models.db import Database
from webapp.accounts import get_user, role_at_least, user_for_token
from webapp.sessions import ANON_COOKIE, SESSION_COOKIE, SessionCodec, SessionData


@dataclass(frozen=True)
class CurrentUser:
    id: int
    username: str
    role: str
    scope_codes: str | None

    def can(self, role: str) -> bool:
        return role_at_least(self.role, role)


MAX_ID = 2**31 - 1  # primary keys are 32-bit: a larger id in a URL is a 404, not a database error
_Row = TypeVar("_Row")


def get_or_404(session: Session, model: type[_Row], ident: int, detail: str | None = None) -> _Row:
    """The row of ``model`` with primary key ``ident``, or a 404 (with ``detail`` where the caller gives one)."""
    row = session.get(model, ident) if 0 < ident <= MAX_ID else None
    if row is None:
        raise HTTPException(404, detail)
    return row


class LoginRequired(Exception):
    def __init__(self, expired: bool = False) -> None:
        self.expired = expired


class CsrfFailed(Exception):
    pass


def db_of(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def codec_of(request: Request) -> SessionCodec:
    codec: SessionCodec = request.app.state.codec
    return codec


def lang_of(request: Request) -> str:
    lang = request.cookies.get("pantau_lang", "id")
    return lang if lang in ("id", "en") else "id"


def _cookie(request: Request, name: str) -> SessionData | None:
    """The decoded session cookie ``name`` (verified once per request)."""
    cache: dict[str, SessionData | None] | None = getattr(request.state, "cookies", None)
    if cache is None:
        cache = request.state.cookies = {}
    if name not in cache:
        cache[name] = codec_of(request).loads(request.cookies.get(name))
    return cache[name]


def _session_user(request: Request) -> tuple[CurrentUser | None, bool]:
    data = _cookie(request, SESSION_COOKIE)
    if data is None:
        return None, False
    if data.expired:
        return None, True
    if data.user_id is None:
        return None, False
    with db_of(request).session(readonly=True) as s:
        user = get_user(s, data.user_id)
        if user is None:
            return None, False
        return CurrentUser(user.id, user.username, user.role, user.scope_codes), False


def page_user(request: Request) -> CurrentUser:
    """Dependency of every page: the signed-in user, else a redirect to the login form."""
    user, expired = _session_user(request)
    if user is None:
        raise LoginRequired(expired)
    request.state.user = user
    return user


def require(role: str) -> Any:
    def dependency(request: Request) -> CurrentUser:
        user = page_user(request)
        if not user.can(role):
            raise HTTPException(403, "Peran Anda tidak mengizinkan tindakan ini.")
        return user

    return dependency


def api_user(request: Request) -> CurrentUser:
    """Dependency of the research API: a Bearer token (read-only) or a signed-in session."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        token = header[7:].strip()
        with db_of(request).session(readonly=True) as s:
            user = user_for_token(s, token) if 0 < len(token) <= 200 else None
            if user is not None:
                return CurrentUser(user.id, user.username, user.role, user.scope_codes)
        raise HTTPException(401, "invalid or revoked API token", headers={"WWW-Authenticate": "Bearer"})
    user, _ = _session_user(request)
    if user is None:
        raise HTTPException(401, "authentication required: send 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    return user


def session_nonce(request: Request) -> str:
    data = _cookie(request, SESSION_COOKIE) or _cookie(request, ANON_COOKIE)
    return data.nonce if data and not data.expired else ""


def csrf_token(request: Request) -> str:
    nonce = getattr(request.state, "new_nonce", None) or session_nonce(request)
    return codec_of(request).csrf_for(nonce) if nonce else ""


def check_csrf(request: Request, token: str | None) -> None:
    if not codec_of(request).csrf_ok(session_nonce(request), token):
        raise CsrfFailed()
