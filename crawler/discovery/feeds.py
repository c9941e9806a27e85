"""RSS and Atom feeds through feedparser; malformed feeds (bozo) are reported, not fatal."""

from __future__ import annotations

import calendar
from datetime import UTC, datetime
from typing import Any

from lxml import html

from . import Discovered, DiscoveryError

FULL_TEXT_MIN_WORDS = 80


def _date(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), UTC)
    return None


def _plain(markup: str) -> str:
    if not markup.strip():
        return ""
    try:
        tree = html.fromstring(markup)
    except Exception:  # noqa: BLE001 - feed HTML is anything; fall back to the raw string
        return markup.strip()
    blocks = [" ".join(t.split()) for t in tree.xpath("//p//text()[normalize-space()] | /*/text()[normalize-space()]")]
    return "\n".join(b for b in blocks if b) or " ".join(tree.text_content().split())


def parse_feed(body: bytes, base_url: str, content_type: str = "") -> tuple[list[Discovered], str | None]:
    """Entries of a feed and a warning when feedparser flagged it as malformed but still read it."""
    import feedparser

    headers = {"content-location": base_url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(body, response_headers=headers)
    entries = parsed.get("entries") or []
    version = parsed.get("version") or ""
    if not entries and not version:
        reason = parsed.get("bozo_exception")
        detail = f"{type(reason).__name__}: {reason}" if reason else "no RSS or Atom root element"
        raise DiscoveryError(f"not an RSS/Atom feed ({detail})")
    if parsed.get("bozo") and not entries:
        raise DiscoveryError(f"malformed feed: {parsed.get('bozo_exception')}")
    found = []
    for entry in entries:
        link = entry.get("link")
        if not link:
            continue
        content = "".join(c.get("value", "") for c in entry.get("content") or [])
        text = _plain(content)
        found.append(Discovered(
            url=link.strip(), published=_date(entry), title=(entry.get("title") or "").strip(),
            full_text=text if len(text.split()) >= FULL_TEXT_MIN_WORDS else "",
            summary=_plain(entry.get("summary") or "")[:1000],
        ))
    warning = f"malformed feed read anyway: {parsed.get('bozo_exception')}" if parsed.get("bozo") else None
    return found, warning
