"""Accounts of the web app: users with roles, argon2 passwords, read-only API tokens, login limits.

This is the Python API behind ``pantau users ...`` and the login form; it never prints.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from models.accounts import ROLES, ApiToken, LoginAttempt, User
from models.base import utcnow

RANK = {role: n for n, role in enumerate(ROLES)}
LOGIN_WINDOW = timedelta(minutes=15)
MAX_FAILURES = 5  # per username and per remote address within LOGIN_WINDOW
MIN_PASSWORD = 10
_HASHER = PasswordHasher()
# A hash to verify against when the user does not exist, so timing does not reveal usernames.
_DUMMY_HASH = _HASHER.hash("pantau-dummy-password")


class AccountError(ValueError):
    """A user-facing problem with an account operation (one line)."""


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    role: str
    active: bool
    created_at: datetime
    last_login_at: datetime | None


def _info(u: User) -> UserInfo:
    return UserInfo(u.id, u.username, u.role, u.active, u.created_at, u.last_login_at)


def role_at_least(role: str, needed: str) -> bool:
    return RANK.get(role, -1) >= RANK[needed]


def add_user(session: Session, username: str, password: str, role: str = "viewer") -> UserInfo:
    username = username.strip()
    if not username or len(username) > 100 or not username.replace("_", "").replace(".", "").replace("-", "").isalnum():
        raise AccountError(f"invalid username {username!r}: letters, digits, '.', '-', '_' (at most 100)")
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}: one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password too short: at least {MIN_PASSWORD} characters")
    if session.execute(select(User.id).where(User.username == username)).scalar() is not None:
        raise AccountError(f"user {username!r} already exists")
    user = User(username=username, password_hash=_HASHER.hash(password), role=role, active=True, created_at=utcnow())
    session.add(user)
    session.flush()
    return _info(user)


def list_users(session: Session) -> list[UserInfo]:
    return [_info(u) for u in session.execute(select(User).order_by(User.username)).scalars()]


def remove_user(session: Session, username: str) -> None:
    user = session.execute(select(User).where(User.username == username)).scalar()
    if user is None:
        raise AccountError(f"no user {username!r}")
    session.execute(delete(ApiToken).where(ApiToken.user_id == user.id))
    session.delete(user)


_SIGNED_IN = (User.id, User.username, User.role, User.scope_codes)


def get_user(session: Session, user_id: int) -> Any:
    """The active user ``user_id`` as a row (id, username, role, scope_codes), else None: one query."""
    return session.execute(select(*_SIGNED_IN).where(User.id == user_id, User.active.is_(True))).first()


def recent_failures(session: Session, username: str, remote: str | None) -> int:
    since = utcnow() - LOGIN_WINDOW
    by_name = session.execute(
        select(func.count()).select_from(LoginAttempt).where(
            LoginAttempt.username == username, LoginAttempt.success.is_(False), LoginAttempt.at >= since)
    ).scalar_one()
    by_remote = 0
    if remote:
        by_remote = session.execute(
            select(func.count()).select_from(LoginAttempt).where(
                LoginAttempt.remote == remote, LoginAttempt.success.is_(False), LoginAttempt.at >= since)
        ).scalar_one()
    return max(int(by_name), int(by_remote))


class TooManyAttempts(AccountError):
    pass


def authenticate(session: Session, username: str, password: str, remote: str | None) -> UserInfo | None:
    """Check a login; records the attempt. Raises TooManyAttempts when rate limited."""
    username = username.strip()[:100]
    if recent_failures(session, username, remote) >= MAX_FAILURES:
        raise TooManyAttempts(f"too many failed logins: wait {int(LOGIN_WINDOW.total_seconds() // 60)} minutes")
    user = session.execute(select(User).where(User.username == username)).scalar()
    ok = False
    try:
        ok = _HASHER.verify(user.password_hash if user else _DUMMY_HASH, password) and user is not None and user.active
    except (VerificationError, InvalidHashError):
        ok = False
    session.add(LoginAttempt(username=username, remote=(remote or "")[:100] or None, success=ok, at=utcnow()))
    if not ok or user is None:
        return None
    if _HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = _HASHER.hash(password)
    user.last_login_at = utcnow()
    return _info(user)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(session: Session, username: str, name: str) -> str:
    """Create a read-only API token for ``username``; returns the token (shown once, stored hashed)."""
    user = session.execute(select(User).where(User.username == username)).scalar()
    if user is None:
        raise AccountError(f"no user {username!r}")
    token = "ptk_" + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, name=name[:100], token_hash=_token_hash(token), created_at=utcnow()))
    return token


def revoke_tokens(session: Session, username: str) -> int:
    user = session.execute(select(User).where(User.username == username)).scalar()
    if user is None:
        raise AccountError(f"no user {username!r}")
    tokens = session.execute(select(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked.is_(False))).scalars().all()
    for t in tokens:
        t.revoked = True
    return len(tokens)


def user_for_token(session: Session, token: str) -> Any:
    """The active user of a valid (unrevoked) token, as :func:`get_user` gives it: one query."""
    return session.execute(
        select(*_SIGNED_IN).join(ApiToken, ApiToken.user_id == User.id)
        .where(ApiToken.token_hash == _token_hash(token), ApiToken.revoked.is_(False), User.active.is_(True))
    ).first()
