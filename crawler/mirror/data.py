"""The mirror's content: our written articles assigned to sample outlets, with dates and paths."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path

ARTICLES = Path(__file__).resolve().parent / "articles.json"
EPOCH = datetime(2026, 1, 5, 2, 30, tzinfo=UTC)


@dataclass(frozen=True)
class MirrorArticle:
    index: int
    id: str
    title: str
    text: str
    relevant: bool
    modus: tuple[str, ...]
    outlet: str
    path: str
    published: datetime

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.text.split("\n") if p.strip()]


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:70]


def article_path(outlet: str, index: int, title: str, published: datetime) -> str:
    s = slug(title)
    if outlet == "kabar-nusantara":
        section = "arsip-internal" if index % 16 == 5 else "berita"
        return f"/{section}/{published:%Y/%m/%d}/{s}-{index}"
    if outlet == "warta-timur":
        return f"/read/{index}/{s}"
    if outlet == "suara-pesisir":
        return f"/news/{s}-{index}.html"
    return f"/artikel/{index}/{s}"


OUTLETS = ("kabar-nusantara", "warta-timur", "suara-pesisir", "blokir-media")


@lru_cache(maxsize=1)
def load_articles() -> tuple[MirrorArticle, ...]:
    raw = json.loads(ARTICLES.read_text(encoding="utf-8"))
    out = []
    for i, rec in enumerate(raw):
        outlet = OUTLETS[i % 3] if i < len(raw) - 8 else "blokir-media"
        published = EPOCH + timedelta(days=(i * 7) % 300, hours=i % 9)
        out.append(MirrorArticle(
            index=i, id=rec["id"], title=rec["title"], text=rec["text"], relevant=bool(rec["relevant"]),
            modus=tuple(rec.get("modus") or ()), outlet=outlet,
            path=article_path(outlet, i, rec["title"], published), published=published,
        ))
    return tuple(out)


def by_outlet(outlet: str) -> list[MirrorArticle]:
    return [a for a in load_articles() if a.outlet == outlet]


def syndicated() -> list[MirrorArticle]:
    """kabar-nusantara stories that suara-pesisir republishes (same text, its own intro line)."""
    return [a for a in by_outlet("kabar-nusantara") if a.relevant][:4]
