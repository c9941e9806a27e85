"""Canonical URLs: tracking parameters, AMP and mobile variants, multi-page articles."""

from __future__ import annotations

import pytest

from crawler.urls import canonical_url, page_number


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.kompas.com/read/2024/01/02/x?utm_source=fb&utm_medium=social", "https://www.kompas.com/read/2024/01/02/x"),
    ("https://news.detik.com/berita/d-123/x?fbclid=abc&gclid=1", "https://news.detik.com/berita/d-123/x"),
    ("https://m.kompas.com/read/2024/01/02/x", "https://www.kompas.com/read/2024/01/02/x"),
    ("https://amp.kompas.com/read/2024/01/02/x", "https://www.kompas.com/read/2024/01/02/x"),
    ("https://m.detik.com/news/berita/d-1/x", "https://detik.com/news/berita/d-1/x".replace("https://", "https://www.")),
    ("https://news.detik.com/berita/d-1/x/amp", "https://news.detik.com/berita/d-1/x"),
    ("https://www.tempo.co/amp/123/x", "https://www.tempo.co/123/x"),
    ("https://www.x.id/read/1?page=2", "https://www.x.id/read/1"),
    ("HTTPS://WWW.X.ID:443/read/1#comments", "https://www.x.id/read/1"),
    ("https://www.x.id/read/1?id=7&utm_campaign=a", "https://www.x.id/read/1?id=7"),
])
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_declared_canonical_wins_on_the_same_site_only() -> None:
    assert canonical_url("https://m.x.id/a?utm_source=1", "https://www.x.id/berita/a") == "https://www.x.id/berita/a"
    assert canonical_url("https://www.x.id/a", "https://evil.example/a") == "https://www.x.id/a"


def test_page_number() -> None:
    assert page_number("https://x.id/a?page=3") == 3
    assert page_number("https://x.id/a") == 1
