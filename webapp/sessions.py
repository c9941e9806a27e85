"""Signed session cookies (itsdangerous, with expiry) and CSRF tokens bound to them.

The cookie carries the user id, a random nonce and the issue time, signed with the secret key.
It is HttpOnly, SameSite=Lax, and Secure whenever the request came over HTTPS. The CSRF token is
an HMAC of the nonce: every form carries it and every POST is refused without the right one.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response

SESSION_COOKIE = "pantau_session"
ANON_COOKIE = "pantau_anon"
SESSION_MAX_AGE = 8 * 3600


@dataclass(frozen=True)
class SessionData:
    user_id: int | None
    nonce: str
    expired: bool = False


class SessionCodec:
    def __init__(self, secret: str, max_age: int = SESSION_MAX_AGE) -> None:
        self._secret = secret.encode()
        self._serializer = URLSafeTimedSerializer(secret, salt="pantau-session")
        self.max_age = max_age

    def dumps(self, user_id: int | None) -> tuple[str, str]:
        nonce = secrets.token_urlsafe(16)
        return self._serializer.dumps({"u": user_id, "n": nonce}), nonce

    def loads(self, raw: str | None) -> SessionData | None:
        if not raw:
            return None
        try:
            data = self._serializer.loads(raw, max_age=self.max_age)
        except SignatureExpired:
            return SessionData(None, "", expired=True)
        except BadSignature:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("n"), str):
            return None
        uid = data.get("u")
        return SessionData(uid if isinstance(uid, int) else None, data["n"])

    def csrf_for(self, nonce: str) -> str:
        return hmac.new(self._secret, b"csrf:" + nonce.encode(), hashlib.sha256).hexdigest()

    def csrf_ok(self, nonce: str, token: str | None) -> bool:
        return bool(nonce) and bool(token) and hmac.compare_digest(self.csrf_for(nonce), str(token))


def is_https(request: Request) -> bool:
    return request.url.scheme == "https" or request.headers.get("x-forwarded-proto", "") == "https"


def set_cookie(response: Response, request: Request, name: str, value: str, max_age: int) -> None:
    response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="lax", secure=is_https(request), path="/")


def secret_from_data_dir(data_dir: Path) -> str:
    """The secret key kept in ``<data_dir>/secret_key`` (created once, readable by the owner only)."""
    path = data_dir / "secret_key"
    if path.is_file():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.write_text(key)
    path.chmod(0o600)
    return key
