"""Publication dates: ISO strings from metadata, htmldate as fallback, Indonesian month names last."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

WIB = timezone(timedelta(hours=7), "WIB")
MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "pebruari": 2, "maret": 3, "mar": 3, "april": 4,
    "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8, "agt": 8,
    "ags": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "nopember": 11, "desember": 12, "des": 12, "dec": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
    "december": 12,
}
ID_DATE = re.compile(
    r"\b(\d{1,2})\s+(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+(\d{4})"
    r"(?:\D{1,12}?(\d{1,2})[:.](\d{2}))?",
    re.I,
)


def parse_iso(value: str | None) -> datetime | None:
    """An ISO 8601 date or datetime; naive values are taken as Jakarta time (WIB)."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    text = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", text)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        match = re.match(r"\d{4}-\d{2}-\d{2}", text)
        if not match:
            return None
        parsed = datetime.fromisoformat(match.group(0))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=WIB)
    return parsed.astimezone(UTC)


def parse_indonesian(text: str) -> datetime | None:
    """``Senin, 12 Januari 2026 10:15 WIB`` and friends."""
    match = ID_DATE.search(text)
    if not match:
        return None
    day, month, year = int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3))
    hour, minute = int(match.group(4) or 0), int(match.group(5) or 0)
    try:
        return datetime(year, month, day, hour, minute, tzinfo=WIB).astimezone(UTC)
    except ValueError:
        return None


def find_date(tree: Any, url: str, candidates: list[str | None], page_text: str) -> datetime | None:
    """The best publication date: metadata candidates, then Indonesian text, then htmldate."""
    for cand in candidates:
        parsed = parse_iso(cand)
        if parsed:
            return parsed
    from_text = parse_indonesian(page_text)
    if from_text:
        return from_text
    try:
        from htmldate import find_date as htmldate_find

        found = htmldate_find(tree, url=url, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # htmldate raises on odd trees; the text fallback follows
        found = None
    return parse_iso(found) if found else None
