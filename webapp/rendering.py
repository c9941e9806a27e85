"""Jinja2 environment of the pages: autoescaping, translations, redaction and small formatters."""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.responses import Response

from pantau.taxonomy import MODUS, MODUS_LABELS_ID
from webapp import deps
from webapp.i18n import translate
from webapp.sessions import ANON_COOKIE, set_cookie

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
WIB = timedelta(hours=7)


def _wib(value: datetime | None, fmt: str = "%d-%m-%Y %H:%M") -> str:
    if value is None:
        return "–"
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return (value.astimezone(UTC) + WIB).strftime(fmt) + (" WIB" if "%H" in fmt else "")


def _redact(value: str | None) -> str:
    if not value:
        return ""
    return _redacted(value)


@functools.lru_cache(maxsize=8192)
def _redacted(value: str) -> str:
    """Victims' names to initials (deterministic, so cached: the same titles and leads come back on many
    result pages, and the name scan was a tenth of a search page's CPU)."""
    from nlp.redact import redact

    return redact(value)


def _highlight(text: str | None, needle: str | None) -> Markup:
    """Escape ``text`` and mark ``needle`` (evidence) inside it."""
    text = _redact(text)
    if not needle:
        return Markup(escape(text))
    core = needle.strip(". …").strip()
    if not core:
        return Markup(escape(text))
    parts = re.split("(" + re.escape(core) + ")", text, flags=re.IGNORECASE)
    return Markup("".join(f"<mark>{escape(p)}</mark>" if i % 2 else str(escape(p)) for i, p in enumerate(parts)))


def _number(value: int | float | None) -> str:
    if value is None:
        return "–"
    return f"{value:,}".replace(",", ".")


TEMPLATES.env.filters.update(wib=_wib, redact=_redact, highlight=_highlight, number=_number)
TEMPLATES.env.globals.update(MODUS=MODUS, MODUS_LABELS=MODUS_LABELS_ID)


def render(request: Request, name: str, status: int = 200, **context: Any) -> Response:
    lang = deps.lang_of(request)
    need_anon = not deps.session_nonce(request)
    if need_anon:
        raw, nonce = deps.codec_of(request).dumps(None)
        request.state.new_nonce = nonce
    context.update(
        request=request, lang=lang, t=lambda s: translate(s, lang), user=getattr(request.state, "user", None),
        csrf=deps.csrf_token(request), path=request.url.path,
    )
    response = TEMPLATES.TemplateResponse(request, name, context, status_code=status)
    if need_anon:
        set_cookie(response, request, ANON_COOKIE, raw, 3600 * 12)
    return response
