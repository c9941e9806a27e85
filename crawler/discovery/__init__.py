"""Discovery: article links (with dates) from feeds, sitemaps and listing pages. Pure parsing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass
class Discovered:
    url: str
    published: datetime | None = None
    title: str = ""
    full_text: str = ""  # when a feed item carries the whole article
    summary: str = ""


class DiscoveryError(ValueError):
    """A feed or sitemap that cannot be read; the message says why (reported per source)."""
