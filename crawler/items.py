"""The item the spider yields and the pipelines refine, then store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass
class ArticleItem:
    url: str  # the URL fetched (after redirects)
    outlet: str
    source_url: str = ""
    original_url: str = ""  # the URL as discovered (feed/sitemap/listing)
    declared_canonical: str | None = None  # rel=canonical or og:url
    canonical_url: str = ""
    title: str = ""
    text: str = ""
    lead: str = ""
    authors: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    language: str | None = None
    via: str = "page"  # page | feed
    pages: int = 1
    content_hash: str | None = None
    minhash: bytes | None = None
    near_duplicate_of: str | None = None  # canonical URL of the earlier syndicated copy
    # permission signals seen at fetch time
    robots_verdict: str = "allowed"
    tdm_reserved: bool = False
    tdm_policy_url: str | None = None
    text_withheld: bool = False
    permission: dict[str, Any] = field(default_factory=dict)
    classification: dict[str, Any] | None = None
