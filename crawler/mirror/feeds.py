"""Feeds, news sitemaps and listing pages of the mirror's outlets."""

from __future__ import annotations

from email.utils import format_datetime
from html import escape as E

from .data import MirrorArticle


def rss(title: str, base: str, items: list[tuple[str, MirrorArticle]], full_text: bool = False) -> str:
    entries = []
    for url, a in items:
        content = ""
        if full_text:
            content = "<content:encoded><![CDATA[" + "".join(f"<p>{E(p)}</p>" for p in a.paragraphs) + "]]></content:encoded>"
        entries.append(
            f"<item><title>{E(a.title)}</title><link>{E(url)}</link><guid>{E(url)}</guid>"
            f"<pubDate>{format_datetime(a.published)}</pubDate><description>{E(a.paragraphs[0][:200])}</description>"
            f"{content}</item>"
        )
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>{E(title)}</title><link>{base}/</link><description>{E(title)}</description>"
            f"{''.join(entries)}</channel></rss>")


def atom(title: str, base: str, items: list[tuple[str, MirrorArticle]]) -> str:
    entries = "".join(
        f'<entry><title>{E(a.title)}</title><link href="{E(url)}"/><id>{E(url)}</id>'
        f"<updated>{a.published.isoformat()}</updated><summary>{E(a.paragraphs[0][:200])}</summary></entry>"
        for url, a in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{E(title)}</title><id>{base}/</id><updated>2026-11-01T00:00:00Z</updated>{entries}</feed>")


def news_sitemap(name: str, items: list[tuple[str, MirrorArticle]]) -> str:
    urls = "".join(
        f"<url><loc>{E(url)}</loc><news:news><news:publication><news:name>{E(name)}</news:name>"
        f"<news:language>id</news:language></news:publication>"
        f"<news:publication_date>{a.published.isoformat()}</news:publication_date>"
        f"<news:title>{E(a.title)}</news:title></news:news></url>"
        for url, a in items
    )
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>')


def sitemap_index(children: list[tuple[str, str]]) -> str:
    items = "".join(f"<sitemap><loc>{E(u)}</loc><lastmod>{lm}</lastmod></sitemap>" for u, lm in children)
    return f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>'


def listing(title: str, base: str, items: list[tuple[str, MirrorArticle]]) -> str:
    links = "".join(f'<li><a href="{E(url)}">{E(a.title)}</a> <span>{a.published:%d/%m/%Y}</span></li>' for url, a in items)
    return (f"<html><head><title>Indeks {E(title)}</title></head><body><nav><a href='{base}/'>Beranda</a>"
            f"<a href='{base}/kanal/nasional'>Nasional</a></nav><h1>Indeks berita</h1><ul class='indeks'>{links}</ul>"
            f"<a href='{base}/indeks?page=2'>Berikutnya</a></body></html>")
